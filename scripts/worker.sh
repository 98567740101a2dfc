#!/usr/bin/env bash
# Starts the worker on its own, as a deployment runs it: with GraalPy's optimizing JIT for Python
# scripts on JDK 21+ (the Graal compiler jars that the build copies to worker/target/graalpy-jit go
# on the upgrade module path), interpreted on older JDKs. The worker logs which runtime it got.
# Settings come from the environment as usual (SPRING_DATASOURCE_URL, APISYNC_SOURCE_URL,
# SPRING_TEMPORAL_CONNECTION_TARGET, ...; outside the dev profile APISYNC_SECRETS_KEY and
# APISYNC_TEMPORAL_CODEC_KEYS are required, and internal targets need APISYNC_EGRESS_ALLOW);
# arguments go to the app (--apisync.scripts.pool-size=8).
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR=worker/target/worker-0.1.0-SNAPSHOT-exec.jar
JIT=worker/target/graalpy-jit
if [ ! -f "$JAR" ]; then
  echo "Building the worker (tests skipped)..." >&2
  mvn -B -q -DskipTests package -pl workflows,activities,worker
fi

FLAGS=()
feature=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${feature%%.*}" -ge 21 ] && [ -f "$JIT/compiler.jar" ]; then
  FLAGS=(-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --enable-native-access=ALL-UNNAMED
    "--upgrade-module-path=$JIT/compiler.jar:$JIT/collections.jar:$JIT/word.jar:$JIT/truffle-compiler.jar")
else
  echo "No JDK 21+ or no $JIT: Python scripts run interpreted" >&2
fi
exec "$JAVA" "${FLAGS[@]}" -XX:MaxRAMPercentage=75 -jar "$JAR" "$@"
