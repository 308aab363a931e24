#!/bin/sh
# Run once by the postgres image when the data volume is first initialised: the two roles of
# row-level security and the database. The owner runs migrations and owns every table; the
# application role (web, worker, beat) is not the owner, not a superuser and has no BYPASSRLS,
# so the policies hold for it. Table privileges are granted to it by `migrate`.
set -eu

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v owner_password="$PROEFTUIN_OWNER_PASSWORD" -v app_password="$PROEFTUIN_APP_PASSWORD" <<'SQL'
CREATE ROLE proeftuin_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS
    PASSWORD :'owner_password';
CREATE ROLE proeftuin_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS
    PASSWORD :'app_password';
CREATE DATABASE proeftuin OWNER proeftuin_owner;
\connect proeftuin
-- Only the owner creates objects; the application role may use the schema, nothing more.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO proeftuin_app;
SQL
