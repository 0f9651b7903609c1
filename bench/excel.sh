#!/usr/bin/env bash
# bench/excel.sh — the Excel in/out benchmark of issue #7 point 5 (not part of ./test.sh).
# Measures with the Release build in build/ (scripts/setup.sh builds it), each step a separate
# `xianjie` process under /usr/bin/time -v (wall time, CPU time, peak RSS):
#   1. CSV import of 1,000,000 ledger rows into a fresh SQLite database   (target ≤ 20 s)
#   2. XLSX export of 100,000 ledger rows (xianjie export ledger)           (target ≤ 5 s)
#   3. XLSX import of those 100,000 rows into a fresh database              (target ≤ 10 s)
# and rewrites its section of docs/performance.md (bench/section.mjs excel).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=build/xianjie
[[ -x "$BIN" ]] || scripts/setup.sh >/dev/null
W=build-bench/excel
mkdir -p "$W"
if [[ ! -f "$W/ledger-1000000.csv" || ! -f "$W/ledger-100000.csv" ]]; then
  echo "==> writing the input files (bench/excel_data.py)"
  python3 bench/excel_data.py data/xizang-regions.csv "$W" 100000 1000000
fi

# A database with the regions and the 5,000 projects the ledger rows refer to.
fresh() {
  rm -f "$1" "$1-wal" "$1-shm"
  "$BIN" import --db "sqlite:$1" --kind regions data/xizang-regions.csv >/dev/null
  "$BIN" import --db "sqlite:$1" --kind projects "$W/projects.csv" >/dev/null
}

# run NAME CMD… : runs under /usr/bin/time -v, records "wall user sys rss_kib" in $W/NAME.time
run() {
  local name=$1
  shift
  /usr/bin/time -v -o "$W/$name.tv" "$@" >"$W/$name.out"
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); w=(n==3)?p[1]*3600+p[2]*60+p[3]:p[1]*60+p[2]}
              /User time/ {u=$2} /System time/ {s=$2} /Maximum resident/ {r=$2}
              END {printf "%.2f %.2f %.2f %d\n", w, u, s, r}' "$W/$name.tv" >"$W/$name.time"
  echo "    $name: $(cat "$W/$name.time") (wall s, user s, sys s, peak RSS KiB)"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "==> 1. CSV import, 1,000,000 ledger rows"
fresh "$W/csv.db"
run csv_import "$BIN" import --db "sqlite:$W/csv.db" --kind ledger "$W/ledger-1000000.csv"

echo "==> 2. XLSX export, 100,000 ledger rows"
fresh "$W/x100k.db"
"$BIN" import --db "sqlite:$W/x100k.db" --kind ledger "$W/ledger-100000.csv" >/dev/null
run xlsx_export "$BIN" export ledger --db "sqlite:$W/x100k.db" --out "$W/ledger-100000.xlsx"

echo "==> 3. XLSX import, 100,000 ledger rows"
fresh "$W/xlsx.db"
run xlsx_import "$BIN" import --db "sqlite:$W/xlsx.db" --kind ledger "$W/ledger-100000.xlsx"
grep -q "新增 100000" "$W/xlsx_import.out" || { echo "XLSX import did not insert 100000 rows"; cat "$W/xlsx_import.out"; exit 1; }
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

read -r cw cu cs cr <"$W/csv_import.time"
read -r ew eu es er <"$W/xlsx_export.time"
read -r iw iu is ir <"$W/xlsx_import.time"
mib() { awk -v k="$1" 'BEGIN {printf "%.0f", k/1024}'; }
verdict() { awk -v a="$1" -v b="$2" 'BEGIN {print (a <= b) ? "yes" : "**no**"}'; }
XLSX_MB=$(du -m "$W/ledger-100000.xlsx" | cut -f1)
CSV_MB=$(du -m "$W/ledger-1000000.csv" | cut -f1)

section=$(cat <<MD
## Excel in and out (issue #7)

Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),
Release build, SQLite on local disk. Each step is one \`xianjie\` process (start-up, migration check
and engine build included) under \`/usr/bin/time -v\`. Machine load (1/5/15-minute averages) before
the run: ${LOAD_BEFORE}; after: ${LOAD_AFTER}. With anything else running on these 2 cores the wall
times grow; CPU time (user + sys) is the steadier figure — but on this VM even CPU time grows by 30–40 %
under sustained load (the same binary's 1 M-row import took 15–23 s of CPU in successive runs on
2026-11-28), so run it with the machine idle for a few minutes first.

| step | rows | wall | user + sys CPU | peak RSS | target | met |
|---|---:|---:|---:|---:|---:|:-:|
| CSV import of the ledger (${CSV_MB} MB file) | 1,000,000 | ${cw} s | ${cu} + ${cs} s | $(mib "$cr") MiB | ≤ 20 s | $(verdict "$cw" 20) |
| XLSX export of the ledger (${XLSX_MB} MB file) | 100,000 | ${ew} s | ${eu} + ${es} s | $(mib "$er") MiB | ≤ 5 s | $(verdict "$ew" 5) |
| XLSX import of that file | 100,000 | ${iw} s | ${iu} + ${is} s | $(mib "$ir") MiB | ≤ 10 s | $(verdict "$iw" 10) |

Data (bench/excel_data.py, seeded): the Xizang region list, 5,000 projects over its counties, and
ledger rows that are 10 % allocations, 30 % disbursements and 60 % expenditures on those projects,
dated through 2023. The XLSX file is the server's own formatted export (title, units row, header,
number and date formats, 合计-free since the kinds are mixed) — the reader streams its sheet XML in
64 KiB inflated chunks, so its memory does not grow with the rows; the peak RSS of the imports is the
batch itself (every row is checked before anything is written: all-or-nothing).

Baseline before the changes of this branch: the 1,000,000-row CSV import took 31.3 s wall (load ≈ 2.8).
Profiling with \`perf\` showed SQLite re-reading and re-writing index pages (2 MiB default page cache)
and a million separate read transactions for the idempotency look-ups; the store now runs the
look-ups in one read transaction and opens SQLite with a 64 MiB page cache. Since then the import
needs 17–19 s of CPU: on an otherwise idle machine (wall ≈ CPU time) it meets the 20 s target with
little margin, and at load 4–5 its wall time was 22–30 s. What remains is SQLite's own insert work (three secondary indexes and the foreign-key checks,
about half the CPU), reading and checking the rows (about a quarter) and the engine update; a
64-row multi-VALUES INSERT was tried and showed no measurable gain under this load, so it was not kept.

Reproduce: \`bench/excel.sh\` (inputs are regenerated when missing; about 2 minutes).
MD
)
printf '%s\n' "$section" | node bench/section.mjs excel
echo "==> docs/performance.md (Excel section) written"
