#!/usr/bin/env bash
# Runs once, as PostgreSQL's superuser, when the data volume is first created: apisync's own role
# (owner of its database, nothing more) and the read-only role it reads the source with.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v apisync_password="$APISYNC_DB_PASSWORD" -v reader_password="$APISYNC_SOURCE_PASSWORD" <<'SQL'
CREATE ROLE apisync LOGIN PASSWORD :'apisync_password' NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE apisync OWNER apisync;
CREATE ROLE apisync_reader LOGIN PASSWORD :'reader_password' NOSUPERUSER NOCREATEDB NOCREATEROLE;
ALTER ROLE apisync_reader SET default_transaction_read_only = on;
-- A source database on this server: GRANT CONNECT, USAGE and SELECT as README "Source database" shows.
SQL
