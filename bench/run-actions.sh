#!/usr/bin/env bash
# Workflow action throughput through the HTTP API on a fresh demo store: creates $CASES cases as the acceptor,
# then wrk posts `urge` actions (a full CaseWorkflow.apply: role and stage check, case update with optimistic
# version, immutable history row, outbox event — one SQLite transaction) for $DURATION.
# Usage: bench/run-actions.sh   (env: PORT, CASES, WARMUP, DURATION, THREADS, CONNECTIONS, JAVA_OPTS)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8097}
CASES=${CASES:-400}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-45s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 2; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
DATA=$(mktemp -d)
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -Dcivicgrid.data-dir="$DATA" -Dquarkus.http.port="$PORT" -Dquarkus.log.level=WARN \
  -Dcivicgrid.cases.auto-urge=false -Dcivicgrid.demo-data.history=false -jar target/quarkus-app/quarkus-run.jar > "$DATA/app.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -sf "localhost:$PORT/q/health/ready" >/dev/null; do sleep 0.5; done
first=""
for _ in $(seq 1 "$CASES"); do
  id=$(curl -sf -u acceptor:civicgrid -H 'Content-Type: application/json' \
    -d '{"source":"HOTLINE","description":"bench 路灯不亮","lat":35.66,"lon":117.27}' \
    "localhost:$PORT/api/cases" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  first=${first:-$id}
done
echo "created $CASES cases from id $first"
# warm-up, then the measured run
FIRST_ID=$first CASES=$CASES THREADS=$THREADS wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/urge.lua "http://localhost:$PORT" > /dev/null
FIRST_ID=$first CASES=$CASES THREADS=$THREADS wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/urge.lua "http://localhost:$PORT"
echo "history rows: $(curl -sf -u leader:civicgrid "localhost:$PORT/api/cases/$first" | grep -o '"seq":' | wc -l) on case $first"
