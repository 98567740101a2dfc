#!/usr/bin/env bash
# Acceptance bench for Python scripts: a 10,000-record run (ten pages of 1,000, a python line per
# record, a request script per page) on a freshly warmed pool of 2 contexts. It fails unless the
# number of contexts created stays at the pool size, and prints warm-up time and throughput.
# Usage: bench/script-contexts.sh [records]
# PostgreSQL as for the tests: APISYNC_TEST_PG_URL (scripts/test-postgres.sh start), else embedded.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-2[5-9]* 2>/dev/null | sort -Vr | head -n 1)
  export JAVA_HOME
fi
RECORDS="${1:-10000}"
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
status=0
mvn -B -pl workflows,activities test -Dtest=ScriptContextReuseTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dapisync.bench.records="$RECORDS" >"$LOG" 2>&1 || status=$?
grep -E "runtime '|Python scripts warm|records \(|Tests run:|FAIL" "$LOG" | grep -v "^\[INFO\] Tests run: [0-9]*, .*$" || true
grep -E "^\[(INFO|ERROR)\] Tests run:" "$LOG" | tail -n 1
exit "$status"
