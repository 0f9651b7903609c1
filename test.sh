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

# Each browser test file starts the real binary on a free port with the demo data and its users.
e2e_tests() { XIANJIE_SCREENSHOT_DIR=build/screenshots node --test --test-concurrency=1 tests/e2e/; }

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
