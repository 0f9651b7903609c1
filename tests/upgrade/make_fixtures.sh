#!/usr/bin/env bash
# Makes the upgrade test's fixtures with an OLD release: a SQLite file and a PostgreSQL dump
# written by that release's `xianjie demo` and `xianjie user add`, plus a few API writes, and the
# outputs that release gives on them (record.mjs). Run once per release whose databases must
# keep upgrading; the result is committed under tests/fixtures/upgrade/schema-NNNN/.
#   tests/upgrade/make_fixtures.sh COMMIT            builds COMMIT in a scratch worktree
#   OLD_BINARY=path tests/upgrade/make_fixtures.sh COMMIT   uses a binary already built from COMMIT
set -euo pipefail
cd "$(dirname "$0")/../.."
commit=${1:?usage: make_fixtures.sh COMMIT}
root=$PWD

if [[ -z "${OLD_BINARY:-}" ]]; then
  scratch=$(mktemp -d /tmp/xianjie-old.XXXXXX)
  git worktree add --detach "$scratch/src" "$commit"
  cmake -S "$scratch/src" -B "$scratch/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$scratch/build" -j"$(nproc)" --target xianjie
  OLD_BINARY="$scratch/build/xianjie"
fi
binary=$(realpath "$OLD_BINARY")

source scripts/throwaway_pg.sh
trap stop_pg EXIT
start_pg

work=$(mktemp -d /tmp/xianjie-fixtures.XXXXXX)
chmod 755 "$work"
schema=$("$binary" migrate --db "sqlite:$work/probe.db" | sed 's/schema version //')
out=tests/fixtures/upgrade/schema-$(printf '%04d' "$schema")
mkdir -p "$out"

fill() {
  local db=$1
  "$binary" demo --db "$db"
  echo 'upgrade-password-1' | "$binary" user add upgrade-admin --role admin --region 540000 --db "$db"
  echo 'upgrade-password-2' | "$binary" user add upgrade-county --role county_officer --region 540102 --db "$db"
  echo 'upgrade-password-3' | "$binary" user add upgrade-auditor --role auditor --region 540000 --db "$db"
  echo 'upgrade-password-4' | "$binary" user add upgrade-finance --role finance_officer --region 540102 --db "$db"
  OLD_RELEASE=$commit node tests/upgrade/record.mjs "$binary" "$db" "$work/expected.json"
  xz -9 -c "$work/expected.json" >"$2"
}

# SQLite: one clean file (the old release's backup is VACUUM INTO), compressed.
fill "sqlite:$work/live.db" "$out/expected-sqlite.json.xz"
"$binary" backup --db "sqlite:$work/live.db" --to "$work/sqlite.db"
xz -9 -c "$work/sqlite.db" >"$out/sqlite.db.xz"

# PostgreSQL: a plain SQL dump of a fresh database, without owners or grants.
createdb --maintenance-db "$XIANJIE_TEST_PG_URL" xianjie_fixture
pg_url="${XIANJIE_TEST_PG_URL%/postgres}/xianjie_fixture"
fill "$pg_url" "$out/expected-postgresql.json.xz"
as_pg pg_dump --no-owner --no-privileges --format=plain --dbname "$pg_url" | xz -9 >"$out/postgresql.sql.xz"

echo "$commit" >"$out/RELEASE"
rm -rf "$work"
ls -la "$out"
