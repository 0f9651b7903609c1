#!/usr/bin/env bash
# Drill: a full disk (docs/reliability.md).
#   scripts/drills/diskfull.sh sqlite|postgresql
# The database (SQLite: the file and its WAL; PostgreSQL: a tablespace the database lives in) sits
# on a small tmpfs (needs root for mount). Writers run until the disk is full; then: writes must
# be refused with HTTP 507 and code storage_full, reads served, and — once the tmpfs is grown
# without restarting anything — writes accepted again; every acknowledged entry stored, verify clean.
source "$(dirname "$0")/lib.sh"
backend=${1:?sqlite or postgresql}
mnt=$drill_dir/mnt
mkdir -p "$mnt"
mount -t tmpfs -o size=${DISKFULL_SIZE:-6m} tmpfs "$mnt" || fail "mount tmpfs (needs root)"
unmount() { umount "$mnt" 2>/dev/null || true; }
trap 'stop_server; unmount; stop_pg; rm -rf "$drill_dir"' EXIT

if [[ $backend == sqlite ]]; then
  db="sqlite:$mnt/full.db"
else
  [[ -n "${pg_dir:-}" ]] || start_pg_durable
  chmod 755 "$drill_dir"
  chown postgres: "$mnt"
  psql -X -q -d "$XIANJIE_TEST_PG_URL" -c "CREATE TABLESPACE drill_small LOCATION '$mnt'"
  createdb --maintenance-db "$XIANJIE_TEST_PG_URL" --tablespace drill_small drill_full
  db="${XIANJIE_TEST_PG_URL%/*}/drill_full"
fi
prepare_db "$db"
start_server "$db"

acks=$drill_dir/acks
: >"$acks"
# Sign in while there is room (a session is a write too).
node scripts/drills/load.mjs --url "$server_url" --user finance --password "$DRILL_PASSWORD" \
  --session "$drill_dir/session.json" --writers 0 --seconds 0 >/dev/null
log "filling the disk ($(df -h "$mnt" | awk 'NR==2 {print $2}'))"
node scripts/drills/load.mjs --url "$server_url" --user finance --password "$DRILL_PASSWORD" --session "$drill_dir/session.json" --prefix F1 \
  --acks "$acks" --writers 4 --seconds "${DISKFULL_SECONDS:-120}" --give-up-ms 5000 >"$drill_dir/fill.json" &
fill_pid=$!
# Stop once the disk is full and writes are refused for a few seconds.
while kill -0 $fill_pid 2>/dev/null; do
  used=$(df --output=pcent "$mnt" | tail -n1 | tr -dc 0-9)
  if ((used >= 100)); then
    sleep 3
    break
  fi
  sleep 1
done
kill $fill_pid 2>/dev/null || true
wait $fill_pid 2>/dev/null || true
log "while full: writes $(cat "$drill_dir/fill.json" 2>/dev/null || echo '(interrupted)')"

# One more write and one read, while full.
write_status=$(node scripts/drills/load.mjs --url "$server_url" --user finance --password "$DRILL_PASSWORD" --session "$drill_dir/session.json" \
  --prefix F2 --writers 1 --readers 1 --seconds 3)
log "one write + one read while full: $write_status"

log "growing the disk, no restart"
mount -o remount,size=64m "$mnt"
sleep 1
after=$(node scripts/drills/load.mjs --url "$server_url" --user finance --password "$DRILL_PASSWORD" --session "$drill_dir/session.json" \
  --prefix F3 --acks "$drill_dir/acks3" --writers 2 --seconds 3)
log "after space returned: $after"
stop_server
lost=$(lost_acks "$db" F1 "$acks")
verify "$db"
log "disk-full drill ($backend): $(wc -l <"$acks") acknowledged before full, $lost lost, verify clean"
((lost == 0)) || fail "$lost acknowledged entries lost"
# The verdicts: refused as 507 storage_full (nothing else) and reads served while full; writes
# acknowledged again once space returned, without a restart.
node -e '
  const [full, after] = process.argv.slice(1).map((s) => JSON.parse(s))
  const problems = []
  const codes = Object.keys(full.refused)
  if (full.acked !== 0 || codes.length !== 1 || codes[0] !== "507 storage_full")
    problems.push(`while full, writes answered ${JSON.stringify(full.refused)} (${full.acked} acknowledged), not only 507 storage_full`)
  if (full.reads === 0 || full.read_errors !== 0) problems.push(`while full, reads: ${full.reads} served, ${full.read_errors} failed`)
  if (after.acked === 0) problems.push("no write acknowledged after space returned")
  for (const p of problems) console.log("FAILED: " + p)
  process.exit(problems.length ? 1 : 0)
' "$write_status" "$after" || fail "disk-full verdicts"
log "disk-full drill ($backend): passed"
