#!/usr/bin/env bash
# Start-to-ready of the installed bundle with and without its AppCDS archive (issue 16). Installs the release bundle
# (target/bundle/civicgrid-*/, made by installer/make-bundle.sh --no-build --no-tar if missing) into a temporary prefix
# (--no-systemd --no-broker --no-tls), starts it once as the service user through bin/civicgrid-server (migrations;
# its stop writes <data-dir>/app-cds.jsa with the bundle's own runtime), then alternates ROUNDS starts (default 2)
# with the archive (the launcher as installed) and without it (the same java command and flags, no archive: only the
# runtime's own CDS of the JDK classes), timing each from exec to the first 200 of /q/health/ready.
#
#   sudo bench/run-appcds.sh            needs root (install.sh creates the user civicgrid), curl, a packaged app
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROUNDS="${ROUNDS:-2}"
B="$(ls -d "$ROOT"/target/bundle/civicgrid-*/ 2>/dev/null | head -n 1 || true)"
if [[ -z $B || ! -x $B/runtime/bin/java ]]; then
    "$ROOT/installer/make-bundle.sh" --no-build --no-tar
    B="$(ls -d "$ROOT"/target/bundle/civicgrid-*/ | head -n 1)"
fi
D="$(mktemp -d)"; chmod 755 "$D"
APP=""
trap '[[ -n $APP ]] && kill -9 $APP 2>/dev/null; true' EXIT
"$B/installer/install.sh" --prefix "$D/opt" --no-systemd --no-broker --no-tls > "$D/install.log"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
OPTS=(-Dquarkus.http.port=$port -Dquarkus.http.host=127.0.0.1 -Dcivicgrid.mqtt.enabled=false -Dcivicgrid.mqtt.embedded=false)
as_user() { exec setpriv --reuid=civicgrid --regid=civicgrid --init-groups -- "$@"; }
# one start: prints seconds from exec to ready, then stops it (SIGTERM) and waits
start() {
    local t0 t1
    t0=$(date +%s.%N)
    (as_user "$@") > "$D/app.log" 2>&1 & APP=$!   # the subshell execs setpriv, which execs java: $APP is java
    until curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; do
        kill -0 $APP 2>/dev/null || { cat "$D/app.log" >&2; exit 1; }
        sleep 0.1
    done
    t1=$(date +%s.%N)
    kill $APP; wait $APP 2>/dev/null || true; APP=""
    python3 -c "print(f'{$t1 - $t0:.1f}')"
}
with_cds() { start "$D/opt/bin/civicgrid-server" "${OPTS[@]}"; }
without_cds() { start "$D/opt/runtime/bin/java" -Xmx512m -XX:+UseSerialGC -Dquarkus.config.locations="$D/opt/etc/site.properties" "${OPTS[@]}" \
    -jar "$D/opt/app/quarkus-run.jar"; }
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "first start (migrations; its stop writes the archive): $(with_cds) s"
ls -l "$D/opt/data/app-cds.jsa" | awk '{printf "archive: %.0f MB\n", $5 / 1048576}'
for r in $(seq 1 "$ROUNDS"); do
    echo "round $r: with AppCDS $(with_cds) s, without $(without_cds) s"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$D"
