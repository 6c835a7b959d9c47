#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# serve.sh: nginx built by apps/nginx/recipe.sh with `daemon off;
# master_process off;` from a root file system, on a tap in a private
# network namespace: `nginx -t`, static files from a read-only volume
# (small, 10 MB, ranges, keep-alive, 404, basic authentication), access
# and error logs on a writable volume, graceful stops on SIGQUIT and
# SIGTERM, all with 8 MiB of guest memory.
#
#   serve.sh BINDIR PLATFORM APPDIR NATIVEDIR
set -u
bin=$1 plat=$2 app=$3
export PATH="$bin:$PATH"
nginx=$app/nginx
[ -x "$nginx" ] || { echo "FAIL: $nginx not built"; exit 1; }
command -v curl >/dev/null || { echo "SKIP: curl is not installed"; exit 77; }
[ "$plat" != kvm ] || command -v "${INGOT_QEMU:-qemu-system-x86_64}" >/dev/null ||
    { echo "SKIP: no QEMU"; exit 77; }
. "$(dirname "$0")/../../../tests/net/netns.sh"

# The rootfs: nginx's own mime.types and a configuration; the site and the
# logs are volumes.
root=$TMP/rootfs site=$TMP/site logs=$TMP/logs
mkdir -p "$root/etc/nginx" "$site" "$logs"
cp "$app/src/tree/conf/mime.types" "$root/etc/nginx/"
# nginx started as root looks up its `user` (nobody/nogroup by default),
# as a container image provides them.
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' \
    >"$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
cat >"$root/etc/nginx/nginx.conf" <<'CONF'
daemon off;
master_process off;
worker_processes 1;
error_log /var/log/nginx/error.log info;
pid /tmp/nginx.pid;
events { worker_connections 64; }
http {
    include mime.types;
    default_type application/octet-stream;
    access_log /var/log/nginx/access.log;
    sendfile on;
    keepalive_timeout 30;
    server {
        listen 80;
        root /srv;
        location /private/ {
            auth_basic "Ingot";
            auth_basic_user_file /etc/nginx/htpasswd;
        }
    }
}
CONF
echo "<h1>nginx on Ingot</h1>" >"$site/index.html"
# Basic authentication checks passwords with the library OS's crypt():
# "secret" as SHA-512-crypt (`openssl passwd -6 -salt ingotsalt secret`).
echo 'user:$6$ingotsalt$oP9wmn2tlnyxG0Zdb4U.7MVuPzAols1WgIxfaoF693k8QVS1hfOGoWHUOWj7wT6yHH4jNvy/20lmzKTSQtlYu1' \
    >"$root/etc/nginx/htpasswd"
mkdir -p "$site/private"
echo "private" >"$site/private/index.html"
head -c 10485760 /dev/urandom >"$site/big.bin"
# A shell starts background jobs with SIGINT and SIGQUIT ignored, and
# `ingot run` keeps an ignored signal ignored (like nohup): the guest is
# started with their default actions restored, as from a terminal.
printf '#!/bin/sh\nexec env --default-signal=INT,QUIT "%s" "$@"\n' \
    "$(command -v ingot)" >"$TMP/ingot"
chmod +x "$TMP/ingot"
# 8 MiB of guest memory: issue 18's ceiling for a serving app (the
# smallest that serves is in apps/nginx/README).
run() { # run ARGS...: start nginx in the background with the volumes
    : >"$TMP/guest.out"
    start_guest "$TMP/ingot" -m 8M --rootfs "$root" \
        -v "$site:/srv:ro" -v "$logs:/var/log/nginx" "$nginx" -- "$@"
}

# nginx -t: the configuration is checked, status 0.
run -t
wait_guest 120
[ "$GUEST_STATUS" = 0 ] || fail "nginx -t: status $GUEST_STATUS"
grep -q "configuration file /etc/nginx/nginx.conf test is successful" \
    "$TMP/guest.out" || fail "nginx -t did not report success"
grep "nginx.conf" "$TMP/guest.out"

URL=http://$GUEST_IP
get() { in_ns curl -sS --max-time 60 "$@"; }
serve() {
    run
    local i
    for ((i = 0; i < 1200; i++)); do
        [ "$(get -o /dev/null -w '%{http_code}' "$URL/" 2>/dev/null)" = 200 ] && return 0
        kill -0 "$GUEST_PID" 2>/dev/null || fail "nginx exited early"
        sleep 0.1
    done
    fail "nginx did not answer within 120 s"
}
serve
[ "$(get "$URL/index.html")" = "<h1>nginx on Ingot</h1>" ] || fail "index.html"
get -o "$TMP/big" "$URL/big.bin" && cmp "$TMP/big" "$site/big.bin" ||
    fail "big.bin (10 MB) differs"
echo "GET /big.bin: 10485760 bytes, identical"
code=$(get -o "$TMP/range" -w '%{http_code}' -r 1000-1999 "$URL/big.bin")
[ "$code" = 206 ] && cmp "$TMP/range" <(tail -c +1001 "$site/big.bin" | head -c 1000) ||
    fail "range 1000-1999: status $code or wrong bytes"
echo "GET /big.bin bytes 1000-1999: 206, identical"
[ "$(get -o /dev/null -w '%{http_code}' "$URL/missing")" = 404 ] || fail "no 404"
echo "GET /missing: 404"
[ "$(get -o /dev/null -w '%{http_code}' "$URL/private/")" = 401 ] ||
    fail "auth_basic: no 401 without a password"
[ "$(get -o /dev/null -w '%{http_code}' -u user:wrong "$URL/private/")" = 401 ] ||
    fail "auth_basic: a wrong password was accepted"
[ "$(get -u user:secret "$URL/private/")" = private ] ||
    fail "auth_basic: the right password was refused"
echo "GET /private/: 401 without or with a wrong password, 200 with the right one"
# keep-alive: two requests, one connection.
get -v "$URL/index.html" "$URL/index.html" -o /dev/null -o /dev/null \
    2>"$TMP/keepalive"
grep -q "Re-using existing connection" "$TMP/keepalive" ||
    fail "keep-alive: $(cat "$TMP/keepalive")"
echo "keep-alive: the second request re-used the connection"
grep -q '"GET /big.bin HTTP/1.1" 206' "$logs/access.log" ||
    fail "access.log: $(cat "$logs/access.log")"
grep -q 'open() "/srv/missing" failed (2: No such file or directory)' \
    "$logs/error.log" || fail "error.log: $(cat "$logs/error.log")"
echo "logs on the volume: access.log $(wc -l <"$logs/access.log") lines, error.log has the 404"

# Graceful stops: SIGQUIT, then (a second run) SIGTERM; both exit 0.
for sig in QUIT TERM; do
    [ "$sig" = QUIT ] || serve
    kill -$sig "$GUEST_PID"
    wait_guest_or_log() {
        local i
        for ((i = 0; i < 600; i++)); do
            kill -0 "$GUEST_PID" 2>/dev/null || { wait_guest 1; return; }
            sleep 0.1
        done
        fail "SIG$sig: nginx still running; error.log: $(tail -5 "$logs/error.log")"
    }
    wait_guest_or_log
    [ "$GUEST_STATUS" = 0 ] || fail "SIG$sig: status $GUEST_STATUS"
    n=$(case $sig in QUIT) echo 3 ;; TERM) echo 15 ;; esac)
    grep -q "signal $n (SIG$sig) received" "$logs/error.log" ||
        fail "SIG$sig: not in error.log: $(tail -5 "$logs/error.log")"
    echo "SIG$sig: nginx exited with 0"
done
echo SUCCESS
