#!/usr/bin/env bash
# Removes the civicgrid service and application.
#   sudo installer/uninstall.sh [--prefix DIR]           keeps data, settings, broker accounts and the user
#   sudo installer/uninstall.sh [--prefix DIR] --purge   also deletes those: the county's data is gone for good
# --data-dir and --config-dir as given to install.sh (the same defaults).
set -euo pipefail

die() { echo "uninstall.sh: $*" >&2; exit 1; }

PREFIX=/opt/civicgrid DATA_DIR="" CONF_DIR="" SVC_USER=civicgrid purge=false
while [[ $# -gt 0 ]]; do
    case "$1" in
        --purge) purge=true ;;
        --prefix) PREFIX="${2:?}"; shift ;;
        --data-dir) DATA_DIR="${2:?}"; shift ;;
        --config-dir) CONF_DIR="${2:?}"; shift ;;
        --user) SVC_USER="${2:?}"; shift ;;
        -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
    shift
done
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/layout.sh"
resolve_layout
[[ $(id -u) -eq 0 ]] || die "run as root"

if command -v systemctl >/dev/null && systemctl list-unit-files civicgrid.service --no-legend 2>/dev/null | grep -q civicgrid; then
    systemctl disable --now civicgrid
fi
if [[ -f /etc/systemd/system/civicgrid.service ]] && grep -q "ExecStart=$PREFIX/" /etc/systemd/system/civicgrid.service; then
    rm -f /etc/systemd/system/civicgrid.service
    $purge && rm -rf /etc/systemd/system/civicgrid.service.d   # local overrides made with systemctl edit
    systemctl daemon-reload 2>/dev/null || true
    systemctl reset-failed civicgrid 2>/dev/null || true
fi
if [[ -L /etc/mosquitto/conf.d/civicgrid.conf && $(readlink /etc/mosquitto/conf.d/civicgrid.conf) == "$CONF_DIR/"* ]]; then
    rm -f /etc/mosquitto/conf.d/civicgrid.conf
    systemctl try-restart mosquitto 2>/dev/null || true
fi
rm -rf "$PREFIX/app" "$PREFIX/runtime" "$PREFIX/bin" "$PREFIX/installer" "$PREFIX/VERSION" "$PREFIX/.staging"

if $purge; then
    rm -rf "$DATA_DIR" "$CONF_DIR"
    rmdir "$PREFIX" 2>/dev/null || true
    if getent passwd "$SVC_USER" >/dev/null; then
        userdel "$SVC_USER"
    fi
    echo "civicgrid removed, with its data, settings and broker accounts."
else
    rmdir "$PREFIX" 2>/dev/null || true
    echo "civicgrid removed. Kept: $DATA_DIR (data, backups), $CONF_DIR (settings, broker accounts), user $SVC_USER."
fi
