#!/usr/bin/env bash
# Upward sync: (1) an edge (SQLite, demo store + CASES seeded cases with their history) drains a backlog of EVENTS
# (100,000) outbox events into a hub (PostgreSQL, the hub build) — time from setting the hub until the edge's backlog
# is 0; (2) hub ingest rate with $SITES sites sending synthetic batches at once (bench/SyncIngestLoad.java, one thread
# per site). Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and sqlite3. Builds both artifacts when
# missing: target/hub-app (./mvnw package -Dquarkus.profile=hub) and target/quarkus-app (the edge).
# Usage: bench/run-sync.sh   (env: EDGE_APP, HUB_APP — another build's app dirs; BASE_EDGE_APP + BASE_HUB_APP — a
#        baseline's, run first and then this build's, back to back in the same run, ROUNDS times; PARTS="drain ingest";
#        INGEST_GZIP="gzip plain" — the ingest bench's runs on one hub, bodies compressed as an edge sends them or plain
#        (e.g. "plain gzip plain gzip" to alternate);
#        EDGE_PORT, HUB_PORT, CASES, EVENTS, SITES, EVENTS_PER_SITE, BATCH (the ingest bench's), EDGE_BATCH (the edge's
#        civicgrid.hub.batch-size), JAVA_OPTS, EDGE_OPTS, HUB_OPTS — e.g. a -XX:StartFlightRecording for one side or
#        -Dquarkus.log.category.org.civicgrid.sync.level=DEBUG for the relay's timing; LOGS — a directory to keep the logs in)
set -euo pipefail
cd "$(dirname "$0")/.."
EDGE_PORT=${EDGE_PORT:-8193}
HUB_PORT=${HUB_PORT:-8194}
SITES=${SITES:-10}
CASES=${CASES:-20000}
EVENTS=${EVENTS:-100000}
PARTS=${PARTS:-drain ingest}
INGEST_GZIP=${INGEST_GZIP:-gzip plain}
ROUNDS=${ROUNDS:-1}
MAX_DRAIN=${MAX_DRAIN:-900}
EVENTS_PER_SITE=${EVENTS_PER_SITE:-10000}
BATCH=${BATCH:-500}
PG="psql -q -h 127.0.0.1 -U postgres"
command -v sqlite3 >/dev/null || { echo "sqlite3 missing: apt-get install -y sqlite3" >&2; exit 2; }
if [ -z "${HUB_APP:-}" ] && [ ! -f target/hub-app/quarkus-run.jar ]; then
  ./mvnw -B -q package -DskipTests -Dquarkus.profile=hub
  rm -rf target/hub-app && cp -r target/quarkus-app target/hub-app && rm -rf target/quarkus-app
fi
[ -n "${EDGE_APP:-}" ] || [ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
HUB_APP=$(realpath "${HUB_APP:-target/hub-app}")
EDGE_APP=$(realpath "${EDGE_APP:-target/quarkus-app}")
load() { cut -d' ' -f1-3 /proc/loadavg; }
DB= EDGE= HUB= EPID= HPID=
stop() {
  [ -n "$EPID" ] && { kill "$EPID" 2>/dev/null || true; wait "$EPID" 2>/dev/null || true; }
  [ -n "$HPID" ] && { kill "$HPID" 2>/dev/null || true; wait "$HPID" 2>/dev/null || true; }
  [ -n "$DB" ] && { $PG -d test -c "drop database if exists $DB" || true; }
  [ -n "$EDGE" ] && rm -rf "$EDGE" "$HUB"
  DB= EDGE= HUB= EPID= HPID=
}
trap stop EXIT
ready() { # port pid log
  until curl -sf "localhost:$1/q/health/ready" >/dev/null; do
    kill -0 "$2" 2>/dev/null || { echo "the app on port $1 stopped:" >&2; tail -20 "$3" >&2; exit 1; }
    sleep 0.5
  done
}
token() { printf 'cgh1_bench_%s_%s' "$1" "$DB"; }
# sites and their tokens, straight into the hub's store (the token's SHA-256 is all the hub keeps)
register() { $PG -d "$DB" -c "insert into hub_site (site_id, name, token_hash, acked_seq, backlog, events_received, created_at)
  values ('$1', '$1', '$(token "$1" | sha256sum | cut -d' ' -f1)', 0, 0, 0, now())"; }
start_hub() { # app-dir
  DB="cg_sync_bench_$(date +%s)"
  $PG -d test -c "create database $DB"
  HUB=$(mktemp -d)
  # shellcheck disable=SC2086
  # a long transaction timeout: on a box at load 30+ the first start's seeding outlasts the default 60 s
  java ${JAVA_OPTS:-} ${HUB_OPTS:-} -Dquarkus.transaction-manager.default-transaction-timeout=600s -Dquarkus.profile=hub \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$DB" -Dquarkus.datasource.username=postgres -Dcivicgrid.demo=false \
    -Dcivicgrid.data-dir="$HUB" -Dquarkus.http.port="$HUB_PORT" -Dquarkus.log.level=WARN -jar "$1/quarkus-run.jar" > "$HUB/app.log" 2>&1 &
  HPID=$!
  ready "$HUB_PORT" "$HPID" "$HUB/app.log"
}
# (1) one edge drains its backlog into the hub
drain() { # label edge-app hub-app
  start_hub "$3"
  EDGE=$(mktemp -d)
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} ${EDGE_OPTS:-} -Dquarkus.transaction-manager.default-transaction-timeout=600s -Dcivicgrid.data-dir="$EDGE" \
    -Dquarkus.http.port="$EDGE_PORT" -Dquarkus.log.level=WARN -Dcivicgrid.cases.auto-urge=false -Dcivicgrid.demo-data.history=false \
    -Dcivicgrid.hub.interval=1s ${EDGE_BATCH:+-Dcivicgrid.hub.batch-size=$EDGE_BATCH} -jar "$2/quarkus-run.jar" > "$EDGE/app.log" 2>&1 &
  EPID=$!
  ready "$EDGE_PORT" "$EPID" "$EDGE/app.log"
  curl -sf -u acceptor:civicgrid -H 'Content-Type: application/json' \
    -d '{"source":"HOTLINE","description":"bench 路灯不亮","lat":35.66,"lon":117.27}' "localhost:$EDGE_PORT/api/cases" >/dev/null
  local site now backlog start left last took end
  site=$(sqlite3 "$EDGE/civicgrid.db" 'select site_id from case_file order by id limit 1')
  now=$(($(date +%s) * 1000))
  sed -e "s/:now/$now/g" -e "s/:count/$CASES/g" bench/seed-cases.sql | sqlite3 -cmd ".timeout 10000" "$EDGE/civicgrid.db"
  sed "s/:events/$EVENTS/g" bench/seed-outbox.sql | sqlite3 -cmd ".timeout 10000" "$EDGE/civicgrid.db"
  backlog=$(sqlite3 "$EDGE/civicgrid.db" 'select count(*) from outbox_entry where sent_at is null')
  register "$site"
  echo "[$1] edge $site: backlog $backlog events; load average before: $(load)"
  start=$(date +%s.%N)
  curl -sf -u admin:civicgrid -X PUT -H 'Content-Type: application/json' \
    -d "{\"url\":\"http://127.0.0.1:$HUB_PORT\",\"token\":\"$(token "$site")\"}" "localhost:$EDGE_PORT/api/sync/hub" >/dev/null
  last=0
  # the backlog as /api/sync/status counts it, read from the store (a status call per poll costs a bcrypt check of
  # the Basic password: ~0.1 s of CPU each, which the drain would pay for)
  while :; do
    left=$(sqlite3 -cmd ".timeout 10000" "$EDGE/civicgrid.db" 'select count(*) from outbox_entry where sent_at is null')
    [ "$left" = 0 ] && break
    took=$(echo "($(date +%s.%N) - $start) / 1" | bc)
    [ "$took" -ge $((last + 10)) ] && { last=$took; echo "  after $took s: backlog $left (load $(cut -d' ' -f1 /proc/loadavg))"; }
    [ "$took" -ge "$MAX_DRAIN" ] && { echo "  stopped after $took s: backlog $left of $backlog"; break; }
    sleep 0.25
  done
  end=$(date +%s.%N)
  curl -sf -u admin:civicgrid "localhost:$EDGE_PORT/api/sync/status" | grep -o '"backlog":[0-9]*'
  echo "[$1] drained $((backlog - ${left:-0})) of $backlog events in $(echo "$end - $start" | bc) s" \
    "= $(echo "($backlog - ${left:-0}) / ($end - $start)" | bc) events/s; load average after: $(load)"
  echo "[$1] hub holds $($PG -d "$DB" -tAc "select count(*) from hub_event where site_id = '$site'") events," \
    "$($PG -d "$DB" -tAc "select count(distinct event_id) from hub_event where site_id = '$site'") distinct," \
    "$($PG -d "$DB" -tAc "select count(*) from hub_case where site_id = '$site'") cases of $site"
  if [ -n "${LOGS:-}" ]; then mkdir -p "$LOGS" && cp "$EDGE/app.log" "$LOGS/${1// /-}-edge.log" && cp "$HUB/app.log" "$LOGS/${1// /-}-hub.log"; fi
  stop
}
# (2) $SITES sites at once
ingest() { # label hub-app
  start_hub "$2"
  n=0
  for enc in $INGEST_GZIP; do # each run on its own sites (a second run of the same sites would only meet duplicates)
    n=$((n + 1)); prefix="$enc$n"
    for i in $(seq 1 "$SITES"); do register "bench-$prefix-$i"; done
    echo "[$1] ingest ($enc): load average before: $(load)"
    java bench/SyncIngestLoad.java "http://127.0.0.1:$HUB_PORT" "$SITES" "$EVENTS_PER_SITE" "$BATCH" "cgh1_bench_%s_$DB" "$enc" "bench-$prefix-" \
      | sed "s/^/[$1] /"
    echo "[$1] ingest ($enc): load average after: $(load)"
  done
  stop
}
for round in $(seq 1 "$ROUNDS"); do
  for part in $PARTS; do
    if [ -n "${BASE_EDGE_APP:-}" ]; then
      if [ "$part" = drain ]; then drain "base $round" "$(realpath "$BASE_EDGE_APP")" "$(realpath "$BASE_HUB_APP")"; fi
      if [ "$part" = ingest ]; then ingest "base $round" "$(realpath "$BASE_HUB_APP")"; fi
    fi
    if [ "$part" = drain ]; then drain "branch $round" "$EDGE_APP" "$HUB_APP"; fi
    if [ "$part" = ingest ]; then ingest "branch $round" "$HUB_APP"; fi
  done
done
