#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `start` prints `export SOTTTT_TEST_PG_URL=…`
# (eval it), `stop DIR` removes it. Runs the server as the postgres user when called as root.
# fsync is off: this server holds nothing worth keeping.
set -euo pipefail
action="${1:-start}"
bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -n "$bindir" ] && [ -x "$bindir/initdb" ] || { echo "no PostgreSQL server binaries" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

if [ "$action" = stop ]; then
  dir="$2"
  as_owner "'$bindir/pg_ctl' -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi

dir="$(mktemp -d /tmp/sotttt-pg-XXXXXX)"
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as_owner "'$bindir/initdb' -D '$dir/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1"
as_owner "'$bindir/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start >/dev/null"
echo "export SOTTTT_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
echo "export SOTTTT_TEST_PG_DIR=$dir"
