#!/usr/bin/env bash
# Installs what xianjie needs from Debian packages and npm, idempotently, then builds.
# Usage: scripts/setup.sh [--test]   (--test adds what the test suites need)
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_PACKAGES=(
  cmake g++ make pkg-config ccache git
  libboost-dev libsqlite3-dev sqlite3 libpq-dev libpqxx-dev nlohmann-json3-dev libfmt-dev libspdlog-dev
  libcli11-dev libsodium-dev libxlsxwriter-dev libzip-dev libexpat1-dev zlib1g-dev
  libgtest-dev libgmock-dev
)
TEST_PACKAGES=(clang-format chromium fonts-wqy-microhei postgresql curl procps xz-utils nginx-light
  poppler-utils  # pdftotext and pdftoppm: the browser tests read the printed bulletin itself
  clang-14 libclang-rt-14-dev lld-14)  # the sanitized build and the fuzzers (build-asan/)

packages=("${BUILD_PACKAGES[@]}")
if [[ "${1:-}" == "--test" ]]; then packages+=("${TEST_PACKAGES[@]}"); fi

# Node.js may come from elsewhere than Debian (with its own npm): only ask apt when absent.
if ! command -v node >/dev/null; then packages+=(nodejs); fi
if ! command -v npm >/dev/null; then packages+=(npm); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then missing+=("$p"); fi
done
if ((${#missing[@]})); then
  echo "==> installing Debian packages: ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# npm ci only when the lock file changed since the last install.
lock_hash=$(sha256sum web/package-lock.json | cut -d' ' -f1)
stamp=web/node_modules/.xianjie-lock-sha256
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_hash" ]]; then
  echo "==> npm ci (web/)"
  (cd web && npm ci --no-audit --no-fund)
  echo "$lock_hash" > "$stamp"
fi

echo "==> building the server (Release, build/)"
# With --test the unit tests run on the sanitized build (below) and the Release build compiles only
# the scale tests, which are too slow under ASan; without it, build/ has every test as before.
unit_tests_in_release=ON
if [[ "${1:-}" == "--test" ]]; then unit_tests_in_release=OFF; fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DXIANJIE_UNIT_TESTS=$unit_tests_in_release -DXIANJIE_SCALE_TESTS=ON >/dev/null
started=$SECONDS
cmake --build build -j"$(nproc)"
echo "<== Release build: $((SECONDS - started)) s"

# With --test: one clang build with ASan + UBSan serves the sanitized suites and the fuzzers
# (docs/reliability.md). -O1, line tables only; every target of the project is needed (the server
# for the API suite, the unit tests, the harnesses), so nothing is left out.
if [[ "${1:-}" == "--test" ]]; then
  echo "==> building the sanitized server, unit tests and fuzzers (clang, ASan + UBSan, build-asan/)"
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
    -DXIANJIE_SANITIZE=ON -DXIANJIE_BUILD_FUZZERS=ON -DXIANJIE_UNIT_TESTS=ON -DXIANJIE_SCALE_TESTS=OFF >/dev/null
  started=$SECONDS
  cmake --build build-asan -j"$(nproc)"
  echo "<== sanitized build: $((SECONDS - started)) s"
fi

# The web app is rebuilt when any of its sources is newer than the last build.
if [[ ! -f web/dist/index.html ]] || [[ -n "$(find web/src web/index.html web/package.json web/package-lock.json web/vite.config.ts web/scripts \
      -newer web/dist/index.html -print -quit)" ]]; then
  echo "==> building the web app (web/dist)"
  (cd web && npm run build --silent)
fi
