#!/usr/bin/env bash
# The case list at county scale: seeds CASES cases (1,000,000 by default: a year, with history and outbox rows) once
# into a cached store, then for each build given (an unpacked quarkus-app directory; default target/quarkus-app)
# starts it on a copy of that store, signs in as the leader and runs wrk on each path at each connection count,
# printing req/s, p50/p95/p99, the app's CPU milliseconds per request and the load average. Give the baseline build
# first: the store is created by the first build (a newer build migrates its copy at start; an older one would
# refuse a store a newer one migrated).
# Usage: bench/run-cases-page.sh [app-dir ...]
# Env: CASES, CONNS ("16 50"), PATHS ("/cases /api/cases"), DURATION (10s), WARMUP (10s), THREADS (2), PORT,
#      SEED_CACHE (/tmp/civicgrid-cases-$CASES: delete it to seed again), JAVA_OPTS
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8098}
CASES=${CASES:-1000000}
CONNS=${CONNS:-16 50}
PATHS=${PATHS:-/cases /api/cases}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
SEED_CACHE=${SEED_CACHE:-/tmp/civicgrid-cases-$CASES}
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "sqlite3 missing: apt-get install -y sqlite3" >&2; exit 2; }
APPS=("$@")
[ ${#APPS[@]} -gt 0 ] || APPS=(target/quarkus-app)
[ -f "${APPS[0]}/quarkus-run.jar" ] || ./mvnw -B -q package -DskipTests
PID=
DATA=
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
  [ -n "$DATA" ] && rm -rf "$DATA"
  return 0
}
trap cleanup EXIT
start() { # app-dir data-dir
  # demo switches as environment variables: a build from before them ignores an unknown variable, where an unknown
  # -D civicgrid.* key stops it (SRCFG00050)
  # shellcheck disable=SC2086
  CIVICGRID_DEMO_DATA_HISTORY=false java ${JAVA_OPTS:-} -Dcivicgrid.data-dir="$2" -Dquarkus.http.port="$PORT" -Dquarkus.log.level=WARN \
    -Dcivicgrid.cases.auto-urge=false -jar "$1/quarkus-run.jar" > "$2/app.log" 2>&1 &
  PID=$!
  local t0; t0=$(date +%s.%N)
  until curl -sf "localhost:$PORT/q/health/ready" >/dev/null; do
    kill -0 "$PID" 2>/dev/null || { echo "app stopped:"; tail -20 "$2/app.log"; exit 1; }
    sleep 0.2
  done
  READY=$(echo "$(date +%s.%N) - $t0" | bc)
}
cputicks() { # user + system CPU of the app so far, in clock ticks
  awk '{ print $14 + $15 }' "/proc/$PID/stat"
}
stop() {
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
}
if [ ! -f "$SEED_CACHE/civicgrid.db" ]; then
  rm -rf "$SEED_CACHE"; mkdir -p "$SEED_CACHE"
  start "${APPS[0]}" "$SEED_CACHE"
  curl -sf -u acceptor:civicgrid -H 'Content-Type: application/json' \
    -d '{"source":"HOTLINE","description":"bench 路灯不亮","lat":35.66,"lon":117.27}' "localhost:$PORT/api/cases" >/dev/null
  stop
  NOW=$(($(date +%s) * 1000))
  t0=$(date +%s)
  sed -e "s/:now/$NOW/g" -e "s/:count/$CASES/g" bench/seed-cases.sql | sqlite3 -cmd ".timeout 10000" "$SEED_CACHE/civicgrid.db"
  echo "seeded $(sqlite3 "$SEED_CACHE/civicgrid.db" 'select count(*) from case_file') cases," \
    "$(sqlite3 "$SEED_CACHE/civicgrid.db" 'select count(*) from case_transition') history rows," \
    "$(sqlite3 "$SEED_CACHE/civicgrid.db" 'select count(*) from outbox_entry') outbox rows in $(($(date +%s) - t0)) s;" \
    "store $(du -sh "$SEED_CACHE/civicgrid.db" | cut -f1)"
fi
for app in "${APPS[@]}"; do
  DATA=$(mktemp -d)
  cp -r "$SEED_CACHE/." "$DATA/"
  start "$app" "$DATA"
  echo "== $app: ready after ${READY} s (migrations included); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  # the session needs both cookies (the signed session and its id, which sign-out revokes)
  for _ in $(seq 1 30); do # a sign-in on a saturated box can fail; without both cookies every answer is a redirect
    COOKIE=$(curl -s -o /dev/null -c - -d 'j_username=leader&j_password=civicgrid' "localhost:$PORT/j_security_check" \
      | awk '$6 ~ /^civicgrid-(session|sid)$/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }')
    case $COOKIE in *civicgrid-session=*civicgrid-sid=*|*civicgrid-sid=*civicgrid-session=*) break;; esac
    echo "sign-in gave no session (${COOKIE:-nothing}), again"; sleep 2
  done
  export COOKIE
  for path in $PATHS; do
    accept=text/html; case $path in /api/*) accept=application/json;; esac
    curl -s -o "$DATA/probe" -w "$path: HTTP %{http_code}, %{size_download} bytes, %{time_total} s once\n" -H "Cookie: $COOKIE" \
      -H "Accept: $accept" "http://localhost:$PORT$path"
    grep -q 'B0[0-9]*' "$DATA/probe" || { echo "no seeded case in the answer to $path:"; head -c 600 "$DATA/probe"; echo; }
    for c in $CONNS; do
      wrk -t"$THREADS" -c"$c" -d"$WARMUP" -s bench/cases-page.lua "http://localhost:$PORT$path" > /dev/null
      printf '%-40s c=%-3s ' "$path" "$c"
      cpu0=$(cputicks)
      out=$(wrk -t"$THREADS" -c"$c" -d"$DURATION" -s bench/cases-page.lua "http://localhost:$PORT$path" | grep RESULT)
      cpu=$(($(cputicks) - cpu0))
      # the app's CPU per answer: what a loaded box still measures fairly (req/s and latency there say how busy it is)
      echo "$out" | awk -v ticks="$cpu" -v hz="$(getconf CLK_TCK)" -v d="${DURATION%s}" -v avg="$(cut -d' ' -f1 /proc/loadavg)" \
        '{ n = $3 * d; printf "%s  app CPU %.2f ms/request  load %s\n", $0, (n > 0 ? ticks * 1000 / hz / n : 0), avg }' 
    done
  done
  echo "RSS $(($(awk '/VmRSS/ { print $2 }' "/proc/$PID/status") / 1024)) MB"
  stop
  rm -rf "$DATA"; DATA=
done
