#!/usr/bin/env bash
# Extraction benchmark: Atelier's TextExtractor (PDFBox) against poppler's pdftotext on the same
# generated PDF corpus, reported as a throughput ratio; plus the offline analyzer's latency.
# Usage: bench/extraction/run.sh [files=40] [pages=20] [rounds=3] [analyzer_runs=30]
set -euo pipefail
FILES=${1:-40}
PAGES=${2:-20}
ROUNDS=${3:-3}
RUNS=${4:-30}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_DIR:-$ROOT/bench/extraction/target}
CORPUS=$WORK/corpus
mkdir -p "$WORK"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH=$JAVA_HOME/bin:$PATH

if ! command -v pdftotext >/dev/null; then
  echo "pdftotext missing: installing poppler-utils" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q poppler-utils >/dev/null; else sudo apt-get install -y -q poppler-utils >/dev/null; fi
fi

cd "$ROOT"
./mvnw -B -q -o -pl adapters-llm -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test >/dev/null
CP="$ROOT/adapters-llm/target/test-classes:$ROOT/adapters-llm/target/classes:$ROOT/domain/target/classes:$(cat "$WORK/classpath.txt")"
run() { java -Xmx1g -cp "$CP" dev.atelier.llm.ExtractionBench "$@"; }

rm -rf "$CORPUS"
run generate "$CORPUS" "$FILES" "$PAGES"

ours=$(run extract "$CORPUS" "$ROUNDS" | tee /dev/stderr | grep '^atelier')
ours_fps=$(sed -E 's/.*files_per_s=([0-9.]+).*/\1/' <<<"$ours")

for f in "$CORPUS"/*.pdf; do pdftotext -q "$f" - >/dev/null; done # warm the page cache
start=$(date +%s%N)
for ((r = 0; r < ROUNDS; r++)); do
  for f in "$CORPUS"/*.pdf; do pdftotext -q "$f" - >/dev/null; done
done
end=$(date +%s%N)
poppler_fps=$(awk -v n="$((FILES * ROUNDS))" -v ns="$((end - start))" 'BEGIN { printf "%.2f", n / (ns / 1e9) }')
echo "pdftotext files=$FILES rounds=$ROUNDS files_per_s=$poppler_fps"
awk -v a="$ours_fps" -v p="$poppler_fps" 'BEGIN { printf "ratio atelier/pdftotext = %.2f (above 1: Atelier is faster)\n", a / p }'

run analyze "$RUNS"
