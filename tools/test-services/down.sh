#!/usr/bin/env bash
# Stops the servers tools/test-services/up.sh started (named by TEST_SERVICES_DIR) and removes
# their folder. Safe to run twice.
set -uo pipefail
root="${TEST_SERVICES_DIR:-}"
[ -n "$root" ] && [ -d "$root" ] || exit 0
case "$root" in /tmp/test-services.*) ;; *) echo "test-services: refusing to remove $root" >&2; exit 1 ;; esac
if [ -f "$root/redis.pid" ]; then kill "$(cat "$root/redis.pid")" 2>/dev/null; fi
for bin in /usr/lib/postgresql/*/bin; do
  if [ -x "$bin/pg_ctl" ] && [ -f "$root/pg/postmaster.pid" ]; then
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$root/pg" -m fast -w stop >/dev/null 2>&1
    else "$bin/pg_ctl" -D "$root/pg" -m fast -w stop >/dev/null 2>&1; fi
    break
  fi
done
rm -rf "$root"
