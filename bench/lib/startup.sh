#!/usr/bin/env bash
# Starts atelier.jar, prints "startup_ms=<ms to first 200 from /health> rss_kb=<RSS at idle>" and
# leaves the server running (its pid in $PIDFILE). Usage: startup.sh JAR PORT PIDFILE LOG [java opts...]
set -euo pipefail
JAR=$1 PORT=$2 PIDFILE=$3 LOG=$4
shift 4
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
echo "startup_ms=$(((end - start) / 1000000))"
