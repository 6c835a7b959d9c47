#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# dry_run_rootfs.sh: `ingot run --dry-run --rootfs DIR` keeps the archive it
# packed, so the printed command can be run later, and says where it is.
#
#   dry_run_rootfs.sh INGOT IMAGE DIR
set -u
ingot=$1 image=$2 dir=$3
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
"$ingot" run --dry-run --accel tcg --rootfs "$dir" "$image" >"$out" 2>"$err" ||
    { echo "FAIL: status $?"; cat "$err"; exit 1; }
archive=$(grep -o -- '-initrd [^ ]*' "$out" | cut -d' ' -f2)
[ -n "$archive" ] || { echo "FAIL: no -initrd in: $(cat "$out")"; exit 1; }
grep -qx "ingot: kept the archive of $dir as $archive for this command; remove it when done" "$err" ||
    { echo "FAIL: notice: $(cat "$err")"; rm -f "$archive"; exit 1; }
[ -s "$archive" ] || { echo "FAIL: $archive is gone"; exit 1; }
rm -f "$archive"
echo SUCCESS
