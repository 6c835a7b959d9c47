#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# serve.sh: redis-server built by apps/redis/recipe.sh, booted on a tap in
# a private network namespace and driven by the native redis-cli: commands,
# SAVE to a volume, SHUTDOWN, a second boot loading the dataset, SIGTERM
# saving as on Linux and a third boot seeing that save.
#
#   serve.sh BINDIR PLATFORM APPDIR NATIVEDIR
#
# APPDIR holds the platform's build (redis-server), NATIVEDIR the native
# one (redis-cli).
set -u
bin=$1 plat=$2 app=$3 native=$4
export PATH="$bin:$PATH"
server=$app/redis-server
cli=$native/redis-cli
for f in "$server" "$cli"; do
    [ -x "$f" ] || { echo "FAIL: $f not built"; exit 1; }
done
[ "$plat" != kvm ] || command -v "${INGOT_QEMU:-qemu-system-x86_64}" >/dev/null ||
    { echo "SKIP: no QEMU"; exit 77; }
. "$(dirname "$0")/../../../tests/net/netns.sh"

data=$TMP/data
mkdir -p "$data"
rcli() { in_ns "$cli" -h "$GUEST_IP" -p 6379 "$@"; }
expect() { # expect WANT COMMAND...: the reply must be WANT
    local want=$1 got
    shift
    got=$(rcli "$@" 2>&1) || fail "redis-cli $*: $got"
    [ "$got" = "$want" ] || fail "redis-cli $*: got '$got', want '$want'"
    echo "redis-cli $* -> $(echo "$got" | head -1)"
}
boot() {
    : >"$TMP/guest.out"
    start_guest "$(command -v ingot)" -m 64M -v "$data:/data" "$server" \
        -- --dir /data --protected-mode no --port 6379
    wait_for "Ready to accept connections" 120
}

boot
expect PONG PING
expect OK SET greeting "hello from $plat"
expect "hello from $plat" GET greeting
expect 11 INCRBY counter 11
expect 3 RPUSH list a b c
expect "$(printf 'a\nb\nc')" LRANGE list 0 -1
expect 2 HSET h f1 v1 f2 v2
expect v2 HGET h f2
expect 1 EXPIRE list 1000
rcli TTL list | grep -qE '^(1000|999)$' || fail "TTL list"
expect 4 DBSIZE
rcli INFO server | grep -q "^os:Linux 6.1.0-ingot x86_64" ||
    fail "INFO server: $(rcli INFO server | grep '^os:')"
echo "INFO server: $(rcli INFO server | grep '^os:' | tr -d '\r')"

# SAVE writes dump.rdb on the volume; SHUTDOWN ends the image with 0.
expect OK SAVE
[ -s "$data/dump.rdb" ] || fail "SAVE wrote no $data/dump.rdb"
echo "SAVE: dump.rdb $(stat -c %s "$data/dump.rdb") bytes on the volume"
rcli SHUTDOWN >/dev/null 2>&1
wait_guest 60
[ "$GUEST_STATUS" = 0 ] || fail "SHUTDOWN: status $GUEST_STATUS"
grep -q "Redis is now ready to exit, bye bye" "$TMP/guest.out" ||
    fail "no 'ready to exit' after SHUTDOWN"

# A second boot loads the dataset.
boot
grep -q "DB loaded from disk" "$TMP/guest.out" || fail "second boot did not load dump.rdb"
expect "hello from $plat" GET greeting
expect 11 GET counter
expect 4 DBSIZE
echo "second boot: dataset loaded from the volume"

# SIGTERM to `ingot run`: redis saves (save points are configured by
# default) and exits 0, as under Linux.
expect OK SET after-sigterm yes
kill -TERM "$GUEST_PID"
wait_guest 60
[ "$GUEST_STATUS" = 0 ] || fail "SIGTERM: status $GUEST_STATUS"
for l in "Received SIGTERM scheduling shutdown" "DB saved on disk"; do
    grep -q "$l" "$TMP/guest.out" || fail "SIGTERM: no '$l'"
done
boot
expect yes GET after-sigterm
echo "SIGTERM: saved on the way out, loaded by the next boot"
rcli SHUTDOWN NOSAVE >/dev/null 2>&1
wait_guest 60
echo SUCCESS
