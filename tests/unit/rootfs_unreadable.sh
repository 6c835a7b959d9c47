#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# rootfs_unreadable.sh: `ingot-cc --rootfs DIR` with an unreadable file.
#
#   rootfs_unreadable.sh INGOT_CC WORKDIR
#
# Passes when ingot-cc exits 1 with one line naming the file; skips (77)
# where permissions do not stop reading (root).
set -u
cc=$1 work=$2
rm -rf "$work"
mkdir -p "$work/tree/etc"
trap 'chmod -R u+rwx "$work"; rm -rf "$work"' EXIT
echo secret >"$work/tree/etc/shadow"
chmod 000 "$work/tree/etc/shadow"
if cat "$work/tree/etc/shadow" >/dev/null 2>&1; then
    echo "SKIP: permissions do not stop this user from reading"
    exit 77
fi
echo 'int main(void) { return 0; }' >"$work/main.c"
"$cc" --rootfs "$work/tree" -o "$work/img" "$work/main.c" 2>"$work/err"
got=$?
want="ingot-cc: --rootfs $work/tree: etc/shadow: Permission denied"
if [ $got != 1 ] || [ "$(cat "$work/err")" != "$want" ]; then
    echo "FAIL: status $got, want 1; stderr:"
    cat "$work/err"
    echo "want: $want"
    exit 1
fi
echo SUCCESS
