#!/usr/bin/env bash
# Starts a throwaway Redis and PostgreSQL on 127.0.0.1 for the tests that need real servers, and
# prints the `export` lines that point the tests at them (TEST_REDIS_URL, TEST_DATABASE_URL,
# TEST_SERVICES_DIR). Usage:  env="$(bash tools/test-services/up.sh)" && eval "$env"  …  bash tools/test-services/down.sh
# Installs Debian's redis-server and postgresql first when they are missing (root only). Every
# file lives in one temporary folder; nothing listens beyond 127.0.0.1 (unix sockets stay there too).
set -euo pipefail

log() { echo "test-services: $*" >&2; }

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  return 1
}

install_packages() {
  if command -v redis-server >/dev/null && pg_bin >/dev/null; then return 0; fi
  if [ "$(id -u)" != 0 ]; then
    log "redis-server or postgresql is missing; install them: apt-get install redis-server postgresql"
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  local attempt
  for attempt in 1 2; do
    if apt-get update -qq >&2 &&
      apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confold \
        redis-server postgresql >&2; then
      return 0
    fi
    log "apt-get failed (attempt $attempt)"
    sleep 5
  done
  return 1
}

free_port() {
  node -e 'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

install_packages
root="$(mktemp -d /tmp/test-services.XXXXXX)"
chmod 755 "$root"

# Redis: no persistence, loopback only, its own folder.
redis_port="$(free_port)"
redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
  --dir "$root" --pidfile "$root/redis.pid" --logfile "$root/redis.log" >&2
for _ in $(seq 50); do
  redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 && break
  sleep 0.1
done
redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null || { log "redis-server did not start"; cat "$root/redis.log" >&2; exit 1; }

# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
bin="$(pg_bin)"
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir -p "$root/pg" "$root/pgsock"
[ "$(id -u)" = 0 ] && chown postgres "$root/pg" "$root/pgsock"
pg_port="$(free_port)"
as_owner "$bin/initdb" -D "$root/pg" -U postgres -A trust --no-sync -E UTF8 >/dev/null
as_owner "$bin/pg_ctl" -D "$root/pg" -l "$root/pg/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $root/pgsock -c fsync=off" start >/dev/null
psql="psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p $pg_port -U postgres -d postgres"
$psql -c "CREATE ROLE bot_test LOGIN PASSWORD 'bot_test'" >&2
$psql -c "CREATE DATABASE bot_test OWNER bot_test" >&2

log "redis on 127.0.0.1:$redis_port, postgresql on 127.0.0.1:$pg_port (folder $root)"
echo "export TEST_SERVICES_DIR='$root'"
echo "export TEST_REDIS_URL='redis://127.0.0.1:$redis_port/0'"
echo "export TEST_DATABASE_URL='postgres://bot_test:bot_test@127.0.0.1:$pg_port/bot_test'"
