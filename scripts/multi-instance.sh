#!/usr/bin/env bash
# Two Atelier instances on one PostgreSQL behind nginx, on loopback; one instance is killed
# (kill -9) while a concurrent client writes and reads projects through nginx.
#
# Passes when every acknowledged write (2xx) is readable afterwards and the only 5xx/failed
# answers are requests that were in flight on the killed instance when it died (at most one per
# client thread, and each started before the kill). Not part of `./mvnw verify`.
#
# Needs: the built jar (adapters-http/target/atelier.jar; built if missing), PostgreSQL on
# 127.0.0.1:5432 (user postgres, trust), nginx (Debian package; installed if missing).
# Knobs (env): THREADS (8), DURATION (20 seconds), MAX_WRITES (3000), KILL_AFTER (7 seconds).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
JAR="$ROOT/adapters-http/target/atelier.jar"
THREADS="${THREADS:-8}"
SECONDS_TO_RUN="${DURATION:-20}"
MAX_WRITES="${MAX_WRITES:-3000}"
KILL_AFTER="${KILL_AFTER:-7}"
PGHOST=127.0.0.1
PGPORT=5432
DB="atelier_multi_$$"
TOKEN="multi-instance-admin-token-$(date +%s)"
WORK="$(mktemp -d)"
PIDS=()
NGINX_STARTED=""

log() { echo "[multi-instance] $*"; }

cleanup() {
  set +e
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  if [[ -n "$NGINX_STARTED" && -f "$WORK/nginx.pid" ]]; then
    kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
    sleep 0.5
  fi
  psql -h "$PGHOST" -p "$PGPORT" -U postgres -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" postgres >/dev/null 2>&1
  if [[ "${KEEP_WORK:-}" == "1" ]]; then log "work directory kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_ready() { # url pid name
  for _ in $(seq 1 120); do
    if curl -fsS "$1/health/readiness" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then tail -40 "$WORK/$3.log"; log "FAIL: $3 exited"; exit 1; fi
    sleep 1
  done
  tail -40 "$WORK/$3.log"; log "FAIL: $3 not ready after 120 s"; exit 1
}

command -v nginx >/dev/null 2>&1 || { log "installing nginx (Debian package)"; apt-get install -y nginx >/dev/null; }
NGINX="$(command -v nginx)"
if [[ ! -f "$JAR" ]]; then
  log "building $JAR"
  (cd "$ROOT" && JAVA_HOME="$(dirname "$(dirname "$JAVA")")" ./mvnw -B -q -o -pl adapters-http -am package -DskipTests)
fi

log "creating database $DB on $PGHOST:$PGPORT"
psql -h "$PGHOST" -p "$PGPORT" -U postgres -q -c "CREATE DATABASE $DB" postgres

P1="$(free_port)"; P2="$(free_port)"; PN="$(free_port)"
start_instance() { # name port
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
  DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD= \
  ATELIER_ADMIN_TOKEN="$TOKEN" ATELIER_DATA_DIR="$WORK/$1-data" ATELIER_ANALYZER_WARM_UP=false \
  MICRONAUT_SERVER_HOST=127.0.0.1 MICRONAUT_SERVER_PORT="$2" \
    "$JAVA" -Xmx512m -jar "$JAR" >"$WORK/$1.log" 2>&1 &
  PIDS+=($!)
}
# the first instance migrates the schema and creates the admin; the second joins the same database
start_instance a "$P1"; PID_A=${PIDS[-1]}
wait_ready "http://127.0.0.1:$P1" "$PID_A" a
start_instance b "$P2"; PID_B=${PIDS[-1]}
wait_ready "http://127.0.0.1:$P2" "$PID_B" b
log "instances: a=127.0.0.1:$P1 (pid $PID_A), b=127.0.0.1:$P2 (pid $PID_B)"

mkdir -p "$WORK/nginx"
USER_LINE=""
if [[ "$(id -u)" == "0" ]]; then USER_LINE="user root;"; fi
cat >"$WORK/nginx.conf" <<NGINX
$USER_LINE
worker_processes 1;
daemon on;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 512; }
http {
  access_log $WORK/nginx-access.log;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  upstream atelier {
    server 127.0.0.1:$P1 max_fails=1 fail_timeout=60s;
    server 127.0.0.1:$P2 max_fails=1 fail_timeout=60s;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$PN;
    location / {
      proxy_pass http://atelier;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr;
      # a refused connection (instance gone) goes to the other instance; a request already sent
      # to an instance that dies is not replayed (POST is not idempotent): the client sees 502
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
      proxy_read_timeout 30s;
    }
  }
}
NGINX
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log"
NGINX_STARTED=1
BASE="http://127.0.0.1:$PN"
for _ in $(seq 1 20); do curl -fsS "$BASE/health" >/dev/null 2>&1 && break; sleep 0.5; done
log "nginx on $BASE"

log "client: $THREADS threads, ${SECONDS_TO_RUN}s, at most $MAX_WRITES writes; killing instance a after ${KILL_AFTER}s"
"$JAVA" "$ROOT/scripts/MultiInstanceClient.java" write "$BASE" "$TOKEN" "$THREADS" "$SECONDS_TO_RUN" \
  "$MAX_WRITES" "$WORK/requests.log" &
CLIENT=$!
sleep "$KILL_AFTER"
KILL_MS="$(date +%s%3N)"
kill -9 "$PID_A"
wait "$PID_A" 2>/dev/null || true
# the process is gone (reaped) only now; connections it had accepted until then die with it
DEAD_MS="$(date +%s%3N)"
log "killed instance a (pid $PID_A): signal at $KILL_MS, gone at $DEAD_MS"
if ! wait "$CLIENT"; then log "FAIL: the client failed"; exit 1; fi

read -r TOTAL WRITES ACKED READS FAILED FAILED_AFTER_KILL < <(awk -v kill="$DEAD_MS" '
  { total++ }
  $3 == "POST" { writes++; if ($4 >= 200 && $4 < 300) acked++ }
  $3 == "GET" { reads++ }
  $4 == 0 || $4 >= 500 { failed++; if ($1 > kill) late++ }
  END { print total+0, writes+0, acked+0, reads+0, failed+0, late+0 }' "$WORK/requests.log")
awk '$4 == 0 || $4 >= 500 { print "  failed: start " $1 " end " $2 " " $3 " HTTP " $4 }' "$WORK/requests.log"
READ_MISMATCH="$(awk '$3 == "GET" && $4 != 200 && $4 != 0 && $4 < 500' "$WORK/requests.log" | wc -l)"

log "verifying every acknowledged write through nginx (instance b only now)"
VERIFY="$("$JAVA" "$ROOT/scripts/MultiInstanceClient.java" verify "$BASE" "$TOKEN" "$WORK/requests.log")"
echo "$VERIFY" | grep -v '^verified' | head -20 || true
read -r _ VERIFIED _ MISSING < <(echo "$VERIFY" | grep '^verified')

echo "------------------------------------------------------------------"
echo "requests:                          $TOTAL ($WRITES writes, $READS reads)"
echo "acknowledged writes (2xx):         $ACKED"
echo "readable afterwards:               $VERIFIED (missing $MISSING)"
echo "5xx / no answer:                   $FAILED (bound: $THREADS in flight at the kill)"
echo "  of which started after the death: $FAILED_AFTER_KILL (must be 0)"
echo "reads answered 4xx:                $READ_MISMATCH (must be 0)"
echo "------------------------------------------------------------------"
status=0
[[ "$ACKED" -gt 0 ]] || { log "FAIL: no write was acknowledged"; status=1; }
[[ "$MISSING" -eq 0 && "$VERIFIED" -eq "$ACKED" ]] || { log "FAIL: acknowledged writes are missing"; status=1; }
[[ "$FAILED" -le "$THREADS" ]] || { log "FAIL: more 5xx than requests in flight at the kill"; status=1; }
[[ "$FAILED_AFTER_KILL" -eq 0 ]] || { log "FAIL: 5xx for requests started after the kill"; status=1; }
[[ "$READ_MISMATCH" -eq 0 ]] || { log "FAIL: a just-acknowledged write was not readable"; status=1; }
if [[ "$status" -eq 0 ]]; then log "PASS"; else log "FAIL (logs: KEEP_WORK=1 to keep $WORK)"; fi
exit "$status"
