# Sourced by test.sh and tests/upgrade/make_fixtures.sh: a throwaway PostgreSQL 15 cluster in a
# temp folder, loopback only, on a free port. start_pg exports XIANJIE_TEST_PG_URL; stop_pg removes it.
PG_BIN=/usr/lib/postgresql/15/bin
pg_dir=""
# initdb refuses to run as root: the cluster belongs to the postgres user then.
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close() })'
}
stop_pg() {
  [[ -n "$pg_dir" ]] || return 0
  (cd "$pg_dir" && as_pg "$PG_BIN/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1) || true
  rm -rf "$pg_dir"
  pg_dir=""
}
start_pg() {
  local port
  pg_dir=$(mktemp -d /tmp/xianjie-pg.XXXXXX)
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$pg_dir"; fi
  port=$(free_port)
  # fsync and full-page writes off: the cluster is thrown away, durability buys nothing here.
  (cd "$pg_dir" &&
    as_pg "$PG_BIN/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" &&
    as_pg "$PG_BIN/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -o \
      "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
      start >/dev/null)
  export XIANJIE_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/postgres"
  echo "==> throwaway PostgreSQL 15 on 127.0.0.1:$port ($pg_dir)"
}
