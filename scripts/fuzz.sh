#!/usr/bin/env bash
# Real, time-bounded fuzzing of Atelier's hostile-input parsers with Jazzer (docs/security.md,
# "Hostile input"). A normal `./mvnw verify` only replays the inputs kept under
# src/test/resources/**/<TestClass>Inputs/<method>/; this script lets Jazzer generate new ones.
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]
#   SECONDS_PER_TARGET  default 60; fuzzed in rounds of 30 s (each @FuzzTest's maxDuration), the
#                       generated corpus (.cifuzz-corpus/, git-ignored) carried from round to round
#   TARGET              export-spooled, export-memory, zip, extractor (default: all four)
#
# A crash (an exception other than the 4xx domain errors, a timeout, an OutOfMemoryError) stops
# the target's round with a failure; Jazzer writes the input to the target's Inputs directory,
# where it stays as a regression input: commit it with the fix. Prints, per target, the
# executions, seconds and crashes found. Exit status 1 when any target crashed.
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  export PATH="$JAVA_HOME/bin:$PATH"
fi

SECONDS_PER_TARGET="${1:-60}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(export-spooled export-memory zip extractor)
ROUNDS=$(( (SECONDS_PER_TARGET + 29) / 30 ))
LOGS="$(mktemp -d)"

# module, test, and the classes Jazzer instruments for coverage (the JDK's own are never instrumented)
target() {
  case "$1" in
    export-spooled) echo "adapters-http dev/atelier/http/v1/ExportImportFuzzTest#a_spooled_workspace_import_fails_only_with_4xx_domain_errors dev.atelier.**:com.fasterxml.jackson.core.**" ;;
    export-memory) echo "adapters-http dev/atelier/http/v1/ExportImportFuzzTest#an_in_memory_project_import_fails_only_with_4xx_domain_errors dev.atelier.**:com.fasterxml.jackson.core.**" ;;
    zip) echo "adapters-http dev/atelier/http/resource/ZipArchiveFuzzTest#reading_an_archive_fails_only_with_4xx_domain_errors dev.atelier.**:com.fasterxml.jackson.core.**" ;;
    extractor) echo "adapters-llm dev/atelier/llm/TikaTextExtractorFuzzTest#extraction_fails_only_with_4xx_domain_errors_and_keeps_its_limits dev.atelier.**:org.apache.tika.**:org.apache.pdfbox.**:org.apache.fontbox.**:org.apache.poi.**:org.apache.commons.csv.**" ;;
    *) echo "unknown target $1 (export-spooled, export-memory, zip, extractor)" >&2; return 1 ;;
  esac
}

# compile once; the rounds below only run tests
./mvnw -B -o -q test-compile -Dspotless.check.skip=true >"$LOGS/compile.log" 2>&1 || ./mvnw -B -q test-compile >"$LOGS/compile.log" 2>&1 || {
  echo "[fuzz] build failed: $LOGS/compile.log"; exit 2; }

FAILED=0
SUMMARY=()
for name in "${TARGETS[@]}"; do
  read -r module test includes < <(target "$name") || exit 2
  runs=0; secs=0; crashes=0
  for round in $(seq 1 "$ROUNDS"); do
    log="$LOGS/$name-$round.log"
    echo "[fuzz] $name: round $round/$ROUNDS (30 s)"
    JAZZER_FUZZ=1 ./mvnw -B -o test -pl "$module" -am -Dspotless.check.skip=true \
      -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.hooks=true \
      "-Dsurefire.argLine=-XX:+EnableDynamicAgentLoading -Xshare:off --enable-native-access=ALL-UNNAMED -Xmx1g -Djazzer.instrumentation_includes=$includes" \
      >"$log" 2>&1
    status=$?
    # libFuzzer's closing line: "Done 123456 runs in 30 second(s)"
    done_line="$(grep -a -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1)"
    r="$(echo "$done_line" | awk '{print $2}')"; s="$(echo "$done_line" | awk '{print $5}')"
    runs=$((runs + ${r:-0})); secs=$((secs + ${s:-0}))
    if [ $status -ne 0 ]; then
      crashes=$((crashes + 1)); FAILED=1
      echo "[fuzz] $name: CRASH in round $round; log: $log"
      grep -a -m 5 "== Java Exception\|Caused by\|crash-\|timeout-\|Exception" "$log" | head -8
      break
    fi
  done
  SUMMARY+=("$name: $runs executions in $secs s, $crashes crash(es)")
done

echo "[fuzz] summary (logs in $LOGS):"
for line in "${SUMMARY[@]}"; do echo "[fuzz]   $line"; done
exit $FAILED
