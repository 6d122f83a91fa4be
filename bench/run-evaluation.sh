#!/usr/bin/env bash
# 综合评价 over 1,000,000 cases with full history: starts the packaged app on a fresh demo store, seeds the cases and
# their ~11 M history rows with bench/seed-evaluation.sql (three years up to now), then times the monthly evaluation
# of last month for every object type (department, street, community, grid, post, county) through
# GET /api/evaluation, each first once cold and then RUNS times, printing per-object and total wall time (curl).
# Usage: bench/run-evaluation.sh   (env: PORT, RUNS, JAVA_OPTS, KEEP=dir to reuse a seeded data directory)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8097}
RUNS=${RUNS:-3}
command -v sqlite3 >/dev/null || { echo "sqlite3 missing: apt-get install -y sqlite3" >&2; exit 2; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
DATA=${KEEP:-$(mktemp -d)}
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -Dcivicgrid.data-dir="$DATA" -Dquarkus.http.port="$PORT" -Dquarkus.log.level=WARN \
  -Dcivicgrid.cases.auto-urge=false -Dcivicgrid.demo-data.history=false -Dcivicgrid.evaluation.freeze-check-every=24h -jar target/quarkus-app/quarkus-run.jar > "$DATA/app.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$DATA"' EXIT
until curl -sf "localhost:$PORT/q/health/ready" >/dev/null; do sleep 0.5; done
if [ "$(sqlite3 "$DATA/civicgrid.db" 'select count(*) from case_file')" -lt 1000000 ]; then
  curl -sf -u acceptor:civicgrid -H 'Content-Type: application/json' \
    -d '{"source":"HOTLINE","description":"bench 路灯不亮","lat":35.66,"lon":117.27}' "localhost:$PORT/api/cases" >/dev/null
  NOW=$(($(date +%s) * 1000))
  start=$(date +%s)
  sed "s/:now/$NOW/g" bench/seed-evaluation.sql | sqlite3 -cmd ".timeout 60000" "$DATA/civicgrid.db"
  echo "seeded $(sqlite3 "$DATA/civicgrid.db" 'select count(*) from case_file') cases," \
    "$(sqlite3 "$DATA/civicgrid.db" 'select count(*) from case_transition') history rows in $(($(date +%s) - start)) s"
fi
MONTH=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)
echo "monthly evaluation of $MONTH; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in cold $(seq 1 "$RUNS"); do
  total=0
  line=""
  for object in department street community grid post county; do
    t=$(curl -s -o /dev/null -w '%{time_total}' -u leader:civicgrid "localhost:$PORT/api/evaluation?object=$object&period=$MONTH")
    line="$line $object=${t}s"
    total=$(echo "$total + $t" | bc)
  done
  echo "run $run:$line total=${total}s"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
