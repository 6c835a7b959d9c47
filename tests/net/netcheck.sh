#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# netcheck.sh INGOT IMAGE NATIVE_HTTPD CASE: tests/net/netcheck.c in a
# guest on a tap device in a private network namespace.
#   udp      UDP echo: datagrams from the host come back uppercased; the
#            guest exits right after sending the last answer
#   client   a TCP client in the guest fetches a file from a server on the
#            host side (the native build of apps/httpd)
#   tcpecho  a TCP echo server; 64 KiB through it byte-identical
#   exitopen the guest exits with two connections open: both end for the
#            host, as a Linux process's do
#   dhcpdns  no static address: a lease from dnsmasq on the host side, and
#            names resolved through its DNS server (getaddrinfo)
set -u
INGOT=$1 IMAGE=$2 NATIVE=$3 CASE=$4
. "$(dirname "$0")/netns.sh"

case $CASE in
udp)
    start_guest "$INGOT" "$IMAGE" -- udp 7001 3
    wait_for "listening on udp 7001"
    for word in one two three; do
        got=$(in_ns bash -c "exec 3<>/dev/udp/$GUEST_IP/7001 &&
            printf '$word' >&3 && timeout 5 head -c ${#word} <&3")
        want=$(echo "$word" | tr a-z A-Z)
        [ "$got" = "$want" ] || fail "sent $word, got '$got'"
    done
    wait_guest 30
    [ "$GUEST_STATUS" = 0 ] || fail "guest exited with $GUEST_STATUS"
    ;;
client)
    mkdir -p "$TMP/www"
    echo "hello from the host" >"$TMP/www/greeting.txt"
    setsid ip netns exec "$NS" "$NATIVE" -p 8080 -r "$TMP/www" \
        >"$TMP/native.out" 2>&1 &
    EXTRA_PIDS=$!
    for i in $(seq 100); do # until the host server listens
        in_ns curl -s -o /dev/null "http://$HOST_IP:8080/greeting.txt" && break
        sleep 0.1
    done
    start_guest "$INGOT" "$IMAGE" -- client "$HOST_IP" 8080 \
        $'GET /greeting.txt HTTP/1.0\r\n\r\n'
    wait_guest 60
    [ "$GUEST_STATUS" = 0 ] || fail "guest exited with $GUEST_STATUS"
    grep -q '^netcheck: reply: HTTP/1.1 200 OK' "$TMP/guest.out" ||
        fail "no 200 from the host server"
    grep -q '^hello from the host' "$TMP/guest.out" || fail "body missing"
    ;;
tcpecho)
    head -c 65536 /dev/urandom >"$TMP/data"
    start_guest "$INGOT" "$IMAGE" -- tcp 7000 1
    wait_for "listening on tcp 7000"
    in_ns bash -c "exec 3<>/dev/tcp/$GUEST_IP/7000 &&
        { cat '$TMP/data' >&3; } && timeout 20 head -c 65536 <&3" \
        >"$TMP/back" || fail "echo connection"
    cmp -s "$TMP/data" "$TMP/back" || fail "echoed bytes differ"
    ;;
exitopen)
    # The guest exits with both connections open, one holding data it
    # never read: both must end for the host (cat returns; `timeout`'s
    # 124 would mean the connection stayed open), as with a Linux process.
    start_guest "$INGOT" "$IMAGE" -- exitopen 7002 2
    wait_for "listening on tcp 7002"
    in_ns bash -c "exec 3<>/dev/tcp/$GUEST_IP/7002 && echo unread >&3 &&
        sleep 0.3 && exec 4<>/dev/tcp/$GUEST_IP/7002 && echo quit >&4 &&
        timeout 20 cat <&4; s=\$?; [ \$s = 0 ] || { echo \"status \$s\"; exit 1; }
        timeout 20 cat <&3 >/dev/null 2>&1; [ \$? != 124 ] || echo 'first open'" \
        >"$TMP/back" 2>&1 || fail "the answered connection: $(cat "$TMP/back")"
    [ "$(cat "$TMP/back")" = bye ] || fail "got '$(cat "$TMP/back")', want bye"
    wait_guest 30
    [ "$GUEST_STATUS" = 0 ] || fail "guest exited with $GUEST_STATUS"
    ;;
dhcpdns)
    command -v dnsmasq >/dev/null || { echo "SKIP: no dnsmasq"; exit 77; }
    setsid ip netns exec "$NS" dnsmasq --keep-in-foreground --no-ping \
        --conf-file=/dev/null \
        --interface="$TAP" --bind-interfaces --no-resolv --no-hosts \
        --dhcp-range=10.200.0.50,10.200.0.59,255.255.255.0,1h \
        --dhcp-option=option:dns-server,"$HOST_IP" \
        --dhcp-leasefile="$TMP/leases" --pid-file="$TMP/dnsmasq.pid" \
        --log-facility=- \
        --address=/ingot.test/10.200.0.77 >"$TMP/dnsmasq.out" 2>&1 &
    EXTRA_PIDS=$!
    # --no-ping: dnsmasq would first ping a new address for 3 s, longer
    # than lwIP's first DISCOVER retransmission (2 s) plus our test's
    # patience.  Start the guest once dnsmasq serves.
    for i in $(seq 100); do
        grep -q 'DHCP, sockets bound' "$TMP/dnsmasq.out" && break
        sleep 0.1
    done
    DHCP=1 start_guest "$INGOT" "$IMAGE" -- resolve ingot.test \
        www.ingot.test 10.1.2.3 nothing.invalid
    wait_guest 60
    [ "$GUEST_STATUS" = 0 ] || fail "guest exited with $GUEST_STATUS"
    grep -q '^ingot: net: en[0-9] 10\.200\.0\.5[0-9] netmask 255\.255\.255\.0 .*(dhcp)$' \
        "$TMP/guest.out" || fail "no DHCP lease in 10.200.0.50-59"
    grep -q '^netcheck: ingot.test is 10.200.0.77$' "$TMP/guest.out" ||
        fail "ingot.test not resolved"
    grep -q '^netcheck: www.ingot.test is 10.200.0.77$' "$TMP/guest.out" ||
        fail "www.ingot.test not resolved"
    grep -q '^netcheck: 10.1.2.3 is 10.1.2.3$' "$TMP/guest.out" ||
        fail "numeric host"
    grep -q '^netcheck: nothing.invalid: ' "$TMP/guest.out" ||
        fail "an unknown name did not fail"
    ;;
*)
    fail "unknown case $CASE"
    ;;
esac
echo "PASS: netcheck $CASE"
