#!/usr/bin/env bash
# Start-up and memory: for each build given (an unpacked quarkus-app directory; default target/quarkus-app), with the
# production JVM flags (PROD_FLAGS), measures
#   1. first start on an empty data directory (demo load): start → first 200 on /q/health/ready and on /login;
#   2. start on that existing data directory: the same, then RSS 10 s after ready;
#   3. the same with an AppCDS archive (written by one run with -XX:ArchiveClassesAtExit, then used).
# A build that prepares the demo in the background (issue 20) answers /login before it is ready; a build with the
# living demo (DemoHistory) then generates its case history: the first run waits for it (up to HISTORY_WAIT s) and
# prints how long it took, so the later runs start on a complete, idle store.
# Prints one line per run with the load average. Give the baseline first; runs one build at a time.
# Usage: bench/run-startup.sh [app-dir ...]      Env: PORT, PROD_FLAGS, RSS_AFTER (10), HISTORY_WAIT (900)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8099}
# the installed launcher's flags (installer/install.sh, bin/civicgrid-server)
PROD_FLAGS=${PROD_FLAGS:--Xms32m -Xmx512m -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=96m -Xss512k -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+ExitOnOutOfMemoryError}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
HISTORY_WAIT=${HISTORY_WAIT:-900}
RSS_AFTER=${RSS_AFTER:-10}
APPS=("$@")
[ ${#APPS[@]} -gt 0 ] || APPS=(target/quarkus-app)
PID=
WORK=$(mktemp -d /tmp/civicgrid-startup.XXXX)
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
now() { date +%s.%N; }
run() { # label app-dir data-dir extra-flags...
  local label=$1 app=$2 data=$3; shift 3
  mkdir -p "$data"
  local t0; t0=$(now)
  # shellcheck disable=SC2086
  local log; log="$data/app-$(echo "$label" | tr -c 'a-zA-Z0-9\n' '_').log"
  # no MQTT: start-up is measured, and the box's shared broker is left to its users (a second client with the
  # default client id would push theirs off)
  java $PROD_FLAGS "$@" -Dcivicgrid.data-dir="$data" -Dquarkus.http.port="$PORT" -Dquarkus.log.level=WARN \
    -Dcivicgrid.mqtt.enabled=false -Dcivicgrid.mqtt.embedded=false \
    -Dquarkus.log.category.\"org.civicgrid.demo\".level=INFO -jar "$app/quarkus-run.jar" > "$log" 2>&1 &
  PID=$!
  local ready='' login=''
  while [ -z "$ready" ] || [ -z "$login" ]; do
    kill -0 "$PID" 2>/dev/null || { echo "$label: app stopped"; tail -5 "$data"/app-*.log; exit 1; }
    [ -z "$login" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/login")" = 200 ] && login=$(echo "$(now) - $t0" | bc)
    [ -z "$ready" ] && curl -sf -o /dev/null "localhost:$PORT/q/health/ready" && ready=$(echo "$(now) - $t0" | bc)
    sleep 0.05
  done
  local history=''
  # the history starts once the demo is prepared (after reading its cast, which takes a few seconds)
  # (not when the demo is already complete: readiness says READY, and no history line will come)
  if grep -q 'demo prepared' "$log" && ! curl -s "localhost:$PORT/q/health/ready" | grep -q '"READY"'; then
    for _ in $(seq 1 120); do grep -q 'demo history:' "$log" && break; sleep 1; done
  fi
  if grep -q 'demo history: .* generating' "$log"; then
    local waited=0
    until grep -q 'demo history: .* written in' "$log" || [ $waited -ge "$HISTORY_WAIT" ]; do sleep 1; waited=$((waited + 1)); done
    history=" | $(grep -o 'demo history: .* written in [0-9]* s' "$log" | tail -1) (waited ${waited} s after ready)"
  fi
  sleep "$RSS_AFTER"
  local rss; rss=$(($(awk '/VmRSS/ { print $2 }' "/proc/$PID/status") / 1024))
  printf '%-60s ready %6.2f s  login page %6.2f s  RSS after %s s %4d MB  load %s%s\n' "$label" "$ready" "$login" "$RSS_AFTER" "$rss" \
    "$(cut -d' ' -f1 /proc/loadavg)" "$history"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
}
echo "flags: $PROD_FLAGS; java: $(java -version 2>&1 | head -1)"
for app in "${APPS[@]}"; do
  name=$app
  data="$WORK/$(echo "$name" | tr -c 'a-zA-Z0-9\n' '_')"
  run "$name fresh data dir" "$app" "$data"
  run "$name existing data dir" "$app" "$data"
  run "$name CDS dump (existing)" "$app" "$data" -XX:ArchiveClassesAtExit="$data/app-cds.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off > /dev/null
  run "$name existing, with CDS" "$app" "$data" -XX:SharedArchiveFile="$data/app-cds.jsa" -Xshare:auto -Xlog:cds=off
done
