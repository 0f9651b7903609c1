#!/usr/bin/env bash
# bench/run.sh — the indicator benchmark of issue #3 (not part of ./test.sh).
# Builds Release, writes the national dataset once (build-bench/national.db, ~7 min),
# measures the engine in process and the same answers by SQL in SQLite, PostgreSQL and
# DuckDB in the same run, and rewrites docs/performance.md.
#   bench/run.sh --compare OLD_COMMIT   instead measures OLD_COMMIT's build and this one alternately
#                                       (start-up, county ranking p99, 1 M-row import): bench/compare.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--compare" ]]; then exec bench/compare.sh "${2:?usage: bench/run.sh --compare OLD_COMMIT}"; fi
scripts/setup.sh --test >/dev/null
(cd bench && { [[ -d node_modules ]] || npm ci --no-audit --no-fund; })

B=build-bench
cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=Release -DXIANJIE_BUILD_BENCH=ON -DXIANJIE_BUILD_TESTS=OFF >/dev/null
cmake --build "$B" -j"$(nproc)" --target xianjie xj_bench_figures >/dev/null
DB="$B/national.db"
if [[ ! -f "$DB" ]]; then
  echo "==> writing the national dataset to $DB"
  /usr/bin/time -f '%e s, peak RSS %M KiB' -o "$B/demo.time" "$B/xianjie" demo --db "sqlite:$DB" --scale national
fi

echo "==> engine (in process)"
/usr/bin/time -f '%M' -o "$B/engine.rss" "$B/xj_bench_figures" "sqlite:$DB" "${XIANJIE_BENCH_ITER:-2000}" >"$B/engine.json"
# Two more start-ups (few query iterations): start-up time varies between runs on a VM.
for i in 1 2; do "$B/xj_bench_figures" "sqlite:$DB" 10 >"$B/start-$i.json"; done

echo "==> exporting the rows the SQL baselines need"
CSV="$B/csv"
mkdir -p "$CSV"
if [[ ! -f "$CSV/ledger.csv" ]]; then
  sqlite3 -header -csv "$DB" "SELECT province_code, region_code, entry_date, effective_kind, sign, amount_fen, fund_year, fund_source FROM ledger_entries" >"$CSV/ledger.csv"
  sqlite3 -header -csv "$DB" "SELECT province_code, region_code, year, status, actual_start FROM projects" >"$CSV/projects.csv"
fi

echo "==> PostgreSQL 15 (throwaway cluster on loopback)"
PGBIN=/usr/lib/postgresql/15/bin
PGDIR=$(mktemp -d)
chown postgres "$PGDIR"
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cleanup() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" stop -m immediate >/dev/null 2>&1 || true; rm -rf "$PGDIR"; }
trap cleanup EXIT
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U postgres >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -o "-c listen_addresses=127.0.0.1 -p $PGPORT -c unix_socket_directories=$PGDIR -c shared_buffers=2GB -c work_mem=256MB -c max_parallel_workers_per_gather=2" -l "$PGDIR/log" -w start >/dev/null
PGURL="postgresql://postgres@127.0.0.1:$PGPORT/postgres"
T0=$(date +%s.%N)
psql -q "$PGURL" <<SQL
CREATE TABLE ledger_entries (province_code text, region_code text, entry_date text, effective_kind int, sign int,
                             amount_fen bigint, fund_year int, fund_source int);
CREATE TABLE projects (province_code text, region_code text, year int, status int, actual_start text);
\copy ledger_entries FROM '$CSV/ledger.csv' WITH (FORMAT csv, HEADER true)
\copy projects FROM '$CSV/projects.csv' WITH (FORMAT csv, HEADER true)
CREATE INDEX ON ledger_entries (fund_year, region_code);
CREATE INDEX ON ledger_entries (province_code);
CREATE INDEX ON projects (region_code, year);
CREATE INDEX ON projects (province_code);
VACUUM ANALYZE;
SQL
PG_LOAD=$(python3 -c "import time; print(round(time.time() - $T0, 1))")

echo "==> SQL baselines"
node bench/sql_baselines.mjs "$DB" "$CSV" "$PGURL" >"$B/sql.json"
node bench/report.mjs "$B/engine.json" "$B/sql.json" "$(cat "$B/engine.rss")" "$PG_LOAD" "$(cat "$B/demo.time" 2>/dev/null || echo n/a)" \
  "$B/start-1.json" "$B/start-2.json" | node bench/section.mjs figures
echo "==> docs/performance.md written"
