#!/usr/bin/env bash
# Case pages under load with 100k cases: starts the packaged app on a fresh demo store, reports one case through
# the API, seeds 100k more with bench/seed-cases.sql (a year of history, 12 % open), signs in through the form as
# the leader and runs wrk on each page with the session cookie, printing req/s and p50/p95/p99.
# Usage: bench/run-cases-page.sh   (env: PORT, DURATION, WARMUP, THREADS, CONNECTIONS, JAVA_OPTS)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8098}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "sqlite3 missing: apt-get install -y sqlite3" >&2; exit 2; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
DATA=$(mktemp -d)
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -Dcivicgrid.data-dir="$DATA" -Dquarkus.http.port="$PORT" -Dquarkus.log.level=WARN \
  -Dcivicgrid.cases.auto-urge=false -jar target/quarkus-app/quarkus-run.jar > "$DATA/app.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -sf "localhost:$PORT/q/health/ready" >/dev/null; do sleep 0.5; done
curl -sf -u acceptor:civicgrid -H 'Content-Type: application/json' \
  -d '{"source":"HOTLINE","description":"bench 路灯不亮","lat":35.66,"lon":117.27}' "localhost:$PORT/api/cases" >/dev/null
NOW=$(($(date +%s) * 1000))
start=$(date +%s)
sed "s/:now/$NOW/g" bench/seed-cases.sql | sqlite3 -cmd ".timeout 10000" "$DATA/civicgrid.db"
echo "seeded $(sqlite3 "$DATA/civicgrid.db" 'select count(*) from case_file') cases in $(($(date +%s) - start)) s"
COOKIE="civicgrid-session=$(curl -s -o /dev/null -c - -d 'j_username=leader&j_password=civicgrid' \
  "localhost:$PORT/j_security_check" | awk '$6 == "civicgrid-session" { print $7 }')"
export COOKIE
for path in "/cases" "/cases?light=RED" "/cases?light=YELLOW" "/cases?q=%E8%B7%AF%E7%81%AF" "/cases?stage=HANDLING&source=CAMERA" \
    "/cases?queue=OVERDUE" "/" "/api/screen/summary"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/cases-page.lua "http://localhost:$PORT$path" > /dev/null
  printf '%-40s ' "$path"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/cases-page.lua "http://localhost:$PORT$path" | grep RESULT
done
