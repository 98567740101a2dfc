#!/usr/bin/env bash
# Starts or stops the throwaway PostgreSQL cluster the tests use (trust auth, loopback only).
# Usage: scripts/test-postgres.sh start|stop   (prints the admin JDBC URL on start)
# Installs Debian's PostgreSQL when the machine has none.
set -euo pipefail

# Below Linux's ephemeral port range (32768-60999), so no outgoing connection can be holding it.
PORT="${APISYNC_TEST_PG_PORT:-25432}"
DATA="${APISYNC_TEST_PG_DIR:-/tmp/apisync-test-pg}"

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ]; then
    echo "PostgreSQL not found: installing it from Debian" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$dir"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    BIN=$(pg_bin)
    if [ ! -f "$DATA/PG_VERSION" ]; then
      mkdir -p "$DATA"
      [ "$(id -u)" = 0 ] && chown postgres "$DATA"
      as_owner "$BIN/initdb" -D "$DATA" -A trust -U postgres >/dev/null
    fi
    if ! as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
        -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null
    fi
    echo "jdbc:postgresql://127.0.0.1:$PORT/postgres?user=postgres"
    ;;
  stop)
    BIN=$(pg_bin)
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
