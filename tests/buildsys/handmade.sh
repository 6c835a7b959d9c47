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
. "$(dirname "$0")/lib.sh"
need_platform "$plat"
workdir handmade
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
