#!/usr/bin/env bash
# Drill: PostgreSQL restarted under load (docs/reliability.md).
#   scripts/drills/pg_restart.sh [RESTARTS=3]
# 8 writers and 2 readers run against the server while the cluster is restarted (pg_ctl restart
# -m fast) every few seconds; the server is never restarted. After the last restart the writers
# must be acknowledged again (the pool reconnected), every acknowledged entry stored, verify clean.
source "$(dirname "$0")/lib.sh"
restarts=${1:-3}
new_db postgresql
prepare_db "$db"
start_server "$db"
acks=$drill_dir/acks
: >"$acks"
node scripts/drills/load.mjs --url "$server_url" --user finance --password "$DRILL_PASSWORD" --prefix P1 \
  --acks "$acks" --writers 8 --readers 2 --seconds $((5 + restarts * 6)) --give-up-ms 30000 >"$drill_dir/load.json" &
load_pid=$!
for i in $(seq 1 "$restarts"); do
  sleep 4
  before=$(wc -l <"$acks")
  pg_restart fast
  log "restart $i: $before acknowledged before it"
done
wait $load_pid
log "load during restarts: $(cat "$drill_dir/load.json")"
after=$(node scripts/drills/load.mjs --url "$server_url" --user finance --password "$DRILL_PASSWORD" \
  --prefix P2 --acks "$drill_dir/acks2" --writers 4 --seconds 3)
log "after the last restart (same server process): $after"
stop_server
lost=$(lost_acks "$db" P1 "$acks")
verify "$db"
acked2=$(wc -l <"$drill_dir/acks2")
((acked2 > 0)) || fail "no write acknowledged after the restarts: the pool did not reconnect"
log "PostgreSQL restart drill: $restarts restarts, $(wc -l <"$acks") acknowledged during them, $lost lost, $acked2 after, verify clean"
((lost == 0)) || fail "$lost acknowledged entries lost"
