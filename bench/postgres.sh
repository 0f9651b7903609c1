#!/usr/bin/env bash
# bench/postgres.sh — the PostgreSQL benchmark of issue #8 (not part of ./test.sh):
#   1. engine build time from PostgreSQL for the national dataset (copied from the SQLite file
#      bench/run.sh writes), against the same build from SQLite in the same run;
#   2. import of 1,000,000 ledger rows (CSV, one all-or-nothing batch) into the national data,
#      on PostgreSQL and on a copy of the SQLite file;
#   3. concurrent write throughput over HTTP (one entry per request, committed durably:
#      fsync and synchronous_commit on; SQLite WAL with synchronous=FULL) with 1, 8 and 32 clients.
# Writes its section of docs/performance.md. Options: --rows N (default 1000000), --seconds S (15).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=1000000
SECONDS_PER_LOAD=15
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) ROWS=$2; shift 2 ;;
    --seconds) SECONDS_PER_LOAD=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
scripts/setup.sh --test >/dev/null
(cd bench && { [[ -d node_modules ]] || npm ci --no-audit --no-fund; })

B=build-bench
cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=Release -DXIANJIE_BUILD_BENCH=ON -DXIANJIE_BUILD_TESTS=OFF >/dev/null
cmake --build "$B" -j"$(nproc)" --target xianjie xj_bench_figures xj_bench_writes >/dev/null
DB="${XIANJIE_BENCH_DB:-$B/national.db}"
if [[ ! -f "$DB" ]]; then
  echo "==> writing the national dataset to $DB"
  "$B/xianjie" demo --db "sqlite:$DB" --scale national
fi
OUT="${XIANJIE_BENCH_OUT:-$B/pg}"
mkdir -p "$OUT"
timed() { # timed NAME CMD… — wall seconds and peak RSS (KiB) into $OUT/NAME.time
  local name=$1
  shift
  /usr/bin/time -f '%e %M' -o "$OUT/$name.time" "$@"
}

echo "==> PostgreSQL 15 (throwaway, durable settings)"
PGBIN=/usr/lib/postgresql/15/bin
PGDIR=$(mktemp -d /tmp/xianjie-bench-pg.XXXXXX)
chown postgres "$PGDIR"
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
SERVER_PID=""
SQLITE_COPY="$OUT/national-copy.db"
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null || true
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" stop -m immediate >/dev/null 2>&1 || true
  rm -rf "$PGDIR" "$SQLITE_COPY" "$SQLITE_COPY-wal" "$SQLITE_COPY-shm"
}
trap cleanup EXIT
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
# Durable (fsync, synchronous_commit and full_page_writes at their defaults); memory sized for 24 GiB.
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -o \
  "-c listen_addresses=127.0.0.1 -p $PGPORT -c unix_socket_directories=$PGDIR -c shared_buffers=4GB \
   -c work_mem=64MB -c maintenance_work_mem=1GB -c max_wal_size=16GB -c checkpoint_timeout=30min" start >/dev/null
psql -q "postgresql://postgres@127.0.0.1:$PGPORT/postgres" -c 'CREATE DATABASE xianjie'
PGURL="postgresql://postgres@127.0.0.1:$PGPORT/xianjie"

echo "==> copying the national dataset into PostgreSQL (xianjie copy)"
timed copy "$B/xianjie" copy --from "sqlite:$DB" --to "$PGURL"
psql -q "$PGURL" -c 'VACUUM ANALYZE'

echo "==> engine build: PostgreSQL, then SQLite (same run)"
"$B/xj_bench_figures" "$PGURL" 200 >"$OUT/engine-pg.json"
"$B/xj_bench_figures" "sqlite:$DB" 200 >"$OUT/engine-sqlite.json"

echo "==> $ROWS ledger rows"
CSV="$OUT/ledger-$ROWS.csv"
[[ -f "$CSV" ]] || node bench/gen_ledger.mjs "$DB" "$ROWS" WB >"$CSV"
timed import-pg "$B/xj_bench_writes" "$PGURL" "$CSV" >"$OUT/import-pg.json"
cp "$DB" "$SQLITE_COPY"
timed import-sqlite "$B/xj_bench_writes" "sqlite:$SQLITE_COPY" "$CSV" >"$OUT/import-sqlite.json"

# A finance officer of one province posts allocations to one of its counties.
PROVINCE=$(sqlite3 "$DB" "SELECT code FROM regions WHERE level = 1 ORDER BY code LIMIT 1")
COUNTY=$(sqlite3 "$DB" "SELECT code FROM regions WHERE level = 3 AND code LIKE '${PROVINCE:0:2}%' ORDER BY code LIMIT 1")
load() { # load NAME DB_URL
  local name=$1 url=$2 port
  echo "bench-password-123" | "$B/xianjie" user add "bench-$name" --db "$url" --role finance_officer --region "$PROVINCE" >/dev/null
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$B/xianjie" serve --db "$url" --port "$port" --web web/dist --login-max-failures 1000 >"$OUT/serve-$name.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.5
  done
  node bench/write_load.mjs "http://127.0.0.1:$port" "bench-$name" bench-password-123 "$COUNTY" "WL-$name" \
    "$SECONDS_PER_LOAD" 1 8 32 >"$OUT/load-$name.json"
  kill "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}
echo "==> concurrent writes over HTTP: PostgreSQL"
load pg "$PGURL"
echo "==> concurrent writes over HTTP: SQLite"
load sqlite "sqlite:$SQLITE_COPY"

node bench/postgres_report.mjs "$OUT" "$ROWS" "$(uptime | sed 's/.*load average: //')" | node bench/section.mjs postgres
echo "==> docs/performance.md (section postgres) written"
