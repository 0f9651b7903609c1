#!/usr/bin/env bash
# Runs the libFuzzer harnesses of tests/fuzz/ (built in build-asan/ with ASan + UBSan, see
# docs/reliability.md). Any crash, leak, UB report, timeout, out-of-memory or FUZZ FINDING
# (a route answering 500, an invariant of a reader broken) fails the run.
#
#   scripts/fuzz.sh            each harness for FUZZ_RUNS executions (10,000,000) or FUZZ_SECONDS
#                              (3600), whichever comes first, one after another; then writes the
#                              executions, coverage and findings into docs/reliability.md.
#   scripts/fuzz.sh --smoke    each harness for FUZZ_SMOKE_SECONDS (20), two at a time, on a
#                              throwaway copy of the seeds; writes nothing (./test.sh runs this).
#
# FUZZ_TARGETS="csv_reader router" limits the run to some harnesses. Findings are kept as
# build-asan/fuzz/findings/NAME-crash-… (reproduce: build-asan/fuzz_NAME FILE).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
if [[ "${1:-}" == "--smoke" ]]; then mode=smoke; fi
runs=${FUZZ_RUNS:-10000000}
seconds=${FUZZ_SECONDS:-3600}
smoke_seconds=${FUZZ_SMOKE_SECONDS:-20}
build=build-asan
out=$build/fuzz
targets=${FUZZ_TARGETS:-$(cd tests/fuzz && ls -- *_fuzz.cpp | sed 's/_fuzz\.cpp$//' | tr '\n' ' ')}

for t in $targets; do
  if [[ ! -x $build/fuzz_$t ]]; then
    echo "fuzz.sh: $build/fuzz_$t is missing; run scripts/setup.sh --test first" >&2
    exit 2
  fi
done

# Leaks and UB are findings; the fuzzer's own -rss_limit_mb / -timeout bound memory and time.
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

# run_one NAME SECONDS RUNS: fuzzes NAME on a working copy of its seeds; leaves the log in
# $out/NAME.log and returns the fuzzer's exit status.
run_one() {
  local name=$1 secs=$2 max_runs=$3
  local work=$out/corpus/$name
  rm -rf "$work"
  mkdir -p "$work" "$out/findings"
  rm -f "$out/findings/$name"-*  # only this run's findings count
  cp -r tests/fuzz/corpus/"$name"/. "$work"/
  local status=0
  "$build/fuzz_$name" -max_total_time="$secs" -runs="$max_runs" -timeout=25 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$out/findings/$name-" "$work" \
    >"$out/$name.log" 2>&1 || status=$?
  return $status
}
export -f run_one
export build out

# smoke_one NAME: a short run; prints one line, or the end of the log on failure.
smoke_one() {
  local name=$1
  if run_one "$name" "$smoke_seconds" 100000000; then
    echo "fuzz_$name: ok, $(grep -o 'stat::number_of_executed_units: [0-9]*' "$out/$name.log" | grep -o '[0-9]*$') executions"
  else
    echo "fuzz_$name: FAILED"
    tail -n 60 "$out/$name.log"
    return 1
  fi
}
export -f smoke_one
export smoke_seconds

mkdir -p "$out"
if [[ $mode == smoke ]]; then
  # Two at a time: CI has two cores and nothing else runs during this step.
  printf '%s\n' $targets | xargs -P2 -n1 bash -c 'smoke_one "$1"' _
  exit
fi

# --- full run: one after another, then the table of docs/reliability.md ---
table=$(mktemp)
trap 'rm -f "$table"' EXIT
overall=0
started=$(date -u +%Y-%m-%dT%H:%MZ)
for t in $targets; do
  echo "==> fuzz_$t (up to $runs executions or $seconds s)"
  status=0
  run_one "$t" "$seconds" "$runs" || status=$?
  log=$out/$t.log
  execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  secs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | awk '{print $5}' | tail -n1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n1 | grep -o '[0-9]*$' || echo 0)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -n1 | grep -o '[0-9]*$' || echo 0)
  corpus=$(find "$out/corpus/$t" -type f | wc -l)
  findings=$(find "$out/findings" -name "$t-*" -type f | wc -l)
  verdict="none"
  if ((status != 0 || findings > 0)); then
    verdict="**$findings** (exit $status: $(grep -m1 -oE 'ERROR: [A-Za-z]+: [a-z-]+|FUZZ FINDING: .{0,80}|runtime error: .{0,80}' "$log" || echo see log))"
    overall=1
  fi
  echo "    $execs executions, ${secs:-?} s, cov $cov, ft $ft, corpus $corpus, findings: $verdict"
  printf '| `fuzz_%s` | %s | %s | %s | %s | %s | %s |\n' "$t" "$execs" "${secs:-?}" "$cov" "$ft" "$corpus" "$verdict" >>"$table"
done

doc=docs/reliability.md
python3 - "$doc" "$table" "$started" "$runs" "$seconds" <<'PY'
import sys, re
doc, table, started, runs, seconds = sys.argv[1:]
rows = open(table, encoding="utf-8").read()
block = (
    "<!-- fuzz:begin (written by scripts/fuzz.sh) -->\n"
    f"Last run: {started}, budget per harness: {int(runs):,} executions or {int(seconds):,} s, whichever first.\n\n"
    "| harness | executions | seconds | coverage (edges) | features | corpus | findings |\n"
    "|---|---:|---:|---:|---:|---:|---|\n"
    + rows +
    "<!-- fuzz:end -->")
text = open(doc, encoding="utf-8").read()
text, n = re.subn(r"<!-- fuzz:begin.*?<!-- fuzz:end -->", lambda m: block, text, flags=re.S)
if n != 1:
    sys.exit(f"{doc}: no fuzz:begin/fuzz:end block")
open(doc, "w", encoding="utf-8").write(text)
PY
echo "fuzz results written to $doc"
exit $overall
