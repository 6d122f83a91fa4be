#!/usr/bin/env bash
# Removes the civicgrid service and application.
#   sudo installer/uninstall.sh            keeps /var/lib/civicgrid (data), /etc/civicgrid (settings) and the user
#   sudo installer/uninstall.sh --purge    also deletes those: the county's data is gone for good
set -euo pipefail

die() { echo "uninstall.sh: $*" >&2; exit 1; }

purge=false
case "${1:-}" in
    "") ;;
    --purge) purge=true ;;
    *) die "usage: $0 [--purge]" ;;
esac
[[ $(id -u) -eq 0 ]] || die "run as root"

if systemctl list-unit-files civicgrid.service --no-legend 2>/dev/null | grep -q civicgrid; then
    systemctl disable --now civicgrid
fi
rm -f /etc/systemd/system/civicgrid.service
if $purge; then
    rm -rf /etc/systemd/system/civicgrid.service.d   # local overrides made with systemctl edit
fi
systemctl daemon-reload
systemctl reset-failed civicgrid 2>/dev/null || true
rm -rf /opt/civicgrid /opt/civicgrid.new

if $purge; then
    rm -rf /var/lib/civicgrid /etc/civicgrid
    if getent passwd civicgrid >/dev/null; then
        userdel civicgrid
    fi
    echo "civicgrid removed, with its data and settings."
else
    echo "civicgrid removed. Kept: /var/lib/civicgrid (data), /etc/civicgrid (settings), user civicgrid."
fi
