#!/usr/bin/env bash
# Drill: a soak of 256 connections mixing reads and writes (docs/reliability.md).
#   scripts/drills/soak.sh sqlite|postgresql [SECONDS=600]
# 64 writers and 192 readers (each its own keep-alive connection) for SECONDS; the server's RSS is
# sampled every 5 s. Passes with 0 errors, 0 refusals, every acknowledged entry stored, verify
# clean; prints the RSS samples (flat = the last third within 10% of the middle third).
source "$(dirname "$0")/lib.sh"
backend=${1:?sqlite or postgresql}
seconds=${2:-600}
new_db "$backend"
prepare_db "$db"
start_server "$db" --threads 4
acks=$drill_dir/acks
: >"$acks"
node scripts/drills/load.mjs --url "$server_url" --user finance --password "$DRILL_PASSWORD" --prefix S1 \
  --acks "$acks" --writers 64 --readers 192 --seconds "$seconds" --give-up-ms 15000 >"$drill_dir/load.json" &
load_pid=$!
rss=()
sockets=()
while kill -0 $load_pid 2>/dev/null; do
  rss+=("$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/"$server_pid"/status)")
  sockets+=("$(find /proc/"$server_pid"/fd -lname 'socket:*' 2>/dev/null | wc -l)")
  sleep 5
done
wait $load_pid
result=$(cat "$drill_dir/load.json")
stop_server
lost=$(lost_acks "$db" S1 "$acks")
verify "$db"
log "soak ($backend, 256 connections, ${seconds} s): $result"
log "server RSS (MiB, every 5 s): ${rss[*]}"
log "server sockets open (every 5 s): ${sockets[*]}"
log "soak: $(wc -l <"$acks") acknowledged, $lost lost, verify clean"
echo "$result" | node -e 'const r = JSON.parse(require("fs").readFileSync(0)); process.exit(r.errors || r.read_errors || Object.keys(r.refused).length ? 1 : 0)' ||
  fail "errors or refusals under the soak"
((lost == 0)) || fail "$lost acknowledged entries lost"
