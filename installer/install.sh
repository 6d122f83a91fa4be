#!/usr/bin/env bash
# Installs (or upgrades) civicgrid on a Debian 12 box as the systemd service "civicgrid".
#   sudo installer/install.sh [path/to/quarkus-app]      (default: ./target/quarkus-app)
# Keeps /var/lib/civicgrid (data) and an existing /etc/civicgrid/site.properties.
set -euo pipefail

APP_SRC="${1:-./target/quarkus-app}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EXAMPLE="$HERE/../device-config/site.properties.example"
UNIT_SRC="$HERE/civicgrid.service"

APP_DIR=/opt/civicgrid
DATA_DIR=/var/lib/civicgrid
CONF_DIR=/etc/civicgrid
UNIT=/etc/systemd/system/civicgrid.service
JAVA=/usr/bin/java   # the path civicgrid.service runs

die() { echo "install.sh: $*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || die "run as root (sudo $0 $*)"
[[ -f "$APP_SRC/quarkus-run.jar" ]] || die "no quarkus-run.jar in $APP_SRC (build with ./mvnw -B package, or pass the path)"
[[ -f "$EXAMPLE" ]] || die "missing $EXAMPLE"
[[ -f "$UNIT_SRC" ]] || die "missing $UNIT_SRC"

# --- Java 17+ ---------------------------------------------------------------------------------------------------
if [[ ! -x $JAVA ]]; then
    echo "Installing a Java runtime (openjdk-17-jre-headless)..."
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y openjdk-17-jre-headless
fi
java_version="$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')"
[[ ${java_version%%.*} -ge 17 ]] || die "$JAVA is Java $java_version; civicgrid needs 17 or later (apt-get install openjdk-17-jre-headless)"

# --- user and directories -----------------------------------------------------------------------------------------
if ! getent passwd civicgrid >/dev/null; then
    useradd --system --user-group --home-dir "$DATA_DIR" --no-create-home --shell /usr/sbin/nologin civicgrid
fi
install -d -m 0750 -o civicgrid -g civicgrid "$DATA_DIR"
install -d -m 0750 -o root -g civicgrid "$CONF_DIR"
if [[ ! -e $CONF_DIR/site.properties ]]; then
    install -m 0640 -o root -g civicgrid "$EXAMPLE" "$CONF_DIR/site.properties"
    echo "Created $CONF_DIR/site.properties from the example: check civicgrid.site-id."
fi
if [[ ! -e $CONF_DIR/secrets.env ]]; then
    install -m 0600 -o root -g root /dev/null "$CONF_DIR/secrets.env"
fi

# --- application: stop, replace /opt/civicgrid, start (data and migrations are handled by the app) -------------
if systemctl is-active --quiet civicgrid; then
    echo "Stopping civicgrid for the upgrade..."
    systemctl stop civicgrid
fi
rm -rf "$APP_DIR.new"
mkdir -p "$APP_DIR.new"
cp -R "$APP_SRC/." "$APP_DIR.new/"
chown -R root:root "$APP_DIR.new"
chmod -R u=rwX,go=rX "$APP_DIR.new"
rm -rf "$APP_DIR"
mv "$APP_DIR.new" "$APP_DIR"

# --- service ------------------------------------------------------------------------------------------------------
install -m 0644 "$UNIT_SRC" "$UNIT"
systemctl daemon-reload
systemctl enable civicgrid
systemctl start civicgrid

port="$(sed -n 's/^[[:space:]]*quarkus\.http\.port[[:space:]]*[=:][[:space:]]*\([0-9]*\).*/\1/p' "$CONF_DIR/site.properties" | tail -n 1)"
host="$(hostname -I 2>/dev/null | awk '{print $1}')"
cat <<EOF

civicgrid is installed and starting (logs: journalctl -u civicgrid -f).
First start only: the one-time setup code is written to $DATA_DIR/setup-token
  (read it with: sudo cat $DATA_DIR/setup-token)
then open http://${host:-<host>}:${port:-8080}/setup to create the first administrator.
Settings: $CONF_DIR/site.properties   Secrets: $CONF_DIR/secrets.env   Data: $DATA_DIR
EOF
