#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# virtio_9p.sh: two temporary host directories as volumes; the guest reads
# a file with fresh random content from each over raw 9P.
#
#   virtio_9p.sh CHECK INGOT IMAGE [run options...]
set -u
check=$1 ingot=$2 image=$3
shift 3
a=$(mktemp -d) b=$(mktemp -d)
trap 'rm -rf "$a" "$b"' EXIT
ta=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
tb=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
mkdir "$a/sub" "$b/sub"
echo "first $ta" >"$a/sub/file.txt"
echo "second $tb" >"$b/sub/file.txt"
# Larger than two messages, so reads fill whole msize-sized buffers.
head -c 300001 /dev/urandom >"$a/sub/big"
sum=$(od -An -v -tu1 "$a/sub/big" | awk '{ for (i = 1; i <= NF; i++) s += $i }
    END { printf "%d", s }')
"$check" "$ingot" 0 "$image" -v "$a:/a" -v "$b:/b:ro" "$@" \
    --expect "^9p devices: 2$" \
    --expect "^9p v0: sub/file.txt: first $ta$" \
    --expect "^9p v1: sub/file.txt: second $tb$" \
    --expect "^Twalk no-such-file: Rlerror 2$" \
    --expect "^9p v0: sub/big: 300001 bytes, sum $sum$" \
    --expect "^9p v1: sub/big: absent$" \
    --expect "^9p: PASS$"
