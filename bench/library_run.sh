#!/usr/bin/env bash
# bench/library_run.sh — the project-list benchmark of issue #4 (not part of ./test.sh):
# 1,000,000 projects on SQLite, p50/p99 of GET /api/v1/projects' use case for a filtered first
# page, and the same answers by SQL in SQLite. Prints both JSON objects; docs/performance.md
# ("Project library list") records a run.
set -euo pipefail
cd "$(dirname "$0")/.."
B=build-bench
cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=Release -DXIANJIE_BUILD_BENCH=ON -DXIANJIE_BUILD_TESTS=OFF >/dev/null
cmake --build "$B" -j"$(nproc)" --target xj_bench_library >/dev/null
DB="$B/library.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
echo "==> load before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f '%M' -o "$B/library.rss" "$B/xj_bench_library" "sqlite:$DB" "${XIANJIE_BENCH_PROJECTS:-1000000}" \
  "${XIANJIE_BENCH_ITER:-1000}" >"$B/library.json"
echo "==> engine (peak RSS $(($(cat "$B/library.rss") / 1024)) MiB)"
cat "$B/library.json"
echo "==> SQL in SQLite"
python3 bench/library_sql.py "$DB" "$B/library.json" "${XIANJIE_BENCH_SQL_ITER:-200}" | tee "$B/library_sql.json"
echo "==> load after: $(cut -d' ' -f1-3 /proc/loadavg)"
