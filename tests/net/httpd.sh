#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# httpd.sh INGOT IMAGE CASE [NETCHECK [PROBE]]: apps/httpd in a guest on a
# tap device, driven from the host side of a private network namespace with
# curl, wrk, NETCHECK (tests/net/netcheck.c built for Linux) and PROBE
# (apps/httpd/tests/probe.c).
#   files     small and 10 MB files byte-identical, HEAD, 404, 405, index
#   conns     1,000 sequential connections
#   wrk       wrk -c 100 -d 10s: no socket errors, still answering after
#   bad       a malformed request gets 400, and the server keeps serving
#   hostile   PROBE: smuggled bodies, huge heads, bare LF, NUL, idle floods
#   idle      (pico) once the network has been quiet for a while, the guest
#             sleeps: its tender blocks without waking for 4 s (lwIP's
#             periodic timers used to wake it several times a second),
#             and answers at once when a request comes
set -u
INGOT=$1 IMAGE=$2 CASE=$3 NETCHECK=${4:-} PROBE=${5:-}
. "$(dirname "$0")/netns.sh"

ROOT=$TMP/root
mkdir -p "$ROOT/sub" "$ROOT/docs"
echo '<h1>Ingot</h1>' >"$ROOT/index.html"
echo 'small file' >"$ROOT/sub/small.txt"
echo '{"a":1}' >"$ROOT/docs/x.json"
URL=http://$GUEST_IP

limit=()
[ "$CASE" = conns ] && limit=(-n 1000)
[ "$CASE" = hostile ] && limit=(-c 20 -t 2)
mem=64M
if [ "$CASE" = files ]; then
    head -c 10485760 /dev/urandom >"$ROOT/big.bin"
    mem=256M
fi
start_guest "$INGOT" "$IMAGE" -m "$mem" --rootfs "$ROOT" -- -p 80 \
    "${limit[@]}"
wait_for "httpd: serving / on port 80" 60

get() { in_ns curl -sS --max-time 30 "$@"; }

case $CASE in
files)
    get -o "$TMP/small" "$URL/sub/small.txt" || fail "GET small"
    cmp -s "$TMP/small" "$ROOT/sub/small.txt" || fail "small file differs"
    get -o "$TMP/big" "$URL/big.bin" || fail "GET big"
    cmp -s "$TMP/big" "$ROOT/big.bin" || fail "10 MB file differs"
    get "$URL/" | grep -q '<h1>Ingot</h1>' || fail "index.html for /"
    get "$URL/sub/" | grep -q 'href="small.txt"' || fail "directory listing"
    h=$(get -I "$URL/docs/x.json" | tr -d '\r')
    echo "$h" | grep -q '^HTTP/1.1 200' || fail "HEAD: $h"
    echo "$h" | grep -q '^Content-Type: application/json' || fail "type: $h"
    echo "$h" | grep -q '^Content-Length: 8' || fail "length: $h"
    code=$(get -o /dev/null -w '%{http_code}' "$URL/nothing")
    [ "$code" = 404 ] || fail "missing file gave $code"
    code=$(get -o /dev/null -w '%{http_code}' -X POST "$URL/")
    [ "$code" = 405 ] || fail "POST gave $code"
    # Two requests on one connection: keep-alive.
    n=$(get -v "$URL/sub/small.txt" "$URL/index.html" 2>&1 |
        grep -c 'Re-using existing connection')
    [ "$n" -ge 1 ] || fail "the connection was not kept alive"
    # The same client port twice, each connection closed by the server
    # first (HTTP/1.0), so its side of the first one is in TIME-WAIT when
    # the second SYN comes.
    for i in 1 2; do
        # The host's own side of connection 1 may still be finishing (our
        # FIN not yet acknowledged) when a loaded machine gets here.
        for _ in $(seq 50); do
            [ -z "$(in_ns ss -Htan sport = :40001)" ] && break
            sleep 0.1
        done
        in_ns timeout 20 "$NETCHECK" client "$GUEST_IP" 80 \
            $'GET /sub/small.txt HTTP/1.0\r\n\r\n' 40001 >"$TMP/tw" 2>&1 ||
            fail "connection $i from port 40001 (TIME-WAIT reuse): $(cat "$TMP/tw")"
        grep -q '^small file' "$TMP/tw" || fail "reply $i: $(cat "$TMP/tw")"
    done
    ;;
conns)
    # One curl, 1,000 URLs, "Connection: close": a new connection each.
    for i in $(seq 1000); do echo "url = \"$URL/sub/small.txt\""; done \
        >"$TMP/urls"
    get -H 'Connection: close' -K "$TMP/urls" -o /dev/null \
        -w '%{http_code} %{num_connects} %{errormsg}\n' >"$TMP/codes" ||
        fail "curl failed after $(wc -l <"$TMP/codes") requests"
    ok=$(grep -c '^200 1 $' "$TMP/codes")
    [ "$ok" = 1000 ] || fail "$ok of 1000 requests got 200 on a new connection; others: $(grep -v '^200 1 $' "$TMP/codes" | grep -v '^small file' | sort | uniq -c | tr '\n' ' ')"
    wait_guest 30
    [ "$GUEST_STATUS" = 0 ] || fail "httpd exited with $GUEST_STATUS"
    grep -q 'served 1000 requests' "$TMP/guest.out" || fail "served count"
    ;;
wrk)
    in_ns wrk -t 2 -c 100 -d 10s "$URL/index.html" >"$TMP/wrk" 2>&1 ||
        fail "wrk failed: $(cat "$TMP/wrk")"
    cat "$TMP/wrk"
    grep -q 'Socket errors' "$TMP/wrk" && fail "wrk saw socket errors"
    grep -q 'Non-2xx' "$TMP/wrk" && fail "wrk saw non-2xx answers"
    get "$URL/index.html" | grep -q '<h1>Ingot</h1>' ||
        fail "no answer after wrk; the namespace's TCP sockets by state:" \
            "$(in_ns ss -Htan | awk '{print $1}' | sort | uniq -c | tr '\n' ' ')"
    ;;
bad)
    reply=$(in_ns bash -c "exec 3<>/dev/tcp/$GUEST_IP/80 &&
        printf 'NOT A REQUEST\r\n\r\n' >&3 && timeout 10 cat <&3")
    echo "$reply" | head -1 | grep -q '^HTTP/1.1 400 Bad Request' ||
        fail "malformed request got: $reply"
    reply=$(in_ns bash -c "exec 3<>/dev/tcp/$GUEST_IP/80 &&
        printf 'GET /../etc HTTP/1.1\r\nHost: x\r\n\r\n' >&3 &&
        timeout 10 cat <&3")
    echo "$reply" | head -1 | grep -q '^HTTP/1.1 400' ||
        fail "path escaping the root got: $reply"
    get "$URL/sub/small.txt" | grep -q 'small file' ||
        fail "no answer after the malformed requests"
    ;;
hostile)
    in_ns "$PROBE" "$GUEST_IP" 80 20 2 >"$TMP/probe" 2>&1 ||
        fail "$(grep -v '^ok' "$TMP/probe")"
    cat "$TMP/probe"
    ;;
idle)
    get "$URL/" | grep -q '<h1>Ingot</h1>' || fail "GET /"
    # The tender is the guest's process (ingot run execs it) or its child.
    tender=$GUEST_PID
    [ "$(cat /proc/$tender/comm 2>/dev/null)" = ingot-pico ] ||
        tender=$(pgrep -s "$GUEST_PID" -x ingot-pico | head -1)
    [ -n "$tender" ] || fail "no ingot-pico process for the guest"
    switches() { awk '$1 == "voluntary_ctxt_switches:" { print $2 }' \
        "/proc/$tender/status"; }
    sleep 12 # the stack's timers stop 10 s after the last frame
    a=$(switches)
    sleep 4
    b=$(switches)
    echo "idle guest: $((b - a)) wake-ups in 4 s"
    [ $((b - a)) -le 2 ] || fail "the idle guest woke $((b - a)) times in 4 s"
    get "$URL/" | grep -q '<h1>Ingot</h1>' || fail "no answer after idling"
    ;;
*)
    fail "unknown case $CASE"
    ;;
esac
echo "PASS: httpd $CASE"
