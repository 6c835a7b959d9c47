#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# httpd.sh: requests/s and latency of apps/httpd serving a small file with
# keep-alive (wrk), natively on Linux, on pico and on kvm (TCG), side by
# side.  Guests sit on a tap device in a private network namespace; the
# native server listens on that namespace's loopback.  Needs root.
#
#   tests/bench/httpd.sh [BUILD_DIR] [SECONDS] [CONNECTIONS]
set -euo pipefail
build=$(cd "${1:-build}" && pwd) secs=${2:-5} conns=${3:-10}
[ "$(id -u)" = 0 ] || { echo "httpd.sh: needs root (network namespace)"; exit 1; }
ns=ingot-bench$$
work=$(mktemp -d)
pid=
cleanup() {
    [ -n "$pid" ] && kill -- -"$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    ip netns del "$ns" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
ip netns add "$ns"
in_ns() { ip netns exec "$ns" "$@"; }
in_ns ip link set lo up
in_ns ip tuntap add dev tap0 mode tap
in_ns ip addr add 10.200.0.1/24 dev tap0
in_ns ip link set tap0 up
mkdir -p "$work/root"
head -c 612 /dev/zero | tr '\0' x >"$work/root/index.html" # nginx's size

declare -A rps lat p99
measure() { # name url
    local out
    for i in $(seq 50); do
        in_ns curl -s -o /dev/null --max-time 1 "$2" && break
        sleep 0.2
    done
    out=$(in_ns wrk -t 1 -c "$conns" -d "${secs}s" --latency "$2")
    rps[$1]=$(echo "$out" | awk '/^Requests\/sec/ {print $2}')
    lat[$1]=$(echo "$out" | awk '/^    Latency/ {print $2}')
    p99[$1]=$(echo "$out" | awk '$1 == "99%" {print $2}')
    kill -- -"$pid" && wait "$pid" 2>/dev/null || true
    pid=
}

setsid ip netns exec "$ns" "$build/apps/httpd/native/httpd" -p 8080 -r "$work/root" >/dev/null &
pid=$!
measure native http://127.0.0.1:8080/index.html
for p in pico kvm; do
    setsid ip netns exec "$ns" "$build/bin/ingot" run --accel tcg --net tap:tap0 \
        --ip 10.200.0.2/24 --rootfs "$work/root" \
        "$build/apps/httpd/$p/httpd" -- -p 80 >/dev/null 2>&1 &
    pid=$!
    measure "$p" http://10.200.0.2/index.html
done

printf '%-8s %12s %10s %10s %10s\n' "" "requests/s" "vs native" "latency" "p99"
for n in native pico kvm; do
    ratio=$(awk -v a="${rps[$n]}" -v b="${rps[native]}" \
        'BEGIN {printf "%.2f", a / b}')
    printf '%-8s %12s %10s %10s %10s\n' "$n" "${rps[$n]}" "$ratio" \
        "${lat[$n]}" "${p99[$n]}"
done
echo "(wrk -t 1 -c $conns -d ${secs}s, $(nproc) cores shared, kvm under TCG)"
