#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# net_portfwd.sh: `ingot run -p HOST:8080` forwards a host connection to the
# guest: the virtio-net test guest reports the TCP SYN that slirp sends it.
#
#   net_portfwd.sh INGOT IMAGE [run options...]
set -u
ingot=$1 image=$2
shift 2
out=$(mktemp)
trap 'rm -f "$out"; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null' EXIT
# A random unprivileged port; parallel runs are unlikely to collide.
port=$((20000 + RANDOM % 40000))
timeout 120 "$ingot" run --accel tcg "$@" -p "127.0.0.1:$port:8080" "$image" \
    -- burst=50 syn=8080 >"$out" 2>&1 &
pid=$!
# Connect (from a subshell that gives up after a second) until the guest
# has seen the SYN and finished.
while kill -0 "$pid" 2>/dev/null; do
    if grep -q "^waiting for a connection" "$out"; then
        timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null
    fi
    sleep 0.2
done
wait "$pid"
status=$?
pid=
cat "$out"
if [ "$status" != 0 ] || ! grep -q "^tcp: SYN to port 8080 from 10.0.2.2$" "$out"; then
    echo "FAIL: status $status, no forwarded connection"
    exit 1
fi
echo PASS
