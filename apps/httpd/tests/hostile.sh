#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# hostile.sh HTTPD PROBE: the native httpd on loopback against probe.c's
# hostile clients (smuggled bodies, huge heads, bare LF, NUL, idle floods).
set -u
HTTPD=$1 PROBE=$2
TMP=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$TMP"' EXIT
echo '<h1>Ingot</h1>' >"$TMP/index.html"
for try in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 20000))
    "$HTTPD" -p "$port" -r "$TMP" -c 20 -t 2 >"$TMP/out" 2>&1 &
    pid=$!
    for _ in $(seq 50); do
        grep -q 'serving' "$TMP/out" && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    grep -q 'serving' "$TMP/out" && break
    wait "$pid" 2>/dev/null
done
grep -q 'serving' "$TMP/out" || { echo "FAIL: httpd did not start: $(cat "$TMP/out")"; exit 1; }
"$PROBE" 127.0.0.1 "$port" 20 2
