#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# netns.sh: sourced by the network tests: a private network namespace with
# a tap device (host side 10.200.0.1/24, guest 10.200.0.2), cleaned up on
# every exit.  Skips (77) without root or /dev/net/tun.

if [ "$(id -u)" != 0 ] || [ ! -c /dev/net/tun ] || ! command -v ip >/dev/null
then
    echo "SKIP: needs root, /dev/net/tun and iproute2"
    exit 77
fi

NS=ingot-t$$
TAP=tap0
HOST_IP=10.200.0.1
GUEST_IP=10.200.0.2
GUEST_PID=
TMP=$(mktemp -d)

cleanup() {
    # The guest runs in its own process group: `ingot run` and the
    # tender or QEMU below it end together.
    if [ -n "$GUEST_PID" ]; then
        kill -- -"$GUEST_PID" 2>/dev/null
        wait "$GUEST_PID" 2>/dev/null
    fi
    for p in ${EXTRA_PIDS:-}; do # started with setsid, as the guest
        kill -- -"$p" 2>/dev/null
        wait "$p" 2>/dev/null
    done
    ip netns del "$NS" 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT

# A container may forbid namespaces or tap devices even to root: that is
# the machine's limit, not a failure of Ingot.
if ! ip netns add "$NS" 2>"$TMP/ns.err"; then
    echo "SKIP: cannot create a network namespace: $(cat "$TMP/ns.err")"
    exit 77
fi
in_ns() { ip netns exec "$NS" "$@"; }
in_ns ip link set lo up
if ! in_ns ip tuntap add dev "$TAP" mode tap 2>"$TMP/ns.err"; then
    echo "SKIP: cannot create a tap device: $(cat "$TMP/ns.err")"
    exit 77
fi
in_ns ip addr add "$HOST_IP/24" dev "$TAP"
in_ns ip link set "$TAP" up

fail() {
    echo "FAIL: $*"
    if [ -f "$TMP/guest.out" ]; then
        echo "--- guest output:"
        cat "$TMP/guest.out"
    fi
    exit 1
}

# start_guest INGOT IMAGE [ingot run options...] -- [app args]: boots the
# image on the tap in the background, output to $TMP/guest.out, with the
# static address GUEST_IP (or by DHCP when DHCP=1).
start_guest() {
    local ingot=$1 addr=(--ip "$GUEST_IP/24" --gw "$HOST_IP")
    shift
    [ "${DHCP:-0}" = 1 ] && addr=()
    # A background job of a non-interactive shell (ctest's too) starts
    # with SIGINT and SIGQUIT ignored; the guest gets them back, so a test
    # can stop it with them as a user would.
    setsid env --default-signal=INT,QUIT ip netns exec "$NS" \
        "$ingot" run --accel tcg --net "tap:$TAP" \
        "${addr[@]}" "$@" >"$TMP/guest.out" 2>&1 &
    GUEST_PID=$!
}

# wait_for PATTERN [SECONDS]: until the guest prints a line matching it.
wait_for() {
    local i
    for ((i = 0; i < ${2:-30} * 10; i++)); do
        grep -q -- "$1" "$TMP/guest.out" 2>/dev/null && return 0
        kill -0 "$GUEST_PID" 2>/dev/null || fail "guest exited early"
        sleep 0.1
    done
    fail "no '$1' from the guest within ${2:-30} s"
}

# wait_guest [SECONDS]: waits for the guest to end; sets GUEST_STATUS.
wait_guest() {
    local i
    for ((i = 0; i < ${1:-30} * 10; i++)); do
        if ! kill -0 "$GUEST_PID" 2>/dev/null; then
            wait "$GUEST_PID"
            GUEST_STATUS=$?
            GUEST_PID=
            return 0
        fi
        sleep 0.1
    done
    fail "the guest did not end within ${1:-30} s"
}
