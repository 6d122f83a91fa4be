#!/usr/bin/env bash
# Builds the native binary on a machine with Mandrel/GraalVM (native-image on PATH or GRAALVM_HOME set), or with
# Docker/Podman (Mandrel builder image). The development machines have neither: there CI only keeps the Java part
# green (./mvnw -B package -Dnative -Dquarkus.native.sources-only=true -DskipTests). See native/README.md.
#   native/build.sh              Java part + native-image here (or in a container when native-image is missing)
#   native/build.sh --sources    Java part only: target/native-sources/ to copy to a builder machine
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
sources_only=false
case "${1:-}" in
    "") ;;
    --sources) sources_only=true ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "native/build.sh: unknown option $1" >&2; exit 2 ;;
esac

./mvnw -B package -Dnative -Dquarkus.native.sources-only=true -DskipTests
$sources_only && { echo "native sources in target/native-sources/"; exit 0; }

cd target/native-sources
NI="${GRAALVM_HOME:+$GRAALVM_HOME/bin/}native-image"
if command -v "$NI" >/dev/null; then
    "$NI" $(cat native-image.args) -J-Xmx4g
else
    engine="$(command -v podman || command -v docker || true)"
    [[ -n $engine ]] || { echo "native/build.sh: no native-image and no docker/podman here; copy target/native-sources/ to a machine that has one" >&2; exit 1; }
    "$engine" run --rm --user "$(id -u):$(id -g)" -v "$PWD":/project -w /project --entrypoint /bin/sh \
        quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-25 -c 'native-image $(cat native-image.args) -J-Xmx4g'
fi
ls -l ./*-runner
