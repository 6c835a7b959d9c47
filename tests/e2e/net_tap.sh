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
# A /30 of its own, from the PID, so concurrent runs do not share routes.
base=$((($$ / 256 % 64) * 4))
net=10.77.$(($$ % 256))
host=$net.$((base + 1)) guest=$net.$((base + 2))
if ! ip tuntap add dev "$tap" mode tap 2>/dev/null; then
    echo "SKIP: cannot create a tap device"
    exit 77
fi
trap 'ip link del "$tap" 2>/dev/null' EXIT
ip addr add "$host/30" dev "$tap" && ip link set "$tap" up || exit 1
hostmac=$(cat "/sys/class/net/$tap/address")
token=tap-$RANDOM-$RANDOM
# Send the datagram every 0.2 s until the guest is done: those sent before
# it announced its address (its ARP request) are dropped by the host.
(
    for _ in $(seq 300); do
        echo -n "$token" >"/dev/udp/$guest/7777" 2>/dev/null
        sleep 0.2
    done
) &
sender=$!
"$check" "$ingot" 0 "$image" --net "tap:$tap" "$@" \
    --expect "^mac: .*, csum offload yes$" \
    --expect "^arp: $host is at $hostmac$" \
    --expect "^udp: \"$token\" from $host, checksum ok$" \
    --expect "^net: PASS$" \
    -- self="$guest" peer="$host" dhcp=0 burst=0 udp=7777
status=$?
kill "$sender" 2>/dev/null
wait
exit "$status"
