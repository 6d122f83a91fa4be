#!/usr/bin/env bash
# Installs or upgrades civicgrid from a release bundle (make-bundle.sh) or a source checkout. No network needed
# with a bundle. Run with --help for the options. Re-running upgrades the application and keeps data, settings
# and broker accounts.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SRC="$(cd "$HERE/.." && pwd)"

usage() {
    cat <<'EOF'
Usage: sudo installer/install.sh [options] [path/to/quarkus-app]

Installs (or upgrades) civicgrid: the application, its Java runtime (from a bundle; else Java 17+ from the
system), the service user, settings, the systemd service and the site's Mosquitto broker configuration.

  --prefix DIR          application directory (default /opt/civicgrid). With a prefix other than the default,
                        data and settings go to DIR/data and DIR/etc unless --data-dir/--config-dir say otherwise
  --data-dir DIR        data directory (default /var/lib/civicgrid)
  --config-dir DIR      settings directory (default /etc/civicgrid)
  --user NAME           service user (default civicgrid; created as a system user)
  --http-port N         HTTP port written to a new site.properties (default 8080; with TLS it only redirects)
  --https-port N        HTTPS port for the UI and the API (default 8443)
  --cert FILE --key FILE  the site's TLS certificate (PEM, chain after the server certificate) and its private
                        key (PEM, unencrypted); without them a self-signed certificate is generated once (openssl)
                        for --hostname, localhost and the box's addresses, and kept on re-runs
  --hostname NAME       the name users type to reach the box, put in a generated certificate (default: hostname -f)
  --renew-cert          generate a new self-signed certificate (after a change of name or address)
  --no-tls              plain HTTP only (e.g. behind a reverse proxy that terminates TLS)
  --mqtt-port N         broker port for the appliance and the devices (default 1883)
  --mqtt-bind ADDR      broker listen address (default: all addresses, so LAN devices reach it)
  --alerts-per-hour N   the site's peak alert rate, sizes the broker's outage queue (default 2500)
  --outage-hours N      how long the appliance may be down without losing alerts (default 24)
  --devices FILE        device list (kind id per line) to create broker accounts for; default
                        <config-dir>/devices.conf (created from device-config/devices.conf.example)
  --no-systemd          do not install, enable or start the systemd unit (start <prefix>/bin/civicgrid-server)
  --no-broker           do not configure Mosquitto (the appliance then uses civicgrid.mqtt.* as set)
  -h, --help            this text

Files: <prefix>/app (application), <prefix>/runtime (bundled Java), <prefix>/bin/civicgrid-server,
<config-dir>/site.properties (settings, kept), <config-dir>/secrets.env (root-only, kept),
<config-dir>/mosquitto/ (broker config, accounts and ACL), <data-dir> (database, attachments, backups).
EOF
}

die() { echo "install.sh: $*" >&2; exit 1; }

PREFIX=/opt/civicgrid
DATA_DIR=""
CONF_DIR=""
SVC_USER=civicgrid
HTTP_PORT=8080
HTTPS_PORT=8443
TLS=true
CERT=""
KEY=""
CERT_NAME=""
RENEW_CERT=false
MQTT_PORT=1883
MQTT_BIND=""
ALERTS_PER_HOUR=2500
OUTAGE_HOURS=24
DEVICES=""
SYSTEMD=true
BROKER=true
APP_SRC=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        --prefix) PREFIX="${2:?--prefix needs a directory}"; shift ;;
        --data-dir) DATA_DIR="${2:?--data-dir needs a directory}"; shift ;;
        --config-dir) CONF_DIR="${2:?--config-dir needs a directory}"; shift ;;
        --user) SVC_USER="${2:?--user needs a name}"; shift ;;
        --http-port) HTTP_PORT="${2:?}"; shift ;;
        --https-port) HTTPS_PORT="${2:?}"; shift ;;
        --cert) CERT="${2:?--cert needs a PEM file}"; shift ;;
        --key) KEY="${2:?--key needs a PEM file}"; shift ;;
        --hostname) CERT_NAME="${2:?--hostname needs a name}"; shift ;;
        --renew-cert) RENEW_CERT=true ;;
        --no-tls) TLS=false ;;
        --mqtt-port) MQTT_PORT="${2:?}"; shift ;;
        --mqtt-bind) MQTT_BIND="${2:?}"; shift ;;
        --alerts-per-hour) ALERTS_PER_HOUR="${2:?}"; shift ;;
        --outage-hours) OUTAGE_HOURS="${2:?}"; shift ;;
        --devices) DEVICES="${2:?}"; shift ;;
        --no-systemd) SYSTEMD=false ;;
        --no-broker) BROKER=false ;;
        -*) usage >&2; die "unknown option $1" ;;
        *) APP_SRC="$1" ;;
    esac
    shift
done
for n in "$HTTP_PORT" "$HTTPS_PORT" "$MQTT_PORT" "$ALERTS_PER_HOUR" "$OUTAGE_HOURS"; do
    [[ $n =~ ^[0-9]+$ && $n -gt 0 ]] || die "not a positive number: $n"
done
[[ -n $CERT && -z $KEY || -z $CERT && -n $KEY ]] && die "--cert and --key go together"
[[ -z $CERT || ( -r $CERT && -r $KEY ) ]] || die "cannot read $CERT or $KEY"
if [[ -n $CERT ]] && command -v openssl >/dev/null; then   # checked before anything changes
    [[ -n "$(openssl x509 -in "$CERT" -noout -pubkey 2>/dev/null)" ]] || die "$CERT is not a PEM certificate"
    [[ "$(openssl x509 -in "$CERT" -noout -pubkey 2>/dev/null)" == "$(openssl pkey -in "$KEY" -pubout 2>/dev/null)" ]] \
        || die "$KEY is not the private key of $CERT (or not an unencrypted PEM key)"
fi
. "$HERE/layout.sh"
resolve_layout
[[ $(id -u) -eq 0 ]] || die "run as root (sudo $0 ...)"

# --- what to install: a bundle (app/ + runtime/) or a source checkout (target/quarkus-app + system Java) ---------
if [[ -z $APP_SRC ]]; then
    if [[ -f $SRC/app/quarkus-run.jar ]]; then APP_SRC="$SRC/app"; else APP_SRC="$SRC/target/quarkus-app"; fi
fi
[[ -f $APP_SRC/quarkus-run.jar ]] || die "no quarkus-run.jar in $APP_SRC (build with ./mvnw -B package, or pass the path)"
RUNTIME_SRC=""
[[ -x $SRC/runtime/bin/java ]] && RUNTIME_SRC="$SRC/runtime"
EXAMPLES="$SRC/device-config"
[[ -f $EXAMPLES/site.properties.example ]] || die "missing $EXAMPLES/site.properties.example"
if [[ -z $RUNTIME_SRC ]]; then
    JAVA=/usr/bin/java
    if [[ ! -x $JAVA ]]; then
        echo "No bundled runtime and no $JAVA: installing openjdk-17-jre-headless (needs the network)..."
        apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y openjdk-17-jre-headless
    fi
    v="$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')"
    [[ ${v%%.*} -ge 17 ]] || die "$JAVA is Java $v; civicgrid needs 17 or later"
else
    JAVA="$PREFIX/runtime/bin/java"
fi

# --- user and directories -----------------------------------------------------------------------------------------
if ! getent passwd "$SVC_USER" >/dev/null; then
    useradd --system --user-group --home-dir "$DATA_DIR" --no-create-home --shell /usr/sbin/nologin "$SVC_USER"
fi
SVC_GROUP="$(id -gn "$SVC_USER")"
install -d -m 0755 -o root -g root "$PREFIX"
install -d -m 0750 -o "$SVC_USER" -g "$SVC_GROUP" "$DATA_DIR" "$DATA_DIR/backups"
install -d -m 0751 -o root -g "$SVC_GROUP" "$CONF_DIR"   # others may pass (the broker reads mosquitto/), not list
first_install=false
if [[ ! -e $CONF_DIR/site.properties ]]; then
    first_install=true
    sed -e "s#^civicgrid.data-dir=.*#civicgrid.data-dir=$DATA_DIR#" \
        -e "s#^quarkus.http.port=.*#quarkus.http.port=$HTTP_PORT#" "$EXAMPLES/site.properties.example" > "$CONF_DIR/site.properties.new"
    install -m 0640 -o root -g "$SVC_GROUP" "$CONF_DIR/site.properties.new" "$CONF_DIR/site.properties"
    rm -f "$CONF_DIR/site.properties.new"
fi
[[ -e $CONF_DIR/secrets.env ]] || install -m 0600 -o root -g root /dev/null "$CONF_DIR/secrets.env"

# key=value in site.properties, only if the site has not set that key (re-runs keep the operator's values)
set_default() {
    grep -Eq "^[[:space:]]*${1//./\\.}[[:space:]]*[=:]" "$CONF_DIR/site.properties" || printf '%s=%s\n' "$1" "$2" >> "$CONF_DIR/site.properties"
}
secret() { head -c 18 /dev/urandom | base64 | tr '+/' '-_'; }

# --- application: stop, stage, swap app/, runtime/ and bin/ (data and migrations are handled by the app) ---------
was_active=false
if $SYSTEMD && systemctl is-active --quiet civicgrid 2>/dev/null; then
    was_active=true
    echo "Stopping civicgrid for the upgrade..."
    systemctl stop civicgrid
fi
STAGE="$PREFIX/.staging"
rm -rf "$STAGE"
mkdir -p "$STAGE/app" "$STAGE/bin" "$STAGE/installer"
cp -R "$APP_SRC/." "$STAGE/app/"
[[ -n $RUNTIME_SRC ]] && cp -R "$RUNTIME_SRC" "$STAGE/runtime"
cp "$HERE/uninstall.sh" "$HERE/layout.sh" "$HERE/README.md" "$STAGE/installer/"
[[ -f $SRC/VERSION ]] && cp "$SRC/VERSION" "$STAGE/VERSION"
# The app's AppCDS archive is made for this runtime and these paths on the box: the first run after an install
# writes it when it stops (-XX:ArchiveClassesAtExit), later runs start from it.
cds=""
[[ -n $RUNTIME_SRC ]] && cds=1
cat > "$STAGE/bin/civicgrid-server" <<EOF
#!/bin/sh
# Starts the civicgrid server in the foreground (systemd runs this; so can an operator, as $SVC_USER).
# Secrets come from the environment (systemd: EnvironmentFile=$CONF_DIR/secrets.env).
if [ -z "\${CIVICGRID_MQTT_PASSWORD:-}" ] && [ -r "$CONF_DIR/secrets.env" ]; then set -a; . "$CONF_DIR/secrets.env"; set +a; fi
CDS=""
if [ -n "$cds" ]; then
    if [ -s "$DATA_DIR/app-cds.jsa" ]; then CDS="-XX:SharedArchiveFile=$DATA_DIR/app-cds.jsa -Xshare:auto";
    elif [ -w "$DATA_DIR" ]; then CDS="-XX:ArchiveClassesAtExit=$DATA_DIR/app-cds.jsa"; fi
fi
# Production JVM flags for a 2–4 GB box (README "Memory and JVM flags"): heap 32–512 MB with the serial collector
# (two cores, one writer thread: a parallel or concurrent collector gains nothing and costs memory), bounded metaspace,
# code cache and thread stacks, heap given back after a collection, and exit on OutOfMemoryError (systemd restarts).
# Override any of them with JAVA_OPTS in $CONF_DIR/secrets.env or a systemd drop-in (later flags win).
export MALLOC_ARENA_MAX="\${MALLOC_ARENA_MAX:-2}"
exec "$JAVA" -Xms32m -Xmx512m -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=96m -Xss512k \
    -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+ExitOnOutOfMemoryError \${JAVA_OPTS:-} \
    -Xlog:cds=off -Xlog:cds+dynamic=off \$CDS -Dquarkus.config.locations="$CONF_DIR/site.properties" "\$@" -jar "$PREFIX/app/quarkus-run.jar"
EOF
# import-grids talks to the running service: over HTTPS on loopback, trusting exactly the site's certificate
if $TLS; then cli_url="https://127.0.0.1:$HTTPS_PORT" cli_ca="$CONF_DIR/tls/site.crt"; else cli_url="http://127.0.0.1:$HTTP_PORT" cli_ca=""; fi
cat > "$STAGE/bin/civicgrid" <<EOF
#!/bin/sh
# Operator commands (backup, list, restore, check, reset-password, create-admin, import-grids, export; --help) on the
# installed application, as $SVC_USER.
if [ "\$(id -u)" = 0 ]; then exec setpriv --reuid="$SVC_USER" --regid="$SVC_GROUP" --init-groups -- "\$0" "\$@"; fi
# the HTTPS port as site.properties says now (an operator may have changed it since the install)
p="\$(sed -n 's/^[[:space:]]*quarkus[.]http[.]ssl-port[[:space:]]*[=:][[:space:]]*\\([0-9][0-9]*\\).*/\\1/p' "$CONF_DIR/site.properties" 2>/dev/null | tail -n 1)"
if [ -n "$cli_ca" ] && [ -n "\$p" ]; then url="https://127.0.0.1:\$p"; else url="$cli_url"; fi
export CIVICGRID_URL="\${CIVICGRID_URL:-\$url}" CIVICGRID_CA="\${CIVICGRID_CA-$cli_ca}"
# the certificate is pinned, so its names need not include 127.0.0.1 (a site's own certificate)
exec "$JAVA" -Xshare:auto -Djdk.internal.httpclient.disableHostnameVerification=true -cp "$PREFIX/app/app/*:$PREFIX/app/lib/main/*" org.civicgrid.backup.OperatorCli --data-dir "$DATA_DIR" "\$@"
EOF
sed -e "s#@PREFIX@#$PREFIX#g" -e "s#@DATA_DIR@#$DATA_DIR#g" -e "s#@CONF_DIR@#$CONF_DIR#g" -e "s#@USER@#$SVC_USER#g" \
    "$HERE/civicgrid.service.template" > "$STAGE/installer/civicgrid.service"
chmod 0755 "$STAGE/bin/civicgrid-server" "$STAGE/bin/civicgrid" "$STAGE/installer/uninstall.sh"
chown -R root:root "$STAGE"
chmod -R u=rwX,go=rX "$STAGE"
rm -f "$DATA_DIR/app-cds.jsa"   # made for the previous app: the next run makes a new one
if [[ -f $PREFIX/quarkus-run.jar ]]; then   # the first installer copied quarkus-app straight into the prefix
    rm -rf "$PREFIX/quarkus-run.jar" "$PREFIX/lib" "$PREFIX/quarkus" "$PREFIX/quarkus-app-dependencies.txt"
fi
for part in app runtime bin installer VERSION; do
    [[ -e $STAGE/$part ]] || continue
    rm -rf "$PREFIX/$part"
    mv "$STAGE/$part" "$PREFIX/$part"
done
rm -rf "$STAGE"

# --- broker: Mosquitto config, per-device accounts and ACL (kept across re-runs) ----------------------------------
if $BROKER; then
    command -v mosquitto_passwd >/dev/null || [[ -x /usr/bin/mosquitto_passwd ]] || {
        if compgen -G "$SRC/debs/*.deb" >/dev/null; then
            echo "Installing Mosquitto from the bundle's packages..."
            dpkg -i "$SRC"/debs/*.deb
        else
            echo "Installing Mosquitto with apt (needs the network or a local mirror)..."
            apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y mosquitto mosquitto-clients
        fi
    }
    MQ_DIR="$CONF_DIR/mosquitto"
    MQ_GROUP=root
    getent group mosquitto >/dev/null && MQ_GROUP=mosquitto
    install -d -m 0750 -o root -g "$MQ_GROUP" "$MQ_DIR"
    if [[ -z $DEVICES ]]; then
        DEVICES="$CONF_DIR/devices.conf"
        [[ -e $DEVICES ]] || install -m 0640 -o root -g root "$EXAMPLES/devices.conf.example" "$DEVICES"
    fi
    [[ -f $DEVICES ]] || die "no device list $DEVICES"
    ACCOUNTS="$MQ_DIR/accounts"   # name:password, root-only: the passwords to configure on each device
    [[ -e $ACCOUNTS ]] || install -m 0600 -o root -g root /dev/null "$ACCOUNTS"
    add_account() { grep -q "^$1:" "$ACCOUNTS" || printf '%s:%s\n' "$1" "$(secret)" >> "$ACCOUNTS"; }
    add_account civicgrid
    {
        echo "# civicgrid broker ACL, written by install.sh from $DEVICES: each device publishes only its own topics."
        echo "user civicgrid"
        echo "topic read civicgrid/alerts/#"
        echo "topic read frigate/#"
        echo "topic readwrite thing/product/#"
        echo "topic readwrite civicgrid/#"
    } > "$MQ_DIR/acl.new"
    while read -r kind id _; do
        [[ -z $kind || $kind == \#* ]] && continue
        [[ $id =~ ^[A-Za-z0-9._-]+$ && $id != civicgrid ]] || die "$DEVICES: bad device id '$id' (letters, digits, . _ - only; not civicgrid)"
        case "$kind" in
            generic) topics="topic write civicgrid/alerts/$id" ;;
            frigate) topics="topic readwrite frigate/#" ;;
            dji) topics="topic readwrite thing/product/$id/#"$'\n'"topic readwrite sys/product/$id/#" ;;
            *) die "$DEVICES: unknown device kind '$kind' (generic, frigate, dji)" ;;
        esac
        add_account "$id"
        printf '\nuser %s\n%s\n' "$id" "$topics" >> "$MQ_DIR/acl.new"
    done < "$DEVICES"
    cp "$ACCOUNTS" "$MQ_DIR/passwd.new"
    mosquitto_passwd -U "$MQ_DIR/passwd.new"
    for f in acl passwd; do
        chown root:"$MQ_GROUP" "$MQ_DIR/$f.new"; chmod 0640 "$MQ_DIR/$f.new"; mv "$MQ_DIR/$f.new" "$MQ_DIR/$f"
    done
    queued=$((ALERTS_PER_HOUR * OUTAGE_HOURS))
    sed -e "s#@OUTAGE_HOURS@#$OUTAGE_HOURS#g" -e "s#@ALERTS_PER_HOUR@#$ALERTS_PER_HOUR#g" \
        -e "s#@QUEUED_MESSAGES@#$queued#g" -e "s#@QUEUED_BYTES@#$((queued * 4096))#g" \
        -e "s#@MESSAGE_SIZE_LIMIT@#1048576#g" -e "s#@MQTT_PORT@#$MQTT_PORT#g" -e "s#listener \([0-9]*\) @MQTT_BIND@#listener \1 $MQTT_BIND#" \
        -e "s#@PASSWORD_FILE@#$MQ_DIR/passwd#g" -e "s#@ACL_FILE@#$MQ_DIR/acl#g" \
        "$HERE/mosquitto/civicgrid.conf.template" | sed -e 's/[[:space:]]*$//' > "$MQ_DIR/civicgrid.conf"
    chmod 0644 "$MQ_DIR/civicgrid.conf"
    grep -q '^CIVICGRID_MQTT_PASSWORD=' "$CONF_DIR/secrets.env" || \
        printf 'CIVICGRID_MQTT_PASSWORD=%s\n' "$(sed -n 's/^civicgrid://p' "$ACCOUNTS")" >> "$CONF_DIR/secrets.env"
    set_default civicgrid.mqtt.host 127.0.0.1
    set_default civicgrid.mqtt.port "$MQTT_PORT"
    set_default civicgrid.mqtt.username civicgrid
    set_default civicgrid.mqtt.embedded false
    if $SYSTEMD; then
        install -d /etc/mosquitto/conf.d
        ln -sfn "$MQ_DIR/civicgrid.conf" /etc/mosquitto/conf.d/civicgrid.conf
        grep -q '^include_dir /etc/mosquitto/conf.d' /etc/mosquitto/mosquitto.conf \
            || echo "WARNING: /etc/mosquitto/mosquitto.conf has no 'include_dir /etc/mosquitto/conf.d': add it." >&2
        systemctl enable mosquitto
        systemctl restart mosquitto
    fi
fi

# --- HTTPS: the site's certificate or a generated self-signed one; HTTP only redirects; cookies Secure -------------
if $TLS; then
    TLS_DIR="$CONF_DIR/tls"
    install -d -m 0750 -o root -g "$SVC_GROUP" "$TLS_DIR"
    if [[ -n $CERT ]]; then
        install -m 0644 -o root -g root "$CERT" "$TLS_DIR/site.crt"
        install -m 0640 -o root -g "$SVC_GROUP" "$KEY" "$TLS_DIR/site.key"
        rm -f "$TLS_DIR/self-signed"
        echo "HTTPS with the site's certificate $(openssl x509 -in "$CERT" -noout -subject 2>/dev/null || true)"
    elif $RENEW_CERT || [[ ! -s $TLS_DIR/site.crt || ! -s $TLS_DIR/site.key ]]; then
        command -v openssl >/dev/null || die "openssl is needed to generate a certificate (apt-get install openssl), or pass --cert/--key"
        name="${CERT_NAME:-$(hostname -f 2>/dev/null || hostname)}"
        san="DNS:$name,DNS:localhost,IP:127.0.0.1,IP:::1"
        [[ $name == "$(hostname)" ]] || san="$san,DNS:$(hostname)"
        for ip in $(hostname -I 2>/dev/null); do san="$san,IP:$ip"; done
        umask_was="$(umask)"; umask 077
        openssl req -x509 -newkey rsa:2048 -sha256 -days 3650 -nodes -subj "/CN=$name/O=civicgrid" \
            -addext "subjectAltName=$san" -addext "extendedKeyUsage=serverAuth" \
            -keyout "$TLS_DIR/site.key.new" -out "$TLS_DIR/site.crt.new" 2>/dev/null || die "openssl could not make a certificate"
        umask "$umask_was"
        chown root:"$SVC_GROUP" "$TLS_DIR/site.key.new"; chmod 0640 "$TLS_DIR/site.key.new"
        chown root:root "$TLS_DIR/site.crt.new"; chmod 0644 "$TLS_DIR/site.crt.new"
        mv "$TLS_DIR/site.key.new" "$TLS_DIR/site.key"; mv "$TLS_DIR/site.crt.new" "$TLS_DIR/site.crt"
        echo "$san" > "$TLS_DIR/self-signed"
        echo "HTTPS with a generated self-signed certificate for $san (valid 10 years): $TLS_DIR/site.crt"
    fi
    set_default quarkus.http.ssl-port "$HTTPS_PORT"
    set_default quarkus.tls.key-store.pem.site.cert "$TLS_DIR/site.crt"
    set_default quarkus.tls.key-store.pem.site.key "$TLS_DIR/site.key"
    set_default quarkus.http.insecure-requests redirect
    set_default civicgrid.security.secure-cookies true
fi

# --- first administrator: a one-time setup code, unless the site already has its admin ---------------------------
TOKEN="$DATA_DIR/setup-token"
if $first_install && [[ ! -e $DATA_DIR/civicgrid.db && ! -e $TOKEN ]]; then
    head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$TOKEN.new"
    echo >> "$TOKEN.new"
    chown "$SVC_USER:$SVC_GROUP" "$TOKEN.new"; chmod 0600 "$TOKEN.new"; mv "$TOKEN.new" "$TOKEN"
fi

# --- service ------------------------------------------------------------------------------------------------------
if $SYSTEMD; then
    install -m 0644 "$PREFIX/installer/civicgrid.service" /etc/systemd/system/civicgrid.service
    systemctl daemon-reload
    systemctl enable civicgrid
    systemctl start civicgrid
fi

prop() { sed -n "s/^[[:space:]]*${1//./\\.}[[:space:]]*[=:][[:space:]]*\\([^[:space:]]*\\).*/\\1/p" "$CONF_DIR/site.properties" | tail -n 1; }
port="$(prop quarkus.http.port)" scheme=http
if [[ -n "$(prop quarkus.tls.key-store.pem.site.cert)" ]]; then port="$(prop quarkus.http.ssl-port)" scheme=https; fi
host="$(hostname -I 2>/dev/null | awk '{print $1}')"
echo
if $was_active || ! $first_install; then echo "civicgrid upgraded in $PREFIX (data kept in $DATA_DIR)."; else echo "civicgrid installed in $PREFIX."; fi
if $SYSTEMD; then echo "Service: systemctl status civicgrid; logs: journalctl -u civicgrid -f"; else echo "Start it: runuser -u $SVC_USER -- $PREFIX/bin/civicgrid-server"; fi
echo "Operator commands (backup, restore, check, reset-password, create-admin, import-grids, export): $PREFIX/bin/civicgrid --help"
echo "Settings: $CONF_DIR/site.properties   Secrets: $CONF_DIR/secrets.env   Data: $DATA_DIR"
if [[ -f $CONF_DIR/tls/self-signed ]] && $TLS; then
    echo "HTTPS certificate (self-signed): $CONF_DIR/tls/site.crt. Browsers warn until it is trusted: import it on each"
    echo "  PC (see $PREFIX/installer/README.md, \"HTTPS\"), or install the site's own with --cert/--key."
fi
$BROKER && echo "Broker: $CONF_DIR/mosquitto/civicgrid.conf; device accounts (name:password) in $CONF_DIR/mosquitto/accounts"
if [[ -s $TOKEN ]]; then
    echo "First administrator (one-time link, valid until used):"
    echo "  $scheme://${host:-<host>}:${port:-8080}/setup?code=$(tr -d '\n' < "$TOKEN")"
fi
