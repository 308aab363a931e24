#!/bin/sh
# Run once by the postgres image when the data volume is first initialised: the roles of
# row-level security and the database. The owner runs migrations and owns every table; the
# application role (web, worker, beat) is not the owner, not a superuser and has no BYPASSRLS,
# so the policies hold for it. The backup role has BYPASSRLS (pg_dump must see every gemeente)
# and may only read. Table privileges are granted to both by `migrate`.
set -eu

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v owner_password="$PROEFTUIN_OWNER_PASSWORD" -v app_password="$PROEFTUIN_APP_PASSWORD" \
    -v backup_password="${PROEFTUIN_BACKUP_PASSWORD:-}" <<'SQL'
CREATE ROLE proeftuin_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS
    PASSWORD :'owner_password';
CREATE ROLE proeftuin_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS
    PASSWORD :'app_password';
SELECT 'CREATE ROLE proeftuin_backup' WHERE NOT EXISTS (
    SELECT FROM pg_roles WHERE rolname = 'proeftuin_backup') \gexec
-- Without PROEFTUIN_BACKUP_PASSWORD the role has no password and cannot log in over TCP.
ALTER ROLE proeftuin_backup LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE BYPASSRLS
    PASSWORD :'backup_password';
CREATE DATABASE proeftuin OWNER proeftuin_owner;
\connect proeftuin
-- Only the owner creates objects; the application role may use the schema, nothing more.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO proeftuin_app;
SQL
