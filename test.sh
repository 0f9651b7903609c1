#!/usr/bin/env bash
# ./test.sh — every suite: format, the scale tests (GoogleTest via CTest, Release build), OpenAPI lint
# (Redocly), web lint (ESLint), web unit (Vitest, incl. the generated client types' freshness),
# API (real binary, on SQLite and on PostgreSQL; every response checked against docs/openapi.yaml
# by tests/lib/contract.mjs, and every operation seen succeeding at least once), upgrades, then the
# unit tests (GoogleTest) and the SQLite API suite again on the ASan + UBSan build, a short run of
# each fuzzer (docs/reliability.md), and the browser tests (Debian chromium via playwright-core).
# Suites that each leave a core idle run two at a time (side_by_side below). Non-zero on any
# failure; each step's wall time and a summary at the end.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --test
setup_seconds=$SECONDS

# --- a throwaway PostgreSQL 15 cluster: temp folder, loopback only, a free port, stopped at exit ---
source scripts/throwaway_pg.sh
trap stop_pg EXIT
trap 'exit 130' INT TERM
start_pg

failed=()
timings=()
# Each step prints its wall time, and the summary at the end lists them all (docs/performance.md,
# "Suite time", keeps the measured figures).
step() {
  local name=$1
  shift
  echo
  echo "==> $name"
  local started=$SECONDS verdict=ok
  if ! "$@"; then
    verdict=FAILED
    failed+=("$name")
  fi
  echo "<== $name: $verdict ($((SECONDS - started)) s)"
  timings+=("$(printf '%6d s  %s' $((SECONDS - started)) "$name")")
}

format_check() {
  git ls-files -co --exclude-standard 'src/*.cpp' 'src/*.hpp' | xargs clang-format --dry-run --Werror
}
# The Release build holds only the scale tests (xj_scale_tests: ParallelLoadTest, 9.3 million
# ledger facts): minutes under ASan, seconds here. Every other unit test runs on the sanitized
# build below — each test source is compiled once (docs/performance.md "Suite time").
scale_tests() { ctest --test-dir build --output-on-failure -j"$(nproc)"; }
web_tests() { (cd web && npm test --silent); }
web_lint() { (cd web && npm run --silent lint); }
# docs/openapi.yaml against Redocly's recommended rules (docs/redocly.yaml; exceptions with reasons beside it).
api_contract_lint() { (cd web && npm run --silent lint:api); }
# side_by_side LOG1 FUNC1 LOG2 FUNC2: runs the two functions at once, each into its log under build/,
# then prints the logs one after the other; fails if either failed. For suites that each keep about one
# core busy while the other waits on its server (docs/performance.md "Suite time").
side_by_side() {
  local log1=build/$1.log log2=build/$3.log status1=0 status2=0
  "$2" >"$log1" 2>&1 &
  local pid1=$!
  "$4" >"$log2" 2>&1 &
  local pid2=$!
  wait "$pid1" || status1=$?
  wait "$pid2" || status2=$?
  echo "--- $1 (exit $status1)"
  cat "$log1"
  echo "--- $3 (exit $status2)"
  cat "$log2"
  ((status1 == 0 && status2 == 0))
}

# The SQLite run logs each response's operation and status; the coverage step then fails for an
# operation no test saw succeed (its response schema would be held to nothing).
contract_log=build/contract-coverage.log
# The two backends' passes run side by side: each is one test file at a time against its own
# server and databases (free ports, temporary files, PostgreSQL databases named by process). The
# files that bound a latency run afterwards, one backend at a time, on an otherwise quiet machine.
api_timed='/(import_load)\.test\.mjs$'
api_files() { ls tests/api/*.test.mjs | grep -vE "$api_timed"; }
api_sqlite_pass() {
  local files
  mapfile -t files < <(api_files)
  XIANJIE_CONTRACT_LOG="$contract_log" XIANJIE_TEST_DB=sqlite node --test --test-concurrency=1 "${files[@]}"
}
api_postgresql_pass() {
  local files
  mapfile -t files < <(api_files)
  XIANJIE_TEST_DB=postgresql node --test --test-concurrency=1 "${files[@]}"
}
api_tests() {
  rm -f "$contract_log"
  local timed status=0
  side_by_side api-sqlite api_sqlite_pass api-postgresql api_postgresql_pass || status=1
  mapfile -t timed < <(ls tests/api/*.test.mjs | grep -E "$api_timed")
  echo "--- timed files, one backend at a time: ${timed[*]}"
  XIANJIE_CONTRACT_LOG="$contract_log" XIANJIE_TEST_DB=sqlite node --test --test-concurrency=1 "${timed[@]}" || status=1
  XIANJIE_TEST_DB=postgresql node --test --test-concurrency=1 "${timed[@]}" || status=1
  return $status
}
api_contract_coverage() { node tests/lib/contract_coverage.mjs "$contract_log"; }
upgrade_tests_sqlite() { XIANJIE_TEST_DB=sqlite node --test --test-concurrency=1 tests/upgrade/; }
upgrade_tests_postgresql() { XIANJIE_TEST_DB=postgresql node --test --test-concurrency=1 tests/upgrade/; }

# The sanitized build (build-asan/: clang, ASan + UBSan, one build for these suites and the fuzzers;
# docs/reliability.md says what runs and what it costs). A UB report aborts at once, a leak fails the
# process at exit; every report is also written under build-asan/sanitizer/, so one from a server the
# tests stopped, or a CLI run whose exit status a test ignored, still fails the step.
sanitizer_logs=build-asan/sanitizer
sanitized() {
  rm -rf "$sanitizer_logs"
  mkdir -p "$sanitizer_logs"
  local status=0
  ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:log_path=$PWD/$sanitizer_logs/asan" \
    UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$PWD/$sanitizer_logs/ubsan" "$@" || status=$?
  local reports
  reports=$(grep -lE 'ERROR: (Address|Leak|UndefinedBehavior)Sanitizer|runtime error:' "$sanitizer_logs"/* 2>/dev/null || true)
  if [[ -n "$reports" ]]; then
    echo "sanitizer reports:"
    for f in $reports; do cat "$f"; done
    return 1
  fi
  return $status
}
# Every unit test but the scale tests (not built here: the Release step runs them).
sanitized_unit_tests() {
  sanitized ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
}
# The API suite on the sanitized server, but for the files that read the whole demo region (found by
# `demo: true` / demoDbUrl: generating it takes minutes under ASan at -O0; their routes are in
# fuzz_json_bodies and the Release run) and those listed here: excel (2.5 min; its slow synchronous CLI
# runs outlast the server's keep-alive, so a reused connection fails — the XLSX reader is fuzzed and
# unit-tested under ASan instead), import_load (four 10 MB imports: a latency bound measured on the
# Release build; under ASan at -O0 it is only slow) and import_cancel (a 10 MB job and a 10 s exit
# bound; not yet tried under ASan).
sanitized_api_skip='/(excel|import_load|import_cancel)\.test\.mjs$'
sanitized_api_tests_sqlite() {
  local files
  mapfile -t files < <(ls tests/api/*.test.mjs | grep -vE "$sanitized_api_skip" | xargs grep -L -E 'demo: true|demoDbUrl')
  XIANJIE_BINARY=build-asan/xianjie XIANJIE_TEST_DB=sqlite sanitized node --test --test-concurrency=1 "${files[@]}"
}
fuzz_smoke() { scripts/fuzz.sh --smoke; }

# Each browser test file starts the real binary on a free port with the demo data and its users.
e2e_tests() { XIANJIE_SCREENSHOT_DIR=build/screenshots node --test --test-concurrency=1 tests/e2e/; }
# The sanitized API pass keeps about one core busy and the browser tests about two thirds of one
# (283 CPU-s in 425 s): side by side they take little longer than the slower alone.
sanitized_api_and_browser_tests() { side_by_side api-asan sanitized_api_tests_sqlite e2e e2e_tests; }

step "format (clang-format)" format_check
step "scale tests (GoogleTest, Release build)" scale_tests
step "API contract lint (Redocly, docs/openapi.yaml)" api_contract_lint
step "web lint (ESLint: Vue + TypeScript recommended)" web_lint
step "web unit tests (Vitest)" web_tests
step "API tests (real server, SQLite and PostgreSQL side by side)" api_tests
step "API contract coverage (every operation answered 2xx in tests/api/)" api_contract_coverage
step "upgrade tests (an earlier release's databases, SQLite)" upgrade_tests_sqlite
step "upgrade tests (an earlier release's databases, PostgreSQL)" upgrade_tests_postgresql
step "unit tests (ASan + UBSan, build-asan/)" sanitized_unit_tests
step "fuzz smoke (libFuzzer, ASan + UBSan: each harness of tests/fuzz/ for ~20 s)" fuzz_smoke
step "API tests (SQLite, ASan + UBSan build) and browser tests (chromium), side by side" sanitized_api_and_browser_tests

echo
echo "step times (set-up and builds: ${setup_seconds} s):"
printf '%s\n' "${timings[@]}"
echo "total: ${SECONDS} s"
if ((${#failed[@]})); then
  echo "FAILED suites: ${failed[*]}"
  exit 1
fi
echo "all suites passed"
