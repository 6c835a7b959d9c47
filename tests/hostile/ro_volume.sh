#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# ro_volume.sh INGOT HOSTILE: a pico guest bypassing the library OS tries to
# change timestamps in a read-only volume through read-only descriptors;
# the host directory and file must keep theirs.
set -u
INGOT=$1 HOSTILE=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir "$TMP/vol"
echo data >"$TMP/vol/f"
before=$(stat -c '%Y %X' "$TMP/vol" "$TMP/vol/f")
"$INGOT" run -v "$TMP/vol:/data:ro" "$HOSTILE" -- ro-utimens >"$TMP/out" 2>&1
status=$?
cat "$TMP/out"
after=$(stat -c '%Y %X' "$TMP/vol" "$TMP/vol/f")
[ $status = 0 ] || { echo "FAIL: status $status"; exit 1; }
grep -q '^hostile: utimensat(file) = -30$' "$TMP/out" ||
    { echo "FAIL: utimensat on the file was not refused with EROFS (-30)"; exit 1; }
grep -q '^hostile: utimensat(directory) = -30$' "$TMP/out" ||
    { echo "FAIL: utimensat on the directory was not refused with EROFS (-30)"; exit 1; }
[ "$before" = "$after" ] ||
    { echo "FAIL: timestamps changed: $before -> $after"; exit 1; }
echo "PASS: the read-only volume kept its timestamps"
