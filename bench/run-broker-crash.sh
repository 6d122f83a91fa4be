#!/usr/bin/env bash
# Crash test against the installer's Mosquitto config (issue 16): 3 x kill -9 of the appliance during a 3,000-alert
# stream, then a 50,000-alert burst while it is down. Counts lost/doubled alerts and runs integrity_check.
#
#   sudo bench/run-broker-crash.sh               installs target/quarkus-app with installer/install.sh into a temporary
#                                                prefix (--no-systemd --no-tls, broker on a free port, device cam-it-01),
#                                                then runs a private Mosquitto with exactly that config
#   sudo bench/run-broker-crash.sh CONFIG-DIR    uses an existing install's config dir (e.g. target/bundle-it/opt/etc)
#
# Needs root (install.sh creates the service user), /usr/sbin/mosquitto, mosquitto_pub, python3 and a packaged app
# (./mvnw -B package -DskipTests). Loads the machine for a few minutes: run it alone.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
D="$(mktemp -d)"; chmod 755 $D; mkdir -p $D/mq; chown mosquitto $D/mq 2>/dev/null || true   # Mosquitto drops to its own user
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
[[ -f $JAR ]] || { echo "no $JAR: ./mvnw -B package -DskipTests first" >&2; exit 1; }
MQ="" APP=""
cleanup() { [[ -n $APP ]] && kill -9 $APP 2>/dev/null; [[ -n $MQ ]] && kill $MQ 2>/dev/null; true; }
trap cleanup EXIT
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ -n ${1:-} ]]; then
    CONF="$(realpath "$1")"
else
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    printf 'generic cam-it-01\n' > $D/devices.conf
    "$ROOT/installer/install.sh" --prefix $D/opt --no-systemd --no-tls --mqtt-port $port --devices $D/devices.conf "$ROOT/target/quarkus-app" > $D/install.log
    CONF=$D/opt/etc
    echo "installed into $D/opt; broker config $CONF/mosquitto/civicgrid.conf ($(grep -E '^max_queued_messages' $CONF/mosquitto/civicgrid.conf))"
fi
port=$(awk '/^listener/ {print $2}' $CONF/mosquitto/civicgrid.conf)
printf "persistence true\npersistence_location $D/mq/\ninclude_dir $CONF/mosquitto\n" > $D/mq.conf
/usr/sbin/mosquitto -c $D/mq.conf > $D/mq.log 2>&1 & MQ=$!
for i in $(seq 1 100); do grep -q "running" $D/mq.log && break; kill -0 $MQ 2>/dev/null || { cat $D/mq.log; exit 1; }; sleep 0.1; done
APW=$(sed -n 's/^civicgrid://p' $CONF/mosquitto/accounts); DPW=$(sed -n 's/^cam-it-01://p' $CONF/mosquitto/accounts)
n=0
start_app() { n=$((n+1)); java -Xmx256m -XX:+UseSerialGC -Dquarkus.http.port=0 -Dcivicgrid.data-dir=$D/data -Dcivicgrid.demo=false -Dcivicgrid.mqtt.port=$port \
  -Dcivicgrid.mqtt.username=civicgrid -Dcivicgrid.mqtt.password=$APW -Dcivicgrid.mqtt.embedded=false -Dcivicgrid.site-id=crash16 -jar $JAR > $D/app$n.log 2>&1 & APP=$!;
  for i in $(seq 1 600); do grep -qs "MQTT link up" $D/app$n.log && return 0; sleep 0.5; done; echo "no link"; exit 1; }
stored() { python3 -c "
import sqlite3,sys
try:
  c=sqlite3.connect('file:$D/data/civicgrid.db?mode=ro',uri=True,timeout=10); print(c.execute(\"select count(*) from alert_message where source_id like 'cam-it-01/%'\").fetchone()[0])
except Exception: print(0)"; }
alerts() { for i in $(seq $1 $2); do echo "{\"alertId\":\"c-$i\",\"kind\":\"camera\",\"classCode\":\"incident:0406\",\"confidence\":0.9,\"lat\":35.64,\"lon\":117.27}"; if [ -n "${3:-}" ]; then sleep "$3"; fi; done; }
start_app
t0=$(date +%s)
# the stream in three paced segments of 1,000: each kill lands half-way through a segment, while its publisher still sends
for seg in 0 1 2; do
  first=$((seg * 1000 + 1))
  alerts $first $((first + 999)) 0.004 | mosquitto_pub -p $port -u cam-it-01 -P "$DPW" -q 1 -t civicgrid/alerts/cam-it-01 -l & PUB=$!
  while [ "$(stored)" -lt $((first + 500)) ] && kill -0 $PUB 2>/dev/null; do sleep 0.2; done
  if kill -0 $PUB 2>/dev/null; then flowing="stream still flowing"; else flowing="segment already published"; fi
  echo "kill -9 at $(stored) stored ($flowing)"; kill -9 $APP; wait $APP 2>/dev/null || true
  start_app
  wait $PUB || true
done
for i in $(seq 1 1200); do [ "$(stored)" -ge 3000 ] && break; sleep 0.5; done
echo "stream: $(stored) stored of 3000"
kill -9 $APP; wait $APP 2>/dev/null || true
echo "burst of 50000 while the appliance is down..."
alerts 3001 53000 | mosquitto_pub -p $port -u cam-it-01 -P "$DPW" -q 1 -t civicgrid/alerts/cam-it-01 -l
start_app
for i in $(seq 1 2400); do [ "$(stored)" -ge 53000 ] && break; sleep 0.5; done
python3 -c "
import sqlite3
c=sqlite3.connect('file:$D/data/civicgrid.db?mode=ro',uri=True,timeout=10)
q=lambda s: c.execute(s).fetchone()[0]
print('stored', q(\"select count(*) from alert_message where source_id like 'cam-it-01/%'\"), 'distinct', q(\"select count(distinct source_id) from alert_message where source_id like 'cam-it-01/%'\"), 'of 53000; integrity', q('pragma integrity_check'))"
echo "total $(( $(date +%s) - t0 )) s"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
kill $APP; wait $APP 2>/dev/null || true; APP=""
kill $MQ; wait $MQ 2>/dev/null || true; MQ=""; rm -rf "$D"
