#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# qemu_wrap.sh: QEMU as `ingot run` calls it (used as INGOT_QEMU), plus
# what a test asks for: the MAC address $INGOT_TEST_MAC on the virtio-net
# device, and the extra arguments $INGOT_TEST_QEMU_ARGS (split on spaces).
set -u
args=()
for a in "$@"; do
    case $a in
    virtio-net-*,netdev=n0)
        [ -n "${INGOT_TEST_MAC:-}" ] && a="$a,mac=$INGOT_TEST_MAC" ;;
    esac
    args+=("$a")
done
# shellcheck disable=SC2206 # splitting is the point
extra=(${INGOT_TEST_QEMU_ARGS:-})
exec qemu-system-x86_64 "${args[@]}" "${extra[@]}"
