#!/usr/bin/env bash
# Run a command with DATABASE_URL pointing at a throwaway PostgreSQL cluster, for the server tests' PostgreSQL
# variants:  scripts/with-postgres.sh npx vitest run tests/unit/server
#
# - DATABASE_URL already set: the command runs as is, against that database.
# - Else initdb/pg_ctl are looked up in PATH, then in /usr/lib/postgresql/*/bin (Debian's `postgresql` package);
#   a cluster is made in a temp dir, started on 127.0.0.1 with a free port (unix socket in the temp dir), and
#   stopped and deleted when the command ends, whatever happens. PostgreSQL refuses to run as root: as root, the
#   cluster belongs to the `postgres` system user (made if missing).
# - No PostgreSQL at all: the command runs without DATABASE_URL, and one line says the variants are skipped.
# Exits with the command's status.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: scripts/with-postgres.sh COMMAND [ARGS...]" >&2
  exit 2
fi

if [ -n "${DATABASE_URL:-}" ]; then
  exec "$@"
fi

say() { echo "with-postgres: $*" >&2; }

# The newest /usr/lib/postgresql/N/bin first.
lib_dirs() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4,4 -n -r || true; }

find_initdb() {
  if command -v initdb >/dev/null 2>&1; then command -v initdb; return 0; fi
  local dir
  for dir in $(lib_dirs); do
    if [ -x "$dir/initdb" ]; then echo "$dir/initdb"; return 0; fi
  done
  return 1
}

INITDB="$(find_initdb || true)"
PG_CTL=""
if [ -n "$INITDB" ]; then
  # pg_ctl of the same installation as initdb (PATH may hold symlinks into /usr/lib/postgresql/N/bin).
  BIN_DIR="$(dirname "$(readlink -f "$INITDB")")"
  if [ -x "$BIN_DIR/pg_ctl" ]; then PG_CTL="$BIN_DIR/pg_ctl"; fi
fi
if [ -z "$INITDB" ] || [ -z "$PG_CTL" ]; then
  say "no PostgreSQL found (initdb and pg_ctl, in PATH or /usr/lib/postgresql/*/bin): the PostgreSQL variants will be skipped"
  exec "$@"
fi

# PostgreSQL will not run as root: as root, run its binaries as the `postgres` system user.
AS_ROOT=0
if [ "$(id -u)" = 0 ]; then
  AS_ROOT=1
  if ! id -u postgres >/dev/null 2>&1; then
    say "creating the postgres system user"
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  fi
fi
as_postgres() {
  if [ "$AS_ROOT" = 0 ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  else
    su -s /bin/sh postgres -c "$(printf '%q ' "$@")"
  fi
}

TMP_DIR="$(mktemp -d "${TMPDIR:-/tmp}/apaise-pg.XXXXXX")"
DATA_DIR="$TMP_DIR/data"
STARTED=0
cleanup() {
  if [ "$STARTED" = 1 ]; then
    as_postgres "$PG_CTL" -D "$DATA_DIR" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$TMP_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
if [ "$AS_ROOT" = 1 ]; then chown postgres "$TMP_DIR"; fi

if ! as_postgres "$INITDB" -D "$DATA_DIR" -U postgres -A trust -E UTF8 --no-locale --no-sync \
  >"$TMP_DIR/initdb.log" 2>&1; then
  say "initdb failed:"
  cat "$TMP_DIR/initdb.log" >&2
  exit 1
fi

free_port() {
  node -e 'const s = require("node:net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# A port found free can be taken before the server binds it: try a few.
for attempt in 1 2 3; do
  PORT="$(free_port)"
  if as_postgres "$PG_CTL" -D "$DATA_DIR" -l "$TMP_DIR/postgres.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $TMP_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null 2>&1; then
    STARTED=1
    break
  fi
  say "PostgreSQL did not start on port $PORT (attempt $attempt)"
done
if [ "$STARTED" = 0 ]; then
  say "could not start PostgreSQL; its log:"
  cat "$TMP_DIR/postgres.log" >&2 || true
  exit 1
fi

export DATABASE_URL="postgresql://postgres@127.0.0.1:$PORT/postgres"
say "$("$(dirname "$PG_CTL")/postgres" --version 2>/dev/null || echo PostgreSQL) on 127.0.0.1:$PORT (throwaway cluster in $TMP_DIR)"

set +e
"$@"
STATUS=$?
set -e
exit "$STATUS"
