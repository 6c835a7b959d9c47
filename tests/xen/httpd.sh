#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# httpd.sh (in dom0): boots apps/httpd as a domU on bridge xenbr0 and fetches
# a page from it through netback/netfront; passes when the body is the file.
# (busybox nc, not wget: the static busybox's wget crashes in its resolver.)
ingot run --net bridge:xenbr0 --ip 10.0.9.2/24 --rootfs /batch/files/rootfs \
    /batch/img/httpd -- -r /www -p 80 >guest.log 2>&1 &
pid=$!
ok=0
for i in $(seq 1 20); do
    printf 'GET /index.html HTTP/1.0\r\n\r\n' |
        nc -w 2 10.0.9.2 80 >response 2>/dev/null
    if grep -q '^HTTP/1.1 200' response; then
        ok=1
        break
    fi
    kill -0 $pid 2>/dev/null || break
    sleep 1
done
for d in $(xl list | awk '/^ingot-/ { print $1 }'); do
    xl destroy "$d"
done
wait $pid
echo "--- guest"
cat guest.log
echo "--- response"
tr -d '\r' <response | tee response.txt
echo "---"
[ $ok = 1 ] || { echo "FAIL: no answer from 10.0.9.2:80"; exit 1; }
sed '1,/^$/d' response.txt >body
cmp body /batch/files/rootfs/www/index.html ||
    { echo "FAIL: body differs from www/index.html"; exit 1; }
echo "httpd: served index.html through netfront: PASS"
