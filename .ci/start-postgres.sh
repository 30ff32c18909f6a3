#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on 127.0.0.1 for the test suite and print its URL.
# Usage: eval "$(bash .ci/start-postgres.sh)"   -> exports FUENTES_TEST_PG
set -euo pipefail
port="${PGPORT_TEST:-54329}"
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bindir" ]; then
  echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 1
fi
data="${PGDATA_TEST:-/tmp/fuentes-pg-$port}"
run_as() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if ! run_as "$bindir/pg_isready" -h 127.0.0.1 -p "$port" >/dev/null 2>&1; then
  rm -rf "$data"; mkdir -p "$data"
  [ "$(id -u)" = 0 ] && chown postgres "$data"
  run_as "$bindir/initdb" -D "$data" -U fuentes --auth=trust -E UTF8 >/dev/null
  run_as "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" -w start >/dev/null
fi
run_as "$bindir/createdb" -h 127.0.0.1 -p "$port" -U fuentes fuentes_test 2>/dev/null || true
echo "export FUENTES_TEST_PG=postgresql://fuentes@127.0.0.1:$port/fuentes_test"
