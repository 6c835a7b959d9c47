#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# usernet.sh INGOT IMAGE [burst]: apps/httpd on kvm with QEMU user
# networking: the guest configures itself by DHCP and `ingot run -p
# 127.0.0.1:PORT:80` forwards a loopback port to it.  With "burst", 100
# clients connect at once (three times) and each must be answered (QEMU's
# slirp alone drops some of such a burst: toolchain/cli/run_publish.c).
# No root needed.
set -u
INGOT=$1 IMAGE=$2 CASE=${3:-one}
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
if [ "$CASE" = burst ]; then
    # Three rounds of one curl starting 100 transfers at once, a
    # connection each.
    for round in 1 2 3; do
        for i in $(seq 100); do
            echo "url = \"http://127.0.0.1:$port/\""
            echo "output = \"$tmp/got$i\""
        done >"$tmp/urls"
        rm -f "$tmp"/got*
        curl -sS --parallel --parallel-immediate --parallel-max 100 \
            --max-time 30 -H 'Connection: close' -K "$tmp/urls" \
            -w '%{http_code} %{num_connects}\n' >"$tmp/codes" 2>"$tmp/err"
        ok=$(grep -c '^200 1$' "$tmp/codes")
        [ "$ok" = 100 ] || fail "round $round: $ok of 100 concurrent clients answered: $(sort "$tmp/codes" "$tmp/err" | uniq -c | tr '\n' ' ')"
        for i in $(seq 100); do
            [ "$(cat "$tmp/got$i")" = "through the forward" ] ||
                fail "round $round: client $i got '$(cat "$tmp/got$i")'"
        done
    done
    echo "PASS: 3 x 100 concurrent clients through the forward"
    exit 0
fi
got=$(curl -sS --max-time 30 "http://127.0.0.1:$port/") || fail "curl"
[ "$got" = "through the forward" ] || fail "got '$got'"
echo "PASS: user networking"
