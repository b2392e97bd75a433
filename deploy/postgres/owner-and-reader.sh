#!/usr/bin/env bash
# Runs once, when the primary's data directory is created: the API's two logins, neither a superuser
# (docs/security.md, "Your own Postgres"). depin_owner owns the database and runs migrations and imports; depin_api
# only reads, as a member of depin_reader. The standby replicates both.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$DEPIN_OWNER_PASSWORD" -v reader_password="$DEPIN_READER_PASSWORD" <<'SQL'
CREATE ROLE depin_owner LOGIN PASSWORD :'owner_password';
CREATE DATABASE depin OWNER depin_owner;
CREATE ROLE depin_reader NOLOGIN;
GRANT depin_reader TO depin_owner WITH ADMIN OPTION;
CREATE ROLE depin_api LOGIN PASSWORD :'reader_password';
GRANT depin_reader TO depin_api;
REVOKE TEMPORARY ON DATABASE depin FROM PUBLIC;
SQL
