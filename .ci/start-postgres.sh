#!/usr/bin/env bash
# Starts a throw-away PostgreSQL for the tests (Debian's packages; installed if missing) and prints
# the JDBC URL to export as UPDRAFT_TEST_PG_URL. PostgreSQL refuses to run as root, so the server
# runs as the `postgres` user, on 127.0.0.1:${PGPORT:-5433}, with trust authentication.
set -euo pipefail
PGPORT=${PGPORT:-5433}
PGDATA=${PGDATA:-/tmp/updraft-pg-$PGPORT}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ]; then
  echo "installing PostgreSQL from Debian's packages..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

if ! as_postgres "$bin/pg_isready -q -h 127.0.0.1 -p $PGPORT"; then
  rm -rf "$PGDATA"
  mkdir -p "$PGDATA"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
  as_postgres "$bin/initdb -D $PGDATA -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null" >&2
  as_postgres "$bin/pg_ctl -D $PGDATA -l $PGDATA/server.log -w -o '-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200' start" >&2
fi
as_postgres "$bin/psql -q -h 127.0.0.1 -p $PGPORT -U postgres -tc \"SELECT 1 FROM pg_database WHERE datname = 'updraft_test'\" | grep -q 1 || $bin/createdb -h 127.0.0.1 -p $PGPORT -U postgres updraft_test" >&2
echo "jdbc:postgresql://127.0.0.1:$PGPORT/updraft_test?user=postgres"
