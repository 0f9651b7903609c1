#!/usr/bin/env bash
# ./run.sh — installs what is missing, builds, creates xianjie.db with demo data on
# first start, and serves http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh

DB=${XIANJIE_DB:-sqlite:xianjie.db}
PORT=${XIANJIE_PORT:-8080}
if [[ "$DB" == sqlite:* && ! -f "${DB#sqlite:}" ]]; then
  echo "==> first start: creating ${DB#sqlite:} with the Xizang demo data (regions, projects, ledger 2022–2023)"
  ./build/xianjie demo --db "$DB"
fi
echo "==> 打开 / open http://127.0.0.1:${PORT}/"
exec ./build/xianjie serve --db "$DB" --port "$PORT"
