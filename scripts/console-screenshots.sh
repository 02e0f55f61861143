#!/usr/bin/env bash
# Refreshes the web console's screenshots in docs/images (shown in README and docs/console.md).
#
#   scripts/console-screenshots.sh          run the browser tests with screenshots on
#
# The browser tests (ConsoleBrowserTest, Debian's chromium and chromium-driver, installed with
# apt-get if missing) save the main pages at 1280 px and the project list at phone width
# (390 px) into docs/images when ATELIER_CONSOLE_SCREENSHOTS names that folder.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
if [[ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  export PATH="$JAVA_HOME/bin:$PATH"
fi
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "installing chromium and chromium-driver (Debian packages)"
  apt-get install -y chromium chromium-driver >/dev/null
fi

cd "$ROOT"
ATELIER_CONSOLE_SCREENSHOTS="$ROOT/docs/images" ATELIER_REQUIRE_BROWSER_TESTS=true \
  ./mvnw -B -q -o -pl adapters-http -am test -Dspotless.check.skip=true \
  -Dtest=ConsoleBrowserTest -Dsurefire.failIfNoSpecifiedTests=false
ls -l "$ROOT"/docs/images/console-*.png
