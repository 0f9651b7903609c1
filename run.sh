#!/usr/bin/env bash
# ./run.sh — installs what is missing, builds, creates xianjie.db with demo data on
# first start, and serves http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh

DB=${XIANJIE_DB:-sqlite:xianjie.db}
PORT=${XIANJIE_PORT:-8080}
DEMO_LOGIN=demo-admin-login.txt
if [[ "$DB" == sqlite:* && ! -f "${DB#sqlite:}" ]]; then
  echo "==> first start: creating ${DB#sqlite:} with the Xizang demo data (regions, projects, ledger 2021–2023)"
  ./build/xianjie demo --db "$DB"
  # A demo administrator for the whole region, with a random password kept (mode 600) beside the db.
  password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=' | cut -c1-16)
  echo "$password" | ./build/xianjie user add admin --role admin --region 540000 --db "$DB"
  # Demo users for the other desks, with the same password: the bureau's finance officer enters
  # the ledger, a county officer sees only 城关区, a leader reads the wall chart.
  echo "$password" | ./build/xianjie user add finance --role finance_officer --region 540000 --db "$DB"
  echo "$password" | ./build/xianjie user add county --role county_officer --region 540102 --db "$DB"
  echo "$password" | ./build/xianjie user add leader --role leader --region 540000 --db "$DB"
  (umask 077 && printf 'username: admin\npassword: %s\n' "$password" >"$DEMO_LOGIN")
  echo "==> 演示账户 / demo users: admin, finance, county, leader   密码 password: $password"
  echo "    (也保存在 / also saved in $DEMO_LOGIN)"
fi
if [[ -f "$DEMO_LOGIN" ]]; then
  echo "==> 登录 / sign in: POST /api/v1/session with the account in $DEMO_LOGIN, e.g."
  echo "    curl -c cookies.txt -H 'Content-Type: application/json' \\"
  echo "      -d '{\"username\":\"admin\",\"password\":\"…\"}' http://127.0.0.1:${PORT}/api/v1/session"
fi
echo "==> 打开 / open http://127.0.0.1:${PORT}/"
exec ./build/xianjie serve --db "$DB" --port "$PORT"
