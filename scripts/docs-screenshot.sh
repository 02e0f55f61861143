#!/usr/bin/env bash
# Headless-Chromium check of the browsable API reference (/docs).
#
#   scripts/docs-screenshot.sh              start adapters-http/target/atelier.jar on a free loopback
#                                           port (built first if missing) and check it
#   scripts/docs-screenshot.sh URL          check a running server (e.g. http://127.0.0.1:8080)
#
# Loads /docs in Debian's chromium (installed with apt-get if missing), with background networking
# off, waits for the page's scripts, and checks that the rendered DOM lists the operations of
# /openapi.yml. Saves a screenshot to docs/images/api-reference.png (override with SCREENSHOT=...).
# Exits non-zero when the reference does not render.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
SCREENSHOT="${SCREENSHOT:-$ROOT/docs/images/api-reference.png}"
WORK="$(mktemp -d)"
SERVER_PID=""

cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing chromium (Debian package)"
  apt-get install -y chromium >/dev/null
fi

if [[ $# -ge 1 ]]; then
  BASE="${1%/}"
else
  JAR="$ROOT/adapters-http/target/atelier.jar"
  if [[ ! -f "$JAR" ]]; then
    echo "building $JAR"
    (cd "$ROOT" && JAVA_HOME="$(dirname "$(dirname "$JAVA")")" ./mvnw -B -q -o -pl adapters-http -am package -DskipTests)
  fi
  PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
  BASE="http://127.0.0.1:$PORT"
  echo "starting Atelier on $BASE (log: $WORK/atelier.log)"
  MICRONAUT_SERVER_HOST=127.0.0.1 MICRONAUT_SERVER_PORT="$PORT" ATELIER_DATA_DIR="$WORK/data" \
    ATELIER_ADMIN_TOKEN="docs-screenshot-token-0123456789" ATELIER_ANALYZER_WARM_UP=false \
    "$JAVA" -jar "$JAR" >"$WORK/atelier.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    if curl -fsS "$BASE/health/liveness" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$WORK/atelier.log"; echo "FAIL: Atelier did not start"; exit 1; fi
    sleep 1
  done
fi

# the page must not reference anything but this server
curl -fsS "$BASE/docs" >"$WORK/page.html"
if grep -Eo '(src|href|url)[=:( ]*["'"'"']https?://[^"'"'"']+' "$WORK/page.html"; then
  echo "FAIL: /docs references an external URL"
  exit 1
fi
curl -fsS "$BASE/openapi.yml" >"$WORK/openapi.yml"

chrome() {
  # no network but this server: background networking, component updates and sync are off
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-default-apps --no-first-run --user-data-dir="$(mktemp -d -p "$WORK")" \
    --virtual-time-budget=10000 "$@" 2>>"$WORK/chromium.log"
}

chrome --dump-dom "$BASE/docs" >"$WORK/dom.html"

# every documented path must appear as a rendered operation
missing=0
checked=0
while read -r path; do
  checked=$((checked + 1))
  if ! grep -qF "data-path=\"$path\"" "$WORK/dom.html"; then
    echo "not rendered: $path"
    missing=$((missing + 1))
  fi
done < <(grep -E '^  /' "$WORK/openapi.yml" | sed -E 's/^  (\/[^:]*):.*/\1/')
operations=$(grep -o 'class="opblock opblock-' "$WORK/dom.html" | wc -l)
echo "documented paths: $checked, rendered operations: $operations, missing: $missing"
if [[ "$checked" -eq 0 || "$missing" -ne 0 || "$operations" -eq 0 ]]; then
  echo "FAIL: the API reference did not render its operations"
  exit 1
fi

mkdir -p "$(dirname "$SCREENSHOT")"
chrome --hide-scrollbars --window-size=1280,1600 --screenshot="$SCREENSHOT" "$BASE/docs" >/dev/null
if [[ ! -s "$SCREENSHOT" ]]; then
  echo "FAIL: no screenshot written"
  exit 1
fi
echo "OK: /docs renders $operations operations; screenshot: $SCREENSHOT"
