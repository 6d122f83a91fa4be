#!/usr/bin/env bash
# Builds the release bundle: target/bundle/civicgrid-<version>.tar.gz holding the application (quarkus-app), a
# jlinked Java runtime with only the modules it needs and its CDS archive (the app's own AppCDS archive is made on
# the box at the first stop, see bin/civicgrid-server), the installer with its
# systemd unit and Mosquitto templates, and the device-config examples. Installing from it needs no network.
#
#   installer/make-bundle.sh               build the app (./mvnw -B package -DskipTests), then the bundle
#   installer/make-bundle.sh --no-build    use the existing target/quarkus-app
#   installer/make-bundle.sh --no-tar      stop after the directory target/bundle/civicgrid-<version>/
#   installer/make-bundle.sh --rescan      run jdeps over every library again (installer/jdeps-modules.txt)
#   installer/make-bundle.sh --with-debs   also put Mosquitto's .deb files in debs/ (apt-get download; needs apt
#                                          sources that match the target boxes' release)
# Needs a full JDK 17+ with jmods (Debian: openjdk-17-jdk-headless) on the build machine: JAVA_HOME or the java on PATH.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build=true tar=true debs=false rescan=false
for a in "$@"; do
    case "$a" in
        --no-build) build=false ;;
        --no-tar) tar=false ;;
        --with-debs) debs=true ;;
        --rescan) rescan=true ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "make-bundle.sh: unknown option $a" >&2; exit 2 ;;
    esac
done
die() { echo "make-bundle.sh: $*" >&2; exit 1; }
step() { printf '[%s] %s\n' "$(date +%T)" "$*"; }

JDK="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
[[ -x $JDK/bin/jlink && -d $JDK/jmods ]] || die "no jlink/jmods in $JDK: install a full JDK (openjdk-17-jdk-headless) or set JAVA_HOME"

if $build; then
    step "building the application"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
fi
APP="$ROOT/target/quarkus-app"
[[ -f $APP/quarkus-run.jar ]] || die "no $APP/quarkus-run.jar (run without --no-build)"
VERSION="$(sed -n '/<artifactId>civicgrid</,/<version>/ s:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)"
NAME="civicgrid-$VERSION"
OUT="$ROOT/target/bundle"
STAGE="$OUT/$NAME"
rm -rf "$STAGE" "$OUT/$NAME.tar.gz"
mkdir -p "$STAGE"

step "application"
cp -R "$APP" "$STAGE/app"
mkdir -p "$STAGE/installer/mosquitto"
cp "$ROOT"/installer/{install.sh,uninstall.sh,layout.sh,README.md,civicgrid.service.template} "$STAGE/installer/"
cp "$ROOT"/installer/mosquitto/*.template "$STAGE/installer/mosquitto/"
cp -R "$ROOT/device-config" "$STAGE/device-config"
echo "$VERSION $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown) $(date -u +%Y-%m-%dT%H:%MZ)" > "$STAGE/VERSION"

# Modules: what jdeps finds in every class of the app (jars unpacked: several are modular jars whose descriptors
# jdeps would try to resolve), plus what is only reached by reflection or service loading. Analysing the ~260
# library jars takes minutes, so their result is kept in installer/jdeps-modules.txt under the checksum of the
# dependency list; only a changed list (commit the rewritten file) or --rescan analyses them again. The app's own
# classes are always analysed.
jdeps_modules() { # dir of jars or classes -> comma-separated modules
    local work; work="$(mktemp -d)"
    find "$@" -name '*.jar' -print0 | xargs -0 -r -n 20 -P "$(nproc)" sh -c \
        'for j; do mkdir -p "$0/c"; unzip -qq -o "$j" "*.class" -x "module-info.class" "META-INF/versions/*" -d "$0/c/${j##*/}" 2>/dev/null || true; done' "$work"
    if [[ -d $work/c ]]; then "$JDK/bin/jdeps" -q --ignore-missing-deps --print-module-deps "$work/c"; fi
    rm -rf "$work"
}
CACHE="$ROOT/installer/jdeps-modules.txt"
deps_sum="$(sha256sum "$APP/quarkus-app-dependencies.txt" | cut -d' ' -f1)"
if ! $rescan && [[ -f $CACHE ]] && [[ "$(sed -n 's/^dependencies-sha256=//p' "$CACHE")" == "$deps_sum" ]]; then
    step "library modules from $CACHE (dependency list unchanged)"
    lib_modules="$(sed -n 's/^modules=//p' "$CACHE")"
else
    step "finding the Java modules the libraries need (jdeps over every library class: minutes)"
    lib_modules="$(jdeps_modules "$APP/lib")"
    printf '# written by make-bundle.sh: jdeps result for the library jars of target/quarkus-app\ndependencies-sha256=%s\nmodules=%s\n' \
        "$deps_sum" "$lib_modules" > "$CACHE"
fi
step "finding the Java modules the application code needs (jdeps)"
app_modules="$(jdeps_modules "$APP/app" "$APP/quarkus")"
# TLS key exchange (jdk.crypto.ec), zh/en dates and numbers (jdk.localedata), GBK/GB18030 imports (jdk.charsets),
# zip file system (jdk.zipfs), DNS names (jdk.naming.dns), flight recorder for support cases (jdk.jfr).
MODULES="$(printf '%s\n' "$lib_modules,$app_modules,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.naming.dns,jdk.jfr" \
    | tr ',' '\n' | grep . | sort -u | paste -sd,)"
step "jlink: $MODULES"
"$JDK/bin/jlink" --add-modules "$MODULES" --include-locales=zh,en --strip-debug --no-man-pages --no-header-files \
    --compress=2 --generate-cds-archive --output "$STAGE/runtime"

if $debs; then
    step "Mosquitto packages (apt-get download)"
    mkdir -p "$STAGE/debs"
    (cd "$STAGE/debs" && apt-get download mosquitto mosquitto-clients libmosquitto1 libcjson1 libwebsockets17 libdlt2 2>&1) \
        || echo "warning: some .deb files could not be downloaded; the installer falls back to apt" >&2
fi

if $tar; then
    step "tarball"
    tar -C "$OUT" -czf "$OUT/$NAME.tar.gz" "$NAME"
    step "done: $OUT/$NAME.tar.gz ($(du -h "$OUT/$NAME.tar.gz" | cut -f1); unpacked $(du -sh "$STAGE" | cut -f1))"
else
    step "done: $STAGE ($(du -sh "$STAGE" | cut -f1))"
fi
