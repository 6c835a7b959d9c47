#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# usernet.sh INGOT IMAGE: apps/httpd on kvm with QEMU user networking: the
# guest configures itself by DHCP and `ingot run -p 127.0.0.1:PORT:80`
# forwards a loopback port to it.  No root needed.
set -u
INGOT=$1 IMAGE=$2
tmp=$(mktemp -d) pid=
cleanup() {
    [ -n "$pid" ] && kill -- -"$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*"
    cat "$tmp/out" 2>/dev/null
    exit 1
}
mkdir "$tmp/root"
echo "through the forward" >"$tmp/root/index.html"
for attempt in 1 2 3; do
    port=$((20000 + RANDOM % 30000))
    setsid "$INGOT" run --accel tcg -p "127.0.0.1:$port:80" \
        --rootfs "$tmp/root" "$IMAGE" -- -p 80 >"$tmp/out" 2>&1 &
    pid=$!
    for i in $(seq 300); do
        grep -q 'httpd: serving' "$tmp/out" && break 2
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    wait "$pid" 2>/dev/null
    pid= # the port was taken, or the guest failed: try another port
done
[ -n "$pid" ] || fail "the guest did not start"
grep -q '^ingot: net: en[0-9] 10\.0\.2\.[0-9]* .*(dhcp)$' "$tmp/out" ||
    fail "no DHCP lease reported"
got=$(curl -sS --max-time 30 "http://127.0.0.1:$port/") || fail "curl"
[ "$got" = "through the forward" ] || fail "got '$got'"
echo "PASS: user networking"
