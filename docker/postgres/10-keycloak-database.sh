#!/bin/sh
# Keycloak keeps its own database and role on the same PostgreSQL server as Mend, so that neither can read or lock
# the other's tables and each can be backed up and restored alone. The postgres image runs this once, when the data
# volume is empty; the password comes from KEYCLOAK_DB_PASSWORD in docker/.env.
set -eu
: "${KEYCLOAK_DB_PASSWORD:?set KEYCLOAK_DB_PASSWORD in docker/.env}"
# psql's :'var' quoting keeps the password a literal, whatever characters it holds.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v keycloak_password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_password';
CREATE DATABASE keycloak OWNER keycloak;
SQL
