#!/usr/bin/env bash
# Issue 9's throughput bench: apisync (Temporal dev server + the worker as its own JVM) against a
# plain JDBC + OkHttp loop on the same Odoo-shaped source and loopback sink, checked exactly-once.
# Writes bench/results/latest.md (the table) and latest.png (the chart).
# Usage: bench/run.sh [--rows N] [--quick] [--runs N] [--scenarios a,b] [--worker-arg ARG]...
#   (bench/run.sh --help lists every option). Not part of the tests or CI.
# Its PostgreSQL: BENCH_PG_PORT (default 55446), BENCH_PG_DIR (default /tmp/apisync-bench-pg; the
# seeded rows are kept there between runs); logs in BENCH_WORK_DIR (default /tmp/apisync-bench).
# Experiments: BENCH_WORKER_JAVA_OPTS (worker JVM flags), BENCH_TEMPORAL_ARGS (dev-server flags),
# BENCH_TEMPORAL=test-server (the SDK's in-JVM test server instead of the dev server).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

echo "Building the worker and the bench (tests skipped)..." >&2
mvn -B -q -Pbench -DskipTests package -pl workflows,activities,worker,bench

export BENCH_ARGS="$*"
status=0
java -Dapisync.repo="$PWD" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  dev.apisync.bench.Bench "$@" || status=$?
# The bench stops what it started; this catches an interrupted run's PostgreSQL.
APISYNC_TEST_PG_PORT="${BENCH_PG_PORT:-55446}" APISYNC_TEST_PG_DIR="${BENCH_PG_DIR:-/tmp/apisync-bench-pg}" \
  scripts/test-postgres.sh stop
exit "$status"
