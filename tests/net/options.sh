#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# options.sh BUILD_DIR: network configuration that is malformed is refused
# in one line, by `ingot run` (125) and by the guest (255); and an image
# without sockets links no lwIP at all.
set -u
build=$1
fail() { echo "FAIL: $*"; exit 1; }

out=$("$build/bin/ingot" run --net tap:t0 --ip 10.0.0.300/24 \
    "$build/apps/httpd/pico/httpd" 2>&1)
[ $? = 125 ] || fail "ingot run --ip 10.0.0.300/24 did not exit 125: $out"
echo "$out" | grep -q '^ingot: --ip 10.0.0.300/24: must be an IPv4 address' ||
    fail "message: $out"
out=$("$build/bin/ingot" run --ip 10.0.0.2/24 "$build/apps/httpd/pico/httpd" 2>&1)
[ $? = 125 ] || fail "--ip without a network was accepted: $out"
echo "$out" | grep -q 'needs a network' || fail "message: $out"
out=$("$build/bin/ingot" run --net tap:t0 --gw 1.2.3 "$build/apps/httpd/pico/httpd" 2>&1)
[ $? = 125 ] || fail "--gw 1.2.3 was accepted: $out"

# The guest's own check, reached through the tender's command line.
for opt in net.ip=10.0.0.2 net.ip=10.0.0.2/33 net.gw=x net.bogus=1; do
    out=$("$build/bin/ingot-pico" -- "$build/apps/httpd/pico/httpd" \
        "$opt -- -p 80" 2>&1)
    [ $? = 255 ] || fail "guest accepted $opt: $out"
    echo "$out" | grep -q "^ingot: bad libos option '$opt'$" ||
        fail "message for $opt: $out"
done

# Specialization: hello has no network code, httpd has lwIP.
n=$(nm "$build/apps/hello/hello" | grep -c -E ' (tcp_|netif_|lwip_|ig_net_)')
[ "$n" = 0 ] || fail "hello links $n network symbols"
nm "$build/apps/httpd/pico/httpd" | grep -q ' T tcp_write$' ||
    fail "httpd has no lwIP"
echo "PASS: network options"
