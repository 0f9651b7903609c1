# Sourced by the drills of scripts/drills/: a database on either backend, the server started and
# stopped by process id, and the checks every drill ends with. Not part of ./test.sh (the drills
# take minutes to hours); results go to docs/reliability.md by hand.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source scripts/throwaway_pg.sh

XJ_BIN=${XJ_BIN:-build/xianjie}
DRILL_PASSWORD=drill-password-123
drill_dir=$(mktemp -d /tmp/xianjie-drill.XXXXXX)
server_pid=""
server_url=""

log() { echo "[$(date -u +%H:%M:%S)] $*"; }
fail() {
  log "DRILL FAILED: $*"
  exit 1
}

# start_pg_durable: a throwaway cluster like test.sh's (scripts/throwaway_pg.sh), but with fsync and
# synchronous commit on — the drills count acknowledged writes, so the database must keep them.
start_pg_durable() {
  local port
  pg_dir=$(mktemp -d /tmp/xianjie-pg.XXXXXX)
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$pg_dir"; fi
  port=$(free_port)
  (cd "$pg_dir" &&
    as_pg "$PG_BIN/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" &&
    as_pg "$PG_BIN/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -o \
      "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c max_connections=300" start >/dev/null)
  export XIANJIE_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/postgres"
  log "throwaway PostgreSQL 15 on 127.0.0.1:$port (fsync on)"
}

# pg_restart [MODE]: restarts the drill cluster (pg_ctl restart -m fast by default).
pg_restart() {
  (cd "$pg_dir" && as_pg "$PG_BIN/pg_ctl" -D "$pg_dir/data" -m "${1:-fast}" -w restart >/dev/null)
}

# new_db BACKEND: sets `db` to the URL of a fresh empty database (sqlite under $drill_dir, or a new
# database on the drill's PostgreSQL cluster, started on first use). Not in a subshell: the cluster
# must be this shell's, to be stopped at exit.
db=""
new_db() {
  local backend=$1 name=drill_$RANDOM$RANDOM
  if [[ $backend == sqlite ]]; then
    db="sqlite:$drill_dir/$name.db"
  else
    [[ -n "${pg_dir:-}" ]] || start_pg_durable
    createdb --maintenance-db "$XIANJIE_TEST_PG_URL" "$name"
    db="${XIANJIE_TEST_PG_URL%/*}/$name"
  fi
}

# prepare_db URL: the regions of data/xizang-regions.csv and a finance officer `finance`.
prepare_db() {
  local db=$1
  "$XJ_BIN" import --db "$db" --kind regions data/xizang-regions.csv >/dev/null
  echo "$DRILL_PASSWORD" | "$XJ_BIN" user add finance --role finance_officer --region 540102 --db "$db" >/dev/null
}

# start_server URL [serve flags…]: starts `xianjie serve` on a free port; sets server_pid, server_url.
start_server() {
  local db=$1
  shift
  local out=$drill_dir/server.$RANDOM.out
  "$XJ_BIN" serve --db "$db" --port 0 "$@" >"$out" 2>"$out.err" &
  server_pid=$!
  for _ in $(seq 1 300); do
    server_url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$out" | head -n1 || true)
    [[ -n "$server_url" ]] && return 0
    kill -0 "$server_pid" 2>/dev/null || fail "server exited at start: $(cat "$out.err")"
    sleep 0.1
  done
  fail "server did not start: $(cat "$out.err")"
}

stop_server() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}

# stored_ids URL PREFIX: the entry ids stored with this prefix, one a line, sorted.
stored_ids() {
  local db=$1 prefix=$2 sql="SELECT entry_id FROM ledger_entries WHERE entry_id LIKE '$2-%';"
  if [[ $db == sqlite:* ]]; then sqlite3 "${db#sqlite:}" "$sql"; else psql -X -q -A -t -d "$db" -c "$sql"; fi | sort
}

# lost_acks URL PREFIX ACKS_FILE: prints how many acknowledged ids are not stored.
lost_acks() {
  comm -23 <(sort "$3") <(stored_ids "$1" "$2") | wc -l
}

# verify URL: `xianjie verify` must exit 0.
verify() {
  local out
  out=$("$XJ_BIN" verify --db "$1" 2>&1) || fail "verify failed: $out"
}

cleanup_drill() {
  stop_server
  stop_pg
  rm -rf "$drill_dir"
}
trap cleanup_drill EXIT
