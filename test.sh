#!/usr/bin/env bash
# ./test.sh — every suite: format, unit (GoogleTest via CTest), OpenAPI lint (Redocly), web lint (ESLint),
# web unit (Vitest, incl. the generated client types' freshness),
# API (real binary, on SQLite and on PostgreSQL; every response checked against docs/openapi.yaml
# by tests/lib/contract.mjs, and every operation seen succeeding at least once), browser (Debian chromium via
# playwright-core). Non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --test

# --- a throwaway PostgreSQL 15 cluster: temp folder, loopback only, a free port, stopped at exit ---
source scripts/throwaway_pg.sh
trap stop_pg EXIT
trap 'exit 130' INT TERM
start_pg

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
web_lint() { (cd web && npm run --silent lint); }
# docs/openapi.yaml against Redocly's recommended rules (docs/redocly.yaml; exceptions with reasons beside it).
api_contract_lint() { (cd web && npm run --silent lint:api); }
# The SQLite run logs each response's operation and status; the coverage step then fails for an
# operation no test saw succeed (its response schema would be held to nothing).
contract_log=build/contract-coverage.log
api_tests_sqlite() {
  rm -f "$contract_log"
  XIANJIE_CONTRACT_LOG="$contract_log" XIANJIE_TEST_DB=sqlite node --test --test-concurrency=1 tests/api/
}
api_contract_coverage() { node tests/lib/contract_coverage.mjs "$contract_log"; }
api_tests_postgresql() { XIANJIE_TEST_DB=postgresql node --test --test-concurrency=1 tests/api/; }
upgrade_tests_sqlite() { XIANJIE_TEST_DB=sqlite node --test --test-concurrency=1 tests/upgrade/; }
upgrade_tests_postgresql() { XIANJIE_TEST_DB=postgresql node --test --test-concurrency=1 tests/upgrade/; }

# Each browser test file starts the real binary on a free port with the demo data and its users.
e2e_tests() { XIANJIE_SCREENSHOT_DIR=build/screenshots node --test --test-concurrency=1 tests/e2e/; }

step "format (clang-format)" format_check
step "unit tests (GoogleTest)" unit_tests
step "API contract lint (Redocly, docs/openapi.yaml)" api_contract_lint
step "web lint (ESLint: Vue + TypeScript recommended)" web_lint
step "web unit tests (Vitest)" web_tests
step "API tests (real server, SQLite)" api_tests_sqlite
step "API contract coverage (every operation answered 2xx in tests/api/)" api_contract_coverage
step "API tests (real server, PostgreSQL)" api_tests_postgresql
step "upgrade tests (an earlier release's databases, SQLite)" upgrade_tests_sqlite
step "upgrade tests (an earlier release's databases, PostgreSQL)" upgrade_tests_postgresql
step "browser tests (chromium)" e2e_tests

echo
if ((${#failed[@]})); then
  echo "FAILED suites: ${failed[*]}"
  exit 1
fi
echo "all suites passed"
