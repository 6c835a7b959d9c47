#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# handmade.sh: a hand-written configure script that runs what it compiles
# and a Makefile that builds and runs a code generator, with CC=ingot-cc,
# compared with the same project built by cc.
#
#   handmade.sh INGOT-CC PLATFORM SRCDIR
set -u
cc=$1 plat=$2 src=$3
if [ "$plat" = kvm ]; then
    command -v "${INGOT_QEMU:-qemu-system-x86_64}" >/dev/null 2>&1 || {
        echo "SKIP: no QEMU"; exit 77; }
fi
tmp=$(mktemp -d /tmp/ingot-handmade.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
for k in native image; do
    cp -R "$src" "$tmp/$k"
done
(cd "$tmp/native" && ./configure && make && make check) >"$tmp/native.log" 2>&1 ||
    fail "native build: $(cat "$tmp/native.log")"
(cd "$tmp/image" && ./configure CC="$cc --platform=$plat" && make &&
    make check) >"$tmp/image.log" 2>&1 ||
    fail "ingot-cc build: $(cat "$tmp/image.log")"
cat "$tmp/image.log"
diff -u "$tmp/native/app.out" "$tmp/image/app.out" || fail "app.out differs"
cmp "$tmp/native/squares.h" "$tmp/image/squares.h" || fail "generated code differs"
echo SUCCESS
