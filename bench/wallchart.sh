#!/usr/bin/env bash
# The wall chart on a slow link (issue #22 point 1): bench/wallchart.mjs for an earlier web build
# ("before") and this checkout's web/dist ("after"), written into docs/performance.md.
# Usage: bench/wallchart.sh [BEFORE_REF]   (default: the commit before the aggregate dashboard, 3b4783a)
# XIANJIE_BEFORE_DIST=DIR uses a web build at hand instead of building BEFORE_REF's.
# Needs build/xianjie and web/dist (./run.sh builds both) and /usr/bin/chromium. Run it on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
ref="${1:-3b4783a}"
before="${XIANJIE_BEFORE_DIST:-}"
if [[ -z "$before" ]]; then
  tmp="$(mktemp -d)"
  trap 'git worktree remove --force "$tmp/src" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
  git worktree add --detach "$tmp/src" "$ref" >/dev/null
  (cd "$tmp/src/web" && npm ci --no-audit --no-fund >/dev/null && npm run build >/dev/null)
  before="$tmp/src/web/dist"
  export XIANJIE_BEFORE_NOTE="the web build of commit ${ref}"
fi
mkdir -p build/bench
node bench/wallchart.mjs --before "$before" --after web/dist --runs "${RUNS:-3}" --json build/bench/wallchart.json |
  node bench/section.mjs wallchart
echo "wrote the wallchart section of docs/performance.md (raw figures: build/bench/wallchart.json)"
