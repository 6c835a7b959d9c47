#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# specialize.sh: hello links no network stack and no volume code; a
# program using sockets selects net (once libingot-net.a exists) and is
# bigger; one using files selects vol.
#
#   specialize.sh INGOT-CC INGOT HELLO.c SOCK.c [HTTPD-IMAGE]
#
# The socket half and the comparison with apps/httpd's image (when given
# and built) are skipped, saying so, until libingot-net.a exists.
set -u
cc=$1 ingot=$2 hello=$3 sock=$4 httpd=${5:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
lwip='^[0-9a-f]+ [A-Za-z] (lwip_|tcp_|udp_|netif_|pbuf_|etharp_|dhcp_|ip4_)'

"$cc" -v -O2 -o "$tmp/hello" "$hello" 2>"$tmp/hello.err" || {
    cat "$tmp/hello.err"; echo "FAIL: hello does not build"; exit 1; }
grep -E '^ingot-cc: component net: left out: ' "$tmp/hello.err" || {
    echo "FAIL: -v does not say net was left out"; fail=1; }
grep -E '^ingot-cc: component core: selected: always$' "$tmp/hello.err" || {
    echo "FAIL: -v does not say core was selected"; fail=1; }
if nm "$tmp/hello" | grep -E "$lwip"; then
    echo "FAIL: hello carries lwIP symbols (above)"; fail=1
fi
grep -E '^ingot-cc: component vol: left out: nothing references it$' \
    "$tmp/hello.err" || { echo "FAIL: -v does not say vol was left out"; fail=1; }
if nm "$tmp/hello" | grep -E ' (ig_p9|ig_rfs_|ig_hostfs_|ig_vfs_option)'; then
    echo "FAIL: hello carries volume code (above)"; fail=1
fi
# Left-out components leave no registration behind (<ingot/component.h>).
if nm "$tmp/hello" | grep -E ' ig_component_(net|vol)$'; then
    echo "FAIL: hello registers a component it does not link (above)"; fail=1
fi
# Without volume code a -v is ignored, said so, and hello still runs.
"$ingot" run --accel tcg -v "$tmp:/data" "$tmp/hello" >"$tmp/run.out" 2>&1 || {
    cat "$tmp/run.out"; echo "FAIL: hello with -v did not exit 0"; fail=1; }
grep -q "^ingot: ignoring volume option 'vol.v0=/data': this image has no volume support" \
    "$tmp/run.out" || { cat "$tmp/run.out"; echo "FAIL: no word on the ignored volume"; fail=1; }
printf '#include <stdio.h>\nint main(void) { FILE *f = fopen("/x", "w"); return f == NULL; }\n' >"$tmp/file.c"
"$cc" -v -O2 -o "$tmp/file" "$tmp/file.c" 2>"$tmp/file.err" || {
    cat "$tmp/file.err"; echo "FAIL: file.c does not build"; exit 1; }
grep -E '^ingot-cc: component vol: selected: [^ ]*file[.]c references fopen$' \
    "$tmp/file.err" || { cat "$tmp/file.err"; echo "FAIL: vol not selected for fopen()"; fail=1; }
nm "$tmp/file" | grep -q ' ig_vfs_option$' || {
    echo "FAIL: the file program has no volume code"; fail=1; }
nm "$tmp/file" | grep -q ' ig_component_vol$' || {
    echo "FAIL: the file program does not register volumes"; fail=1; }
"$ingot" inspect --json "$tmp/hello" >"$tmp/hello.json" || fail=1
grep -q '"name": "net"' "$tmp/hello.json" || {
    echo "FAIL: the manifest does not list net"; fail=1; }

libdir=$(dirname "$(command -v "$cc" || echo "$cc")")/../lib/ingot
if [ -n "${INGOT_LIBDIR:-}" ]; then libdir=$INGOT_LIBDIR; fi
if [ ! -f "$libdir/libingot-net.a" ]; then
    echo "SKIP (part): $libdir/libingot-net.a is not built yet; only hello checked"
else
    "$cc" -v -O2 -o "$tmp/sock" "$sock" 2>"$tmp/sock.err" || {
        cat "$tmp/sock.err"; echo "FAIL: sock does not build"; exit 1; }
    grep -E '^ingot-cc: component net: selected: [^ ]*sock[.]c references socket' \
        "$tmp/sock.err" || { echo "FAIL: net not selected for socket()"; fail=1; }
    nm "$tmp/sock" | grep -Eq "$lwip" || {
        echo "FAIL: the socket program has no lwIP symbols"; fail=1; }
    # What the objects do not show, ld's complaint does: one more try.
    "$cc" -v -O2 -o "$tmp/req" "$hello" -Wl,--require-defined=socket \
        2>"$tmp/req.err" || { cat "$tmp/req.err"; fail=1; }
    grep -E '^ingot-cc: component net: selected: the link needs socket$' \
        "$tmp/req.err" || { echo "FAIL: no second try with net"; fail=1; }
    h=$(stat -c %s "$tmp/hello") s=$(stat -c %s "$tmp/sock")
    echo "hello: $h bytes, socket program: $s bytes"
    [ "$h" -lt "$s" ] || { echo "FAIL: hello is not smaller"; fail=1; }
    if [ -n "$httpd" ] && [ -f "$httpd" ]; then
        w=$(stat -c %s "$httpd")
        echo "httpd: $w bytes"
        [ "$h" -lt "$w" ] || { echo "FAIL: hello is not smaller than httpd"; fail=1; }
        nm "$httpd" | grep -Eq "$lwip" || {
            echo "FAIL: httpd has no lwIP symbols"; fail=1; }
    else
        echo "SKIP (part): no httpd image at ${httpd:-(none given)}"
    fi
fi
[ $fail = 0 ] && echo SUCCESS
exit $fail
