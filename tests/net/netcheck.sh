#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# netcheck.sh INGOT IMAGE NATIVE_HTTPD CASE: tests/net/netcheck.c in a
# guest on a tap device in a private network namespace.
#   udp      UDP echo: datagrams from the host come back uppercased; a
#            last one ends the guest
#   client   a TCP client in the guest fetches a file from a server on the
#            host side (the native build of apps/httpd)
#   tcpecho  a TCP echo server; 64 KiB through it byte-identical
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
    in_ns bash -c "exec 3<>/dev/udp/$GUEST_IP/7001 && printf end >&3"
    wait_guest 30
    [ "$GUEST_STATUS" = 0 ] || fail "guest exited with $GUEST_STATUS"
    ;;
client)
    mkdir -p "$TMP/www"
    echo "hello from the host" >"$TMP/www/greeting.txt"
    in_ns "$NATIVE" -p 8080 -r "$TMP/www" >"$TMP/native.out" 2>&1 &
    EXTRA_PIDS=$!
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
*)
    fail "unknown case $CASE"
    ;;
esac
echo "PASS: netcheck $CASE"
