#!/usr/bin/env bash
# bench/compare.sh OLD_COMMIT — an old and the current build measured alternately in one run
# (issue #15 point 9; not part of ./test.sh; run it on an idle machine). Also `bench/run.sh --compare OLD_COMMIT`.
#   * builds OLD_COMMIT in a scratch worktree (build-bench-old/src, build-bench-old/build) and this
#     tree in build-bench/, both Release with xianjie and xj_bench_figures;
#   * writes the national dataset once with the OLD binary (build-bench-old/national.db; the new
#     build migrates it in place on its first start-up, as an upgrade would);
#   * ROUNDS times (default 3), old then new: App start-up and the full county ranking p99
#     (xj_bench_figures, the same program as bench/run.sh), then the CSV import of 1,000,000 ledger
#     rows into a fresh Xizang database (`xianjie import`, bench/excel.sh's input);
#   * prints the medians side by side and the new/old ratio. Issue #15 asks each within 10 %.
set -euo pipefail
cd "$(dirname "$0")/.."
old_commit=${1:?usage: bench/compare.sh OLD_COMMIT}
ROUNDS=${XIANJIE_BENCH_ROUNDS:-3}
NEW=build-bench
OLD=build-bench-old
scripts/setup.sh --test >/dev/null

echo "==> building the current tree ($NEW) and $old_commit ($OLD)"
cmake -S . -B "$NEW" -DCMAKE_BUILD_TYPE=Release -DXIANJIE_BUILD_BENCH=ON -DXIANJIE_BUILD_TESTS=OFF >/dev/null
cmake --build "$NEW" -j"$(nproc)" --target xianjie xj_bench_figures >/dev/null
if [[ ! -d "$OLD/src" ]]; then git worktree add --detach "$OLD/src" "$old_commit" >/dev/null; fi
git -C "$OLD/src" checkout --detach -q "$old_commit"
cmake -S "$OLD/src" -B "$OLD/build" -DCMAKE_BUILD_TYPE=Release -DXIANJIE_BUILD_BENCH=ON -DXIANJIE_BUILD_TESTS=OFF >/dev/null
cmake --build "$OLD/build" -j"$(nproc)" --target xianjie xj_bench_figures >/dev/null

DB="$OLD/national.db"
if [[ ! -f "$DB" ]]; then
  echo "==> writing the national dataset with the old binary to $DB"
  "$OLD/build/xianjie" demo --db "sqlite:$DB" --scale national >/dev/null
fi
W="$NEW/excel"
mkdir -p "$W"
[[ -f "$W/ledger-1000000.csv" ]] || python3 bench/excel_data.py data/xizang-regions.csv "$W" 100000 1000000

# import_once BIN NAME: CSV import of the 1 M rows into a fresh database; echoes the wall seconds.
import_once() {
  local bin=$1 db="$W/compare-$2.db"
  rm -f "$db" "$db-wal" "$db-shm"
  "$bin" import --db "sqlite:$db" --kind regions data/xizang-regions.csv >/dev/null
  "$bin" import --db "sqlite:$db" --kind projects "$W/projects.csv" >/dev/null
  local t0 t1
  t0=$(date +%s.%N)
  "$bin" import --db "sqlite:$db" --kind ledger "$W/ledger-1000000.csv" >/dev/null
  t1=$(date +%s.%N)
  python3 -c "print(round($t1 - $t0, 2))"
}

OUT="$NEW/compare"
mkdir -p "$OUT"
: >"$OUT/rounds.tsv"
echo "==> load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  for side in old new; do
    dir=$NEW
    [[ $side == old ]] && dir=$OLD/build
    "$dir/xj_bench_figures" "sqlite:$DB" 200 >"$OUT/figures-$side-$round.json"
    start=$(node -e "const j=require('./$OUT/figures-$side-$round.json'); console.log(j.start_seconds.toFixed(2))")
    rank=$(node -e "const j=require('./$OUT/figures-$side-$round.json'); console.log((j.county_ranking.p99_us/1000).toFixed(2))")
    imp=$(import_once "$dir/xianjie" "$side")
    printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$side" "$start" "$rank" "$imp" | tee -a "$OUT/rounds.tsv"
  done
done
echo "==> load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$OUT/rounds.tsv" <<'PY'
import statistics, sys
rows = [l.split('\t') for l in open(sys.argv[1]).read().split('\n') if l]
med = {}
for side in ('old', 'new'):
    mine = [r for r in rows if r[1] == side]
    med[side] = [statistics.median(float(r[i]) for r in mine) for i in (2, 3, 4)]
print('| figure (median of %d rounds) | old | new | new / old |' % (len(rows) // 2))
print('|---|---|---|---|')
for i, name in enumerate(('start-up (s)', 'county ranking p99 (ms)', 'CSV import of 1,000,000 ledger rows (s)')):
    o, n = med['old'][i], med['new'][i]
    print('| %s | %.2f | %.2f | %.2f |' % (name, o, n, n / o if o else float('nan')))
PY
