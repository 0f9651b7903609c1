#!/usr/bin/env bash
# Drill: kill -9 under concurrent write load (docs/reliability.md).
#   scripts/drills/kill9.sh sqlite|postgresql [TRIALS=100]
# Each trial starts the server on the same database, runs 8 writers (scripts/drills/load.mjs),
# kills the server with SIGKILL 0.2–2.2 s after the first acknowledged write, then checks that every acknowledged entry is
# stored (0 lost) and that `xianjie verify` is clean. Prints one line per trial and a total.
source "$(dirname "$0")/lib.sh"
backend=${1:?sqlite or postgresql}
trials=${2:-100}
new_db "$backend"
prepare_db "$db"
total_acked=0
total_lost=0
for i in $(seq 1 "$trials"); do
  start_server "$db"
  acks=$drill_dir/acks.$i
  : >"$acks"
  node scripts/drills/load.mjs --url "$server_url" --user finance --password "$DRILL_PASSWORD" \
    --prefix "K$i" --acks "$acks" --writers 8 --give-up-ms 1500 >"$drill_dir/load.$i" &
  load_pid=$!
  # Kill at a random moment once writes are being acknowledged (login and start-up take a while).
  for _ in $(seq 1 200); do [[ -s "$acks" ]] && break; sleep 0.05; done
  sleep "$(awk -v r=$RANDOM 'BEGIN { printf "%.2f", 0.2 + 2 * r / 32767 }')"
  kill -9 "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
  wait "$load_pid" || fail "load generator failed: $(cat "$drill_dir/load.$i")"
  acked=$(wc -l <"$acks")
  lost=$(lost_acks "$db" "K$i" "$acks")
  verify "$db"
  total_acked=$((total_acked + acked))
  total_lost=$((total_lost + lost))
  log "trial $i/$trials ($backend): $acked acknowledged, $lost lost, verify clean"
  ((lost == 0)) || fail "trial $i lost $lost acknowledged entries"
done
log "kill -9 drill ($backend): $trials trials, $total_acked acknowledged entries, $total_lost lost, verify clean after each"
