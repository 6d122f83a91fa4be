# The site layout, one rule for install.sh and uninstall.sh (sourced, not run): the default prefix /opt/civicgrid keeps
# data in /var/lib/civicgrid and config in /etc/civicgrid; any other prefix keeps both under itself. Reads and sets
# PREFIX, DATA_DIR and CONF_DIR (a --data-dir/--config-dir given on the command line wins).
resolve_layout() {
    PREFIX="$(realpath -m "$PREFIX")"
    if [[ $PREFIX == /opt/civicgrid ]]; then
        DATA_DIR="${DATA_DIR:-/var/lib/civicgrid}"; CONF_DIR="${CONF_DIR:-/etc/civicgrid}"
    else
        DATA_DIR="${DATA_DIR:-$PREFIX/data}"; CONF_DIR="${CONF_DIR:-$PREFIX/etc}"
    fi
    DATA_DIR="$(realpath -m "$DATA_DIR")"; CONF_DIR="$(realpath -m "$CONF_DIR")"
}
