#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# rootfs_bad.sh: `ingot run --rootfs FILE.cpio` with a good archive and with
# broken ones; a broken initrd must stop the guest with status 255 and one
# line naming the byte offset and the reason, never a crash.
#
#   rootfs_bad.sh CHECK INGOT IMAGE
set -u
check=$1 ingot=$2 image=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# One cpio "newc" entry: NAME MODE (octal) DATA.
entry() {
    local name=$1 mode=$2 data=$3 n
    printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X' \
        1 $((8#$mode)) 0 0 1 0 ${#data} 0 0 0 0 $((${#name} + 1)) 0
    printf '%s\0' "$name"
    n=$(((110 + ${#name} + 1) % 4))
    [ $n = 0 ] || head -c $((4 - n)) /dev/zero
    printf '%s' "$data"
    n=$((${#data} % 4))
    [ $n = 0 ] || head -c $((4 - n)) /dev/zero
}
{
    entry etc 40755 ''
    entry etc/motd 100644 'hello from the rootfs
'
    entry TRAILER!!! 0 ''
} >"$dir/good.cpio"
size=$(stat -c %s "$dir/good.cpio")
head -c $((size - 20)) "$dir/good.cpio" >"$dir/truncated.cpio"
head -c 231 "$dir/good.cpio" >"$dir/cut-in-name.cpio"
head -c 250 "$dir/good.cpio" >"$dir/cut-in-data.cpio"
echo "this is not a cpio archive, just text padded to 110 bytes ........" \
    "..............................................." >"$dir/text.cpio"

fail=0
run() {
    echo "=== $*"
    "$check" "$ingot" "$@" || fail=1
}
run 0 "$image" --rootfs "$dir/good.cpio" --expect "^/etc/motd: hello from the rootfs$"
run 255 "$image" --rootfs "$dir/truncated.cpio" --reject "rootfs: done" \
    --expect "^ingot: initrd: corrupt cpio archive at byte [0-9]+: truncated header \(no trailer\)$"
run 255 "$image" --rootfs "$dir/cut-in-name.cpio" --reject "rootfs: done" \
    --expect "^ingot: initrd: corrupt cpio archive at byte 116: name runs past the end$"
run 255 "$image" --rootfs "$dir/cut-in-data.cpio" --reject "rootfs: done" \
    --expect "^ingot: initrd: corrupt cpio archive at byte 116: file data runs past the end$"
run 255 "$image" --rootfs "$dir/text.cpio" --reject "rootfs: done" \
    --expect "^ingot: initrd: corrupt cpio archive at byte 0: bad magic \(not cpio newc\)$"
exit $fail
