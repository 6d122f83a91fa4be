#!/usr/bin/env bash
# JMH benchmark of the working calendar's deadline arithmetic (bench/jmh, DeadlineBenchmark).
# Installs the application as a plain jar into the local Maven repository (tests and the Quarkus build skipped:
# the bench only needs the compiled classes), builds the standalone bench project into bench/jmh/target/benchmarks.jar,
# runs it and writes the JSON results to bench/jmh/target/result.json.
# Usage: bench/run-deadlines.sh [JMH options, e.g. a benchmark regex or -f 2 -wi 5]
set -euo pipefail
cd "$(dirname "$0")/.."
# -Dquarkus.build.skip=true: with -Dquarkus.package.jar.enabled=false the Quarkus build fails
# ("No artifact results were produced"); the plain jar from maven-jar-plugin is all the bench needs.
./mvnw -B -q install -DskipTests -Dquarkus.build.skip=true
./mvnw -B -q -f bench/jmh/pom.xml package
java -jar bench/jmh/target/benchmarks.jar -rf json -rff bench/jmh/target/result.json "$@"
