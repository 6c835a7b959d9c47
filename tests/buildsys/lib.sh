# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# lib.sh: what the tests/buildsys scripts share (sourced, not run).
#
#   need CMD...        skip (77) unless every CMD is installed
#   need_platform P    skip (77) for kvm without QEMU
#   workdir NAME       sets $tmp to a fresh directory under /tmp, removed
#                      at exit (images write beneath their working
#                      directory, so it must be a real host directory)
#   fail WHY...        print FAIL and exit 1

need() {
    for c in "$@"; do
        command -v "$c" >/dev/null 2>&1 || { echo "SKIP: $c is not installed"; exit 77; }
    done
}

need_platform() {
    [ "$1" != kvm ] || need "${INGOT_QEMU:-qemu-system-x86_64}"
}

workdir() {
    tmp=$(mktemp -d "/tmp/ingot-$1.XXXXXX") || exit 1
    trap 'rm -rf "$tmp"' EXIT
}

fail() {
    echo "FAIL: $*"
    exit 1
}
