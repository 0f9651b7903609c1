#!/usr/bin/env bash
# Drill: backup under write load, restore, verify (docs/reliability.md).
#   scripts/drills/backup.sh sqlite|postgresql
# `xianjie backup` runs while 8 writers post entries; the backup is restored the documented way
# (docs/operations.md §2) into a new database, which must pass `xianjie verify` and hold every entry
# acknowledged before the backup started.
source "$(dirname "$0")/lib.sh"
backend=${1:?sqlite or postgresql}
new_db "$backend"
prepare_db "$db"
start_server "$db"
acks=$drill_dir/acks
: >"$acks"
node scripts/drills/load.mjs --url "$server_url" --user finance --password "$DRILL_PASSWORD" --prefix B1 \
  --acks "$acks" --writers 8 --seconds 15 >"$drill_dir/load.json" &
load_pid=$!
# Back up once writes are flowing (at least 50 acknowledged), while they go on.
for _ in $(seq 1 600); do (($(wc -l <"$acks") >= 50)) && break; sleep 0.05; done
cp "$acks" "$drill_dir/acks.before"
if [[ $backend == sqlite ]]; then file=$drill_dir/backup.db; else file=$drill_dir/backup.dump; fi
t0=$(date +%s.%N)
"$XJ_BIN" backup --db "$db" --to "$file" >/dev/null || fail "backup failed"
log "backup under load took $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s ($(du -h "$file" | cut -f1))"
wait $load_pid
log "load: $(cat "$drill_dir/load.json")"
stop_server
if [[ $backend == sqlite ]]; then
  restored="sqlite:$drill_dir/restored.db"
  cp "$file" "${restored#sqlite:}"
else
  createdb --maintenance-db "$XIANJIE_TEST_PG_URL" drill_restored
  restored="${XIANJIE_TEST_PG_URL%/*}/drill_restored"
  pg_restore --no-owner --exit-on-error -d "$restored" "$file" || fail "pg_restore failed"
fi
verify "$restored"
lost=$(lost_acks "$restored" B1 "$drill_dir/acks.before")
in_backup=$(stored_ids "$restored" B1 | wc -l)
log "backup drill ($backend): $(wc -l <"$drill_dir/acks.before") acknowledged before the backup, $lost of them missing from it, $in_backup in it, restored database verify clean"
((lost == 0)) || fail "$lost entries acknowledged before the backup are missing from it"
