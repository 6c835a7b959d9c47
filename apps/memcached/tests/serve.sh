#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# serve.sh: memcached built by apps/memcached/recipe.sh, booted on a tap in
# a private network namespace, and the native build of the same source in
# that namespace, each driven by tests/mcclient.py (text, meta and binary
# protocols, large values, pipelining, 200 concurrent connections): the
# client's output must be the same for both.  SIGTERM then ends the image
# with status 0, as it ends memcached on Linux.
#
#   serve.sh BINDIR PLATFORM APPDIR NATIVEDIR
#
# APPDIR holds the platform's build (memcached), NATIVEDIR the native one.
set -u
bin=$1 plat=$2 app=$3 native=$4
export PATH="$bin:$PATH"
server=$app/memcached
client=$(dirname "$0")/mcclient.py
for f in "$server" "$native/memcached"; do
    [ -x "$f" ] || { echo "FAIL: $f not built"; exit 1; }
done
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
[ "$plat" != kvm ] || command -v "${INGOT_QEMU:-qemu-system-x86_64}" >/dev/null ||
    { echo "SKIP: no QEMU"; exit 77; }
. "$(dirname "$0")/../../../tests/net/netns.sh"

# wait_port HOST PID: until HOST:11211 accepts a connection (PID alive).
wait_port() {
    local i
    for ((i = 0; i < 600; i++)); do
        in_ns python3 -c "import socket; socket.create_connection(('$1', 11211), timeout=1)" \
            2>/dev/null && return 0
        kill -0 "$2" 2>/dev/null || fail "memcached at $1 exited early"
        sleep 0.1
    done
    fail "memcached at $1 did not listen within 60 s"
}

# The reference: the native build, on the namespace's loopback.  memcached
# refuses to run as root without -u, in the image too (it is root there).
setsid ip netns exec "$NS" "$native/memcached" -u root -l 127.0.0.1 -p 11211 \
    -U 0 >"$TMP/native.log" 2>&1 &
EXTRA_PIDS=$!
wait_port 127.0.0.1 "$EXTRA_PIDS"
in_ns timeout 300 python3 "$client" 127.0.0.1 11211 >"$TMP/native.out" 2>&1 ||
    { cat "$TMP/native.out"; fail "the client failed against native memcached"; }

start_guest "$(command -v ingot)" -m 64M "$server" -- -u root -p 11211 -U 0
wait_port "$GUEST_IP" "$GUEST_PID"
start=$(date +%s%N)
in_ns timeout 300 python3 "$client" "$GUEST_IP" 11211 >"$TMP/image.out" 2>&1
rc=$?
if ! cmp -s "$TMP/native.out" "$TMP/image.out" || [ $rc != 0 ]; then
    diff -u "$TMP/native.out" "$TMP/image.out"
    fail "the client's output differs from native memcached's (native -, image +)"
fi
echo "ok: $(grep -c . "$TMP/image.out") checks as native, in" \
    "$((($(date +%s%N) - start) / 1000000)) ms:"
sed 's/^/  /' "$TMP/image.out"

kill -TERM "$GUEST_PID"
wait_guest 60
[ "$GUEST_STATUS" = 0 ] || fail "SIGTERM: status $GUEST_STATUS"
echo "SIGTERM: status 0"
echo SUCCESS
