#!/bin/sh
# Records the JDK 25 ahead-of-time cache (JEP 483/514) of atelier.jar: starts the server once on a
# throw-away H2 database, lets it answer /health, an authenticated list and a create, then stops it;
# the JVM writes the cache as it exits. Run it with the same JDK, jar path and JVM options as the
# server it is for (the Dockerfile runs it at image build).
#   scripts/aot-training.sh <atelier.jar> <cache file> [port]
set -eu
jar=$1
out=$2
port=${3:-18999}
data=$(mktemp -d)
token="aot-training-$(date +%s)-0123456789abcdef"
ATELIER_DATA_DIR="$data" ATELIER_ADMIN_TOKEN="$token" MICRONAUT_SERVER_PORT="$port" \
    java -XX:AOTCacheOutput="$out" -jar "$jar" > "$data/training.log" 2>&1 &
pid=$!
tries=0
until curl -fsS "http://127.0.0.1:$port/health" > /dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -gt 600 ] || ! kill -0 "$pid" 2> /dev/null; then
        echo "aot-training: the server did not become healthy; its log:" >&2
        cat "$data/training.log" >&2
        kill "$pid" 2> /dev/null || true
        exit 1
    fi
    sleep 0.5
done
auth="Authorization: Bearer $token"
base="http://127.0.0.1:$port"
curl -fsS -H "$auth" "$base/api/projects?limit=5" > /dev/null
curl -fsS -H "$auth" "$base/api/v1/projects/workspace_id/list?limit=5" > /dev/null
curl -fsS -H "$auth" -H 'Content-Type: application/json' \
    -d '{"project": {"name": "AOT training", "description": "recorded at image build"}}' \
    "$base/api/v1/projects/workspace_id/save" > /dev/null
kill -TERM "$pid"
wait "$pid" || true
rm -rf "$data"
if [ ! -s "$out" ]; then
    echo "aot-training: no cache written to $out" >&2
    exit 1
fi
echo "aot-training: $(du -h "$out" | cut -f1) written to $out"
