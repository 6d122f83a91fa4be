#!/usr/bin/env bash
# Sustained alert ingestion through a real Mosquitto, dedup on (see bench/README.md "Alert ingestion").
#   bench/run-alerts.sh [burst-count] [paced-rate] [paced-seconds]
# Starts its own mosquitto (port 18830, max_inflight_messages 1000) and the packaged appliance
# (target/quarkus-app/quarkus-run.jar; build it first: ./mvnw -B -q package -DskipTests) on a fresh data dir, then
#  1. paced (first, so the latency histogram holds only paced alerts): R alerts/s for S seconds; reports the p50/p99
#     receipt→commit latency the app measured (Micrometer civicgrid_alerts_latency) and the p99 publish→receipt hop
#     (occurredAt vs received_at);
#  2. burst: publishes N generic JSON alerts as fast as mosquitto_pub can (QoS 1), 800 spots, 4 classes, so most
#     alerts merge into an open case (重复上报) and some raise new ones; reports stored alerts/s (publish start to last
#     commit);
#  3. new-case burst (NEWCASES, default 3000; 0 skips it): every alert at its own spot (60 m apart, a class none of the
#     earlier alerts used), so each raises a case that the demo rule auto-files (受理 + 立案 through the workflow: number,
#     history rows, outbox events); reports cases/s (publish start to last commit).
# Env: JAR (the build to run, default target/quarkus-app/quarkus-run.jar), NEWCASES, NEWCLASS (incident:0301),
#      BROKER_PORT (18830), HTTP_PORT (18081): other ports when another run may be going on.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-50000}
RATE=${2:-500}
SECS=${3:-30}
PORT=${BROKER_PORT:-18830}
HTTP=${HTTP_PORT:-18081}
WORK=$(mktemp -d /tmp/civicgrid-bench-alerts.XXXX)
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
NEWCASES=${NEWCASES:-3000}
NEWCLASS=${NEWCLASS:-incident:0301}
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -q package -DskipTests"; exit 1; }
cat > "$WORK/mosquitto.conf" <<CONF
listener $PORT 127.0.0.1
allow_anonymous true
persistence false
max_inflight_messages 1000
max_queued_messages 1000000
CONF
# a run right after another must not find the previous broker still on the port: the app would then fall back to its
# built-in broker and the publishers would hang (seen when two runs followed each other)
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null || break; sleep 0.2; done
mosquitto -c "$WORK/mosquitto.conf" > "$WORK/mosquitto.log" 2>&1 &
MOSQ=$!
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done
kill -0 "$MOSQ" 2>/dev/null || { echo "mosquitto did not start on $PORT:" >&2; cat "$WORK/mosquitto.log" >&2; exit 1; }
# demo switches as environment variables: a build from before them (JAR=) ignores an unknown variable, where an
# unknown -D civicgrid.* key stops it (SRCFG00050)
CIVICGRID_DEMO_DATA_BACKGROUND=false CIVICGRID_DEMO_DATA_HISTORY=false \
java -Xmx512m ${JAVA_OPTS:-} -Dquarkus.http.port=$HTTP -Dcivicgrid.data-dir="$WORK/data" -Dcivicgrid.mqtt.port=$PORT \
     -Dcivicgrid.mqtt.client-id=civicgrid-bench -Dquarkus.log.level=WARN -Dquarkus.log.category.\"org.civicgrid\".level=INFO \
     -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP=$!
cleanup() { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; kill "$MOSQ" 2>/dev/null || true; wait "$MOSQ" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 1200); do grep -q "MQTT link up" "$WORK/app.log" 2>/dev/null && break; sleep 0.5; done
grep -q "MQTT link up" "$WORK/app.log" || { echo "app did not come up"; tail -20 "$WORK/app.log"; exit 1; }
DB="$WORK/data/civicgrid.db"
count() { sqlite3 -cmd ".timeout 5000" "$DB" "SELECT count(*) FROM alert_message WHERE source='GENERIC'"; }
gen() { # $1 = prefix, $2 = count; one JSON alert per line
  python3 - "$1" "$2" <<'PY'
import sys, time
prefix, n = sys.argv[1], int(sys.argv[2])
classes = ["incident:0406", "incident:0405", "incident:0410", "incident:0101"]
out = sys.stdout
for i in range(n):
    spot = i % 800
    lat = 35.640 + (spot % 40) * 0.001
    lon = 117.250 + (spot // 40) * 0.0005
    out.write('{"alertId":"%s-%d","kind":"camera","classCode":"%s","confidence":0.9,"occurredAt":%d,"lat":%.5f,"lon":%.5f}\n'
              % (prefix, i, classes[spot % 4], int(time.time() * 1000), lat, lon))
PY
}
# metrics are admin-only (demo admin account)
metrics() { curl -s -u admin:civicgrid "http://127.0.0.1:$HTTP/q/metrics" | grep -E '^civicgrid_alerts_latency_seconds_bucket' > "$1" || true; }
pace() { # $1 = id prefix, $2 = rate, $3 = seconds
  python3 - "$1" "$2" "$3" <<'PY' | mosquitto_pub -p $PORT -q 1 -t civicgrid/alerts/bench-paced -l
import sys, time
prefix, rate, secs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
classes = ["incident:0406", "incident:0405", "incident:0410", "incident:0101"]
start = time.time()
for i in range(rate * secs):
    due = start + i / rate
    now = time.time()
    if due > now:
        time.sleep(due - now)
    spot = i % 800
    sys.stdout.write('{"alertId":"%s-%d","kind":"camera","classCode":"%s","confidence":0.9,"occurredAt":%d,"lat":%.5f,"lon":%.5f}\n'
                     % (prefix, i, classes[spot % 4], int(time.time() * 1000), 35.640 + (spot % 40) * 0.001, 117.250 + (spot // 40) * 0.0005))
    sys.stdout.flush()
PY
}
echo "== warm-up: $RATE/s for 10 s (JIT, the open cases of the 800 spots)"
pace warm "$RATE" 10
while [ "$(count)" -lt "$((RATE * 10))" ]; do sleep 0.2; done
metrics "$WORK/before.prom"
echo "== paced: $RATE/s for $SECS s"
pace paced "$RATE" "$SECS"
TOTAL=$((RATE * 10 + RATE * SECS))
while [ "$(count)" -lt "$TOTAL" ]; do sleep 0.2; done
metrics "$WORK/after.prom"
python3 - "$WORK/before.prom" "$WORK/after.prom" <<'PY'
import sys, re
def read(path):
    out = {}
    for line in open(path):
        m = re.search(r'le="([^"]+)"\}\s+([0-9.eE+]+)', line)
        if m:
            out[float('inf') if m.group(1) == '+Inf' else float(m.group(1))] = float(m.group(2))
    return out
before, after = read(sys.argv[1]), read(sys.argv[2])
les = sorted(after)
delta = [(le, after[le] - before.get(le, 0)) for le in les]
total = delta[-1][1]
def q(p):
    for le, n in delta:
        if n >= p * total:
            return le
print(f"receipt→commit over {int(total)} paced alerts (histogram bucket upper bounds): p50 ≤ {q(0.5)*1000:.1f} ms, p99 ≤ {q(0.99)*1000:.1f} ms")
PY
python3 - "$DB" <<'PY'
import sys, sqlite3
c = sqlite3.connect(sys.argv[1])
hops = sorted(r[0] for r in c.execute("SELECT received_at - occurred_at FROM alert_message WHERE source_id LIKE 'bench-paced/paced-%'"))
if hops:
    print(f"publish→receipt (ms): p50 {hops[len(hops)//2]}, p99 {hops[int(len(hops)*0.99)]}, max {hops[-1]} over {len(hops)} alerts")
PY
echo "== burst: $N alerts"
gen burst "$N" > "$WORK/burst.jsonl"
T0=$(date +%s.%N)
mosquitto_pub -p $PORT -q 1 -t civicgrid/alerts/bench-cam -l < "$WORK/burst.jsonl"
T1=$(date +%s.%N)
while [ "$(count)" -lt "$((N + RATE * 10 + RATE * SECS))" ]; do sleep 0.2; done
T2=$(date +%s.%N)
python3 - "$T0" "$T1" "$T2" "$N" "$DB" <<'PY'
import sys, sqlite3
t0, t1, t2, n, db = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
c = sqlite3.connect(db)
rows = dict(c.execute("SELECT outcome, count(*) FROM alert_message WHERE source_id LIKE 'bench-cam/%' GROUP BY outcome").fetchall())
print(f"published in {t1-t0:.2f} s ({n/(t1-t0):.0f}/s); all stored after {t2-t0:.2f} s: {n/(t2-t0):.0f} alerts/s sustained; outcomes {rows}")
PY
if [ "$NEWCASES" -gt 0 ]; then
  echo "== new-case burst: $NEWCASES alerts, each a new case ($NEWCLASS, auto-filed)"
  python3 - "$NEWCASES" "$NEWCLASS" > "$WORK/new.jsonl" <<'PY'
import sys, time
n, cls = int(sys.argv[1]), sys.argv[2]
for i in range(n):
    lat = 35.642 + (i % 60) * 0.00055   # 61 m apart north-south
    lon = 117.262 + (i // 60) * 0.00068  # 61 m apart east-west
    sys.stdout.write('{"alertId":"new-%d","kind":"camera","classCode":"%s","confidence":0.9,"occurredAt":%d,"lat":%.5f,"lon":%.5f}\n'
                     % (i, cls, int(time.time() * 1000), lat, lon))
PY
  newcount() { sqlite3 -cmd ".timeout 5000" "$DB" "SELECT count(*) FROM alert_message WHERE source_id LIKE 'bench-new/%'"; }
  T0=$(date +%s.%N)
  CPU0=$(awk '{ print $14 + $15 }' "/proc/$APP/stat")
  mosquitto_pub -p $PORT -q 1 -t civicgrid/alerts/bench-new -l < "$WORK/new.jsonl"
  while [ "$(newcount)" -lt "$NEWCASES" ]; do sleep 0.2; done
  T2=$(date +%s.%N)
  # the app's CPU for the burst: on a loaded box the fair comparison (cases/s there says how busy the box is)
  CPU=$(awk -v c0="$CPU0" -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15 - c0) / hz }' "/proc/$APP/stat")
  echo "app CPU during the new-case burst: $CPU s"
  python3 - "$T0" "$T2" "$NEWCASES" "$DB" "$CPU" <<'PY'
import sys, sqlite3
t0, t2, n, db, cpu = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4], float(sys.argv[5])
c = sqlite3.connect(db)
rows = dict(c.execute("SELECT outcome, count(*) FROM alert_message WHERE source_id LIKE 'bench-new/%' GROUP BY outcome").fetchall())
filed = c.execute("SELECT count(*) FROM case_file f JOIN alert_message a ON a.case_id = f.id AND a.outcome = 'CREATED'"
                  " WHERE a.source_id LIKE 'bench-new/%' AND f.stage = 'FILED'").fetchone()[0]
print(f"{n} alerts stored after {t2-t0:.2f} s: {rows.get('CREATED', 0)/(t2-t0):.0f} new cases/s; outcomes {rows}; filed {filed};"
      f" app CPU {cpu * 1000 / max(1, rows.get('CREATED', 0)):.2f} ms per new case ({rows.get('CREATED', 0) / max(cpu, 0.001):.0f} cases per CPU-second)")
PY
fi
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "log: $WORK/app.log"
