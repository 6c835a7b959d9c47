#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# rootfs_reproducible.sh: same tree, same image, whatever the file times.
#
#   rootfs_reproducible.sh INGOT_CC SOURCE.c WORKDIR
#
# Builds SOURCE.c with --rootfs of a small tree twice, touching every file
# in between and creating the second tree in another order, and requires
# identical images.
set -u
cc=$1 src=$2 work=$3
rm -rf "$work"
mkdir -p "$work/a/etc" "$work/a/www/docs"
trap 'rm -rf "$work"' EXIT
echo motd >"$work/a/etc/motd"
echo page >"$work/a/www/index.html"
echo doc >"$work/a/www/docs/x.txt"
"$cc" -O2 --rootfs "$work/a" -o "$work/img1" "$src" || exit 1
mv "$work/a" "$work/b"
mkdir -p "$work/a/www/docs" "$work/a/etc"
echo doc >"$work/a/www/docs/x.txt"
echo page >"$work/a/www/index.html"
echo motd >"$work/a/etc/motd"
chmod --reference="$work/b/etc/motd" "$work/a/etc/motd"
touch -d @1234567 "$work/a" "$work/a"/* "$work/a"/*/*
"$cc" -O2 --rootfs "$work/a" -o "$work/img2" "$src" || exit 1
if ! cmp "$work/img1" "$work/img2"; then
    echo "FAIL: the same tree gave different images"
    exit 1
fi
echo SUCCESS
