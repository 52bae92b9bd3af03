#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for khabar's store tests and print its URL.
#
# Installs the Debian packages when PostgreSQL is missing, creates a cluster in its own
# directory (KHABAR_PG_DIR, default /tmp/khabar-pg) listening on 127.0.0.1 at port 5432 or,
# when that is taken, the first free port above it, then creates a role and a database.
# The last line of standard output is the URL, e.g.
#   export KHABAR_TEST_PG="$(scripts/start_postgres.sh | tail -n 1)"
# Re-running it reuses a running cluster. Stop it with: scripts/start_postgres.sh --stop
set -euo pipefail

PG_DIR="${KHABAR_PG_DIR:-/tmp/khabar-pg}"
PG_USER="${KHABAR_PG_USER:-khabar}"
PG_PASSWORD="${KHABAR_PG_PASSWORD:-khabar}"
PG_DB="${KHABAR_PG_DB:-khabar_test}"
RUN_AS="postgres"

log() { echo "start_postgres: $*" >&2; }

find_bindir() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "$dir" && -x "$dir/initdb" ]]; then echo "$dir"; fi
}

BINDIR="$(find_bindir)"
if [[ -z "$BINDIR" ]]; then
    log "PostgreSQL not found; installing the Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    BINDIR="$(find_bindir)"
fi
if [[ -z "$BINDIR" ]]; then
    log "could not find initdb after installing postgresql"; exit 1
fi

# The server refuses to run as root: run it as the postgres system user when we are root.
if [[ "$(id -u)" != "0" ]]; then RUN_AS="$(id -un)"; fi
as_pg() {
    if [[ "$(id -un)" == "$RUN_AS" ]]; then "$@"; else su -s /bin/bash "$RUN_AS" -c "$(printf '%q ' "$@")"; fi
}

if [[ "${1:-}" == "--stop" ]]; then
    if [[ -f "$PG_DIR/data/postmaster.pid" ]]; then as_pg "$BINDIR/pg_ctl" -D "$PG_DIR/data" -m fast stop >&2; fi
    exit 0
fi

port_free() {
    ! (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

mkdir -p "$PG_DIR"
chown "$RUN_AS" "$PG_DIR" 2>/dev/null || true

if [[ -f "$PG_DIR/data/postmaster.pid" ]] && as_pg "$BINDIR/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then
    PORT="$(sed -n 4p "$PG_DIR/data/postmaster.pid")"
    log "reusing the running cluster in $PG_DIR on port $PORT"
else
    if [[ ! -f "$PG_DIR/data/PG_VERSION" ]]; then
        as_pg "$BINDIR/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    PORT="${KHABAR_PG_PORT:-5432}"
    while ! port_free "$PORT"; do PORT=$((PORT + 1)); done
    as_pg "$BINDIR/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PG_DIR -c max_connections=100" start >&2
fi

psql_su() { as_pg psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [[ "$(psql_su -c "SELECT 1 FROM pg_roles WHERE rolname='$PG_USER'")" != "1" ]]; then
    psql_su -c "CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD' CREATEDB" >&2
fi
if [[ "$(psql_su -c "SELECT 1 FROM pg_database WHERE datname='$PG_DB'")" != "1" ]]; then
    psql_su -c "CREATE DATABASE $PG_DB OWNER $PG_USER ENCODING 'UTF8'" >&2
fi
echo "postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$PORT/$PG_DB"
