#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# qemu_mac.sh: QEMU with the MAC address $INGOT_TEST_MAC given to the
# virtio-net device `ingot run` asks for (used as INGOT_QEMU), so a test
# can check that the guest reads the address from the device.
set -u
args=()
for a in "$@"; do
    case $a in
    virtio-net-*,netdev=n0) a="$a,mac=$INGOT_TEST_MAC" ;;
    esac
    args+=("$a")
done
exec qemu-system-x86_64 "${args[@]}"
