#!/usr/bin/env bash
# ./test.sh — every suite: format, unit (GoogleTest via CTest), web unit (Vitest),
# API (real binary), browser (Debian chromium via playwright-core). Non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --test

failed=()
step() {
  local name=$1
  shift
  echo
  echo "==> $name"
  if "$@"; then echo "<== $name: ok"; else echo "<== $name: FAILED"; failed+=("$name"); fi
}

format_check() {
  git ls-files -co --exclude-standard 'src/*.cpp' 'src/*.hpp' | xargs clang-format --dry-run --Werror
}
unit_tests() { ctest --test-dir build --output-on-failure -j"$(nproc)"; }
web_tests() { (cd web && npm test --silent); }
api_tests() { node --test --test-concurrency=1 tests/api/; }

e2e_tests() {
  local dir port pid rc=0
  dir=$(mktemp -d)
  ./build/xianjie import --db "sqlite:$dir/e2e.db" --kind regions data/xizang-regions.csv >/dev/null
  # The regions API needs a session: the browser test signs in as this user.
  export XIANJIE_E2E_USER=e2e-admin XIANJIE_E2E_PASSWORD=e2e-password-123
  echo "$XIANJIE_E2E_PASSWORD" | ./build/xianjie user add "$XIANJIE_E2E_USER" --role admin --region 540000 \
    --db "sqlite:$dir/e2e.db" >/dev/null
  ./build/xianjie serve --db "sqlite:$dir/e2e.db" --port 0 >"$dir/out" 2>&1 &
  pid=$!
  for _ in $(seq 100); do
    port=$(grep -oE '127\.0\.0\.1:[0-9]+' "$dir/out" | head -1 | cut -d: -f2 || true)
    [[ -n "$port" ]] && break
    sleep 0.1
  done
  XIANJIE_BASE_URL="http://127.0.0.1:$port" XIANJIE_SCREENSHOT_DIR=build/screenshots \
    node --test --test-concurrency=1 tests/e2e/ || rc=$?
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
  return $rc
}

step "format (clang-format)" format_check
step "unit tests (GoogleTest)" unit_tests
step "web unit tests (Vitest)" web_tests
step "API tests (real server)" api_tests
step "browser tests (chromium)" e2e_tests

echo
if ((${#failed[@]})); then
  echo "FAILED suites: ${failed[*]}"
  exit 1
fi
echo "all suites passed"
