#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# net_tap.sh: `ingot run --net tap:NAME` on a tap device this script creates
# (skipped, status 77, without the right to): the guest resolves the host's
# address by ARP, and a datagram the host sends arrives with a checksum
# that verifies (QEMU's tap offers checksum offload, so this is the path
# where the platform completes partial checksums).
#
#   net_tap.sh CHECK INGOT IMAGE [run options...]
set -u
check=$1 ingot=$2 image=$3
shift 3
tap=igv$$
net=192.168.$((100 + $$ % 100))
if ! ip tuntap add dev "$tap" mode tap 2>/dev/null; then
    echo "SKIP: cannot create a tap device"
    exit 77
fi
trap 'ip link del "$tap" 2>/dev/null' EXIT
ip addr add "$net.1/24" dev "$tap" && ip link set "$tap" up || exit 1
hostmac=$(cat "/sys/class/net/$tap/address")
token=tap-$RANDOM-$RANDOM
# Send the datagram every 0.2 s until the guest is done: those sent before
# it announced its address (its ARP request) are dropped by the host.
(
    for _ in $(seq 300); do
        echo -n "$token" >"/dev/udp/$net.2/7777" 2>/dev/null
        sleep 0.2
    done
) &
sender=$!
"$check" "$ingot" 0 "$image" --net "tap:$tap" "$@" \
    --expect "^mac: .*, csum offload yes$" \
    --expect "^arp: $net.1 is at $hostmac$" \
    --expect "^udp: \"$token\" from $net.1, checksum ok$" \
    --expect "^net: PASS$" \
    -- self="$net.2" peer="$net.1" dhcp=0 burst=0 udp=7777
status=$?
kill "$sender" 2>/dev/null
wait
exit "$status"
