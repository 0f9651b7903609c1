#!/usr/bin/env bash
# bench/postings_run.sh — the county public postings page at national scale (issue #15, point 4;
# not part of ./test.sh). 300,000 postings over the national region tree; p50/p99 of the use case of
# GET /api/v1/public/postings?region=COUNTY (target: p99 ≤ 20 ms). SQLite by default; pass a
# PostgreSQL URL of an empty database to measure that backend:
#   bench/postings_run.sh [DB_URL]      XIANJIE_BENCH_POSTINGS=… XIANJIE_BENCH_ITER=… to scale
set -euo pipefail
cd "$(dirname "$0")/.."
B=build-bench
cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=Release -DXIANJIE_BUILD_BENCH=ON -DXIANJIE_BUILD_TESTS=OFF >/dev/null
cmake --build "$B" -j"$(nproc)" --target xj_bench_postings >/dev/null
DB=${1:-}
if [[ -z "$DB" ]]; then
  rm -f "$B/postings.db" "$B/postings.db-wal" "$B/postings.db-shm"
  DB="sqlite:$B/postings.db"
fi
echo "==> load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$B/xj_bench_postings" "$DB" "${XIANJIE_BENCH_POSTINGS:-300000}" "${XIANJIE_BENCH_ITER:-1000}" | tee "$B/postings.json"
echo "==> load after: $(cut -d' ' -f1-3 /proc/loadavg)"
