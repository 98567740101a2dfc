#!/usr/bin/env bash
# Fuzzes the REST API from its own OpenAPI document with schemathesis: zero 5xx and zero
# response-schema violations, or this fails. CI runs it after scripts/test.sh.
#
# It starts the API ALONE: a throwaway PostgreSQL (scripts/test-postgres.sh), an in-memory
# Temporal dev server and the API jar, all on 127.0.0.1, and no worker, so no run ever executes and
# nothing the fuzzer creates (configs, runs) can make this machine send a request anywhere. The
# fuzzer talks only to the API's loopback address (no proxy, no redirects followed).
#
# Environment: APISYNC_FUZZ_SECONDS (time budget of the fuzzing, default 150),
# APISYNC_TEST_PG_PORT / APISYNC_TEST_PG_DIR as for scripts/test.sh.
set -euo pipefail
SELF="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$0")/.."
source scripts/env.sh

SCHEMATHESIS_VERSION=4.32.5
FUZZ_SECONDS="${APISYNC_FUZZ_SECONDS:-150}"
API_PID=""
TEMPORAL_PID=""

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Nothing may leave through a proxy: every request goes straight to 127.0.0.1.
unset http_proxy https_proxy all_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY
export NO_PROXY="*" no_proxy="*"

VENV="${APISYNC_FUZZ_VENV:-$HOME/.cache/apisync/schemathesis-$SCHEMATHESIS_VERSION}"
if [ ! -x "$VENV/bin/st" ]; then
  echo "Installing schemathesis==$SCHEMATHESIS_VERSION into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "schemathesis==$SCHEMATHESIS_VERSION"
fi

JAR=starter-api/target/starter-api-0.1.0-SNAPSHOT-exec.jar
if [ ! -f "$JAR" ]; then
  echo "Building the API jar" >&2
  mvn -B -q -DskipTests package -pl starter-api -am
fi

# From here on nothing can reach the network: as root (CI), the servers and the fuzzer run in a
# network namespace of their own that has only a loopback interface (no route out, no DNS), so no
# config the fuzzer invents can make this machine contact another address, not even its resolver.
if [ -z "${APISYNC_FUZZ_ISOLATED:-}" ]; then
  if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null 2>&1; then
    export APISYNC_FUZZ_ISOLATED=1
    exec unshare --net sh -c 'ip link set lo up && exec "$0" "$@"' "$SELF" "$@"
  fi
  echo "WARNING: not root: fuzzing without a network namespace of its own" >&2
fi

WORK=$(mktemp -d /tmp/apisync-fuzz.XXXXXX)
cleanup() {
  [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null && wait "$API_PID" 2>/dev/null || true
  [ -n "$TEMPORAL_PID" ] && kill "$TEMPORAL_PID" 2>/dev/null && wait "$TEMPORAL_PID" 2>/dev/null || true
  scripts/test-postgres.sh stop
}
trap cleanup EXIT

# PostgreSQL: apisync's database and a small Odoo-shaped source (the API only reads its catalog),
# so the fuzzer can create configs and start runs (that no worker ever executes).
PG_URL=$(scripts/test-postgres.sh start)
PG_PORT="${APISYNC_TEST_PG_PORT:-25432}"
for db in apisync_fuzz odoo_fuzz; do
  PGOPTIONS="--client-min-messages=warning" psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "DROP DATABASE IF EXISTS $db" \
    -c "CREATE DATABASE $db" postgres >/dev/null
done
PGOPTIONS="--client-min-messages=warning" psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres odoo_fuzz \
  -c "CREATE TABLE res_partner (id serial PRIMARY KEY, name varchar, email varchar,
        active boolean DEFAULT true, customer_rank integer DEFAULT 0,
        parent_id integer REFERENCES res_partner (id))" \
  -c "INSERT INTO res_partner (name, email, customer_rank) VALUES
        ('Azure Interior', 'azure@example.com', 1), ('Deco Addict', 'deco@example.com', 2)" \
  >/dev/null
JDBC_BASE="${PG_URL%/postgres*}"

TEMPORAL_PORT=$(free_port)
# With apisync's search attributes (SyncRunOptions.SEARCH_ATTRIBUTES), as TemporalDevServer starts it.
temporal server start-dev --headless --ip 127.0.0.1 --port "$TEMPORAL_PORT" \
  --search-attribute ApiSyncConfigId=Int --search-attribute ApiSyncModel=Keyword \
  --search-attribute ApiSyncTrigger=Keyword \
  --http-port "$(free_port)" --metrics-port "$(free_port)" --log-level warn \
  >"$WORK/temporal.log" 2>&1 &
TEMPORAL_PID=$!
for _ in $(seq 1 120); do
  if temporal operator cluster health --address "127.0.0.1:$TEMPORAL_PORT" >/dev/null 2>&1; then
    break
  fi
  sleep 1
done
temporal operator cluster health --address "127.0.0.1:$TEMPORAL_PORT" >/dev/null

API_PORT=$(free_port)
ADMIN_TOKEN="fuzz-$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
"$JAVA_HOME/bin/java" -jar "$JAR" \
  --server.address=127.0.0.1 \
  --server.port="$API_PORT" \
  --spring.datasource.url="$JDBC_BASE/apisync_fuzz" \
  --spring.datasource.username=postgres \
  --spring.datasource.password= \
  --apisync.source.url="$JDBC_BASE/odoo_fuzz" \
  --apisync.source.username=postgres \
  --apisync.source.password= \
  --apisync.secrets.key="$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')" \
  --apisync.security.admin-token="$ADMIN_TOKEN" \
  --apisync.temporal.codec.keys="fuzz:$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')" \
  --spring.temporal.connection.target="127.0.0.1:$TEMPORAL_PORT" \
  >"$WORK/api.log" 2>&1 &
API_PID=$!

BASE="http://127.0.0.1:$API_PORT"
echo "Waiting for the API at $BASE (log: $WORK/api.log)" >&2
for _ in $(seq 1 300); do
  if curl -fsS -o /dev/null "$BASE/actuator/health" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$API_PID" 2>/dev/null; then
    echo "The API did not start:" >&2
    tail -n 40 "$WORK/api.log" >&2
    exit 1
  fi
  sleep 1
done
curl -fsS -o /dev/null "$BASE/actuator/health"
# The document is built on its first request, which can take a while on a busy machine.
curl -fsS --max-time 300 -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/v3/api-docs" \
  -o "$WORK/openapi.json"

echo "Fuzzing $BASE for ${FUZZ_SECONDS}s" >&2
status=0
(cd "$WORK" && "$VENV/bin/st" run "$WORK/openapi.json" \
  --url "$BASE" \
  --header "Authorization: Bearer $ADMIN_TOKEN" \
  --checks not_a_server_error,response_schema_conformance \
  --max-redirects 0 \
  --request-timeout 30 \
  --max-time "$FUZZ_SECONDS" \
  --workers 1 \
  --seed 8 \
  --report junit --report-dir "$WORK/report") || status=$?

if grep -q '"status":500\|ERROR' "$WORK/api.log"; then
  echo "The API logged errors (first ones below; log: $WORK/api.log)" >&2
  grep -m 5 -A 3 'ERROR' "$WORK/api.log" >&2 || true
fi
exit "$status"
