#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# virtio.sh: the cost of a virtio-net frame round trip (an ARP request to
# QEMU's slirp and its reply) and of a virtio-9p request (a 4 KiB Tread of
# a host file), on microvm (virtio-mmio) and q35 (virtio-pci), measured
# from the host as the extra wall time of N more of them in one boot.
# Prints a Markdown table.
#
#   tests/bench/virtio.sh [BUILD_DIR] [NET_N] [9P_N]
set -euo pipefail
build=${1:-build} nn=${2:-200000} np=${3:-5000}
ingot=$build/bin/ingot
net=$build/tests/e2e/kvm/e2e_virtio_net v9p=$build/tests/e2e/kvm/e2e_virtio_9p
for f in "$ingot" "$net" "$v9p"; do
    [ -e "$f" ] || { echo "virtio.sh: $f: missing; build first" >&2; exit 1; }
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/sub"
head -c 4095 /dev/urandom | base64 | head -c 4095 >"$dir/sub/file.txt"

now() { date +%s%N; }
# Best of 3 wall times, in microseconds, of `ingot run` with ARGS.
best() {
    local b=0 t0 t
    for _ in 1 2 3; do
        t0=$(now)
        "$ingot" run --accel tcg "$@" >/dev/null
        t=$((($(now) - t0) / 1000))
        if [ $b = 0 ] || [ $t -lt $b ]; then b=$t; fi
    done
    echo $b
}

echo "| machine | transport | net round trip | 9P request |"
echo "|---------|-----------|----------------|------------|"
for m in microvm q35; do
    tr=virtio-mmio
    [ $m = q35 ] && tr=virtio-pci
    n0=$(best --machine $m --net user "$net" -- burst=1 dhcp=0)
    n1=$(best --machine $m --net user "$net" -- burst="$nn" dhcp=0)
    p0=$(best --machine $m -v "$dir:/d" "$v9p")
    p1=$(best --machine $m -v "$dir:/d" "$v9p" -- repeat="$np")
    awk -v m=$m -v tr=$tr -v nn="$nn" -v np="$np" -v n0="$n0" -v n1="$n1" \
        -v p0="$p0" -v p1="$p1" 'BEGIN {
        printf "| %s | %s | %.2f us | %.1f us |\n",
        m, tr, (n1 - n0) / nn, (p1 - p0) / np }'
done
echo
echo "TCG on this machine; $nn extra round trips (a burst, up to the"
echo "transmit ring's 128 in flight) and $np extra 9P requests (one at a"
echo "time, each waited for by interrupt) per boot; best of 3 boots."
