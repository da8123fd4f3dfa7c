# Sourced by ./test and bench/run.sh: a throwaway PostgreSQL server on 127.0.0.1 in a temporary directory.
#   pg_start   → exports PARHUB_PG_URL (an Npgsql connection string to the "postgres" database) and PG_TMP
#   pg_stop    → stops it and removes the directory
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

pg_start() {
  local bin port run=""
  bin="$(pg_bin)"
  [ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; return 1; }
  PG_TMP="$(mktemp -d /tmp/parhub-pg.XXXXXX)"
  if [ "$(id -u)" = 0 ]; then chown postgres "$PG_TMP"; run="runuser -u postgres --"; fi
  PG_RUN="$run"
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  $run "$bin/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_TMP/initdb.log" 2>&1 \
    || { cat "$PG_TMP/initdb.log" >&2; return 1; }
  $run "$bin/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w \
    -o "-p $port -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$PG_TMP/server.log" >&2; return 1; }
  export PG_TMP PG_RUN
  export PARHUB_PG_URL="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL on 127.0.0.1:$port ($PG_TMP)" >&2
}

pg_stop() {
  [ -n "${PG_TMP:-}" ] && [ -d "$PG_TMP" ] || return 0
  $PG_RUN "$(pg_bin)/pg_ctl" -D "$PG_TMP/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_TMP"
  PG_TMP=""
}
