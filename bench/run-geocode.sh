#!/usr/bin/env bash
# JMH benchmark of the geocoder's point → unit grid lookup (bench/jmh, GeocodeBenchmark) on 10,000 and 528 grids.
# Installs the application as a plain jar into the local Maven repository (tests and the Quarkus build skipped),
# builds the standalone bench project, runs GeocodeBenchmark and writes JSON results to bench/jmh/target/geocode.json.
# Usage: bench/run-geocode.sh [more JMH options, e.g. -f 2 -wi 5]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests -Dquarkus.build.skip=true
./mvnw -B -q -f bench/jmh/pom.xml package
java -jar bench/jmh/target/benchmarks.jar GeocodeBenchmark -rf json -rff bench/jmh/target/geocode.json "$@"
