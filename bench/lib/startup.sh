#!/usr/bin/env bash
# Starts atelier.jar, prints "startup_ms=<ms to first 200 from /health> rss_kb=<RSS then>" and leaves
# the server running (its pid in $PIDFILE).
# Usage: startup.sh JAR PORT PIDFILE LOG [java opts...]
# Without java opts it uses the README's run command: -Xms64m -Xmx384m and the class-data archive
# next to the jar (written by the first start as it exits, mapped by every later one).
set -euo pipefail
JAR=$1 PORT=$2 PIDFILE=$3 LOG=$4
shift 4
if [ $# -eq 0 ]; then
  set -- -Xms64m -Xmx384m -XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=${JAR%.jar}.jsa"
fi
start=$(date +%s%N)
MICRONAUT_SERVER_PORT=$PORT java "$@" -jar "$JAR" >"$LOG" 2>&1 &
pid=$!
echo $pid >"$PIDFILE"
for _ in $(seq 1 1200); do
  if curl -fs -o /dev/null "http://127.0.0.1:$PORT/health" 2>/dev/null; then break; fi
  if ! kill -0 $pid 2>/dev/null; then echo "server died, see $LOG" >&2; exit 1; fi
  sleep 0.02
done
end=$(date +%s%N)
echo "startup_ms=$(((end - start) / 1000000)) rss_kb=$(awk '/^VmRSS:/ {print $2}' /proc/$pid/status)"
