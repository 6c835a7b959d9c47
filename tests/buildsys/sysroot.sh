#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# sysroot.sh: a library built with `./configure CC=ingot-cc
# --prefix=$(ingot-cc -print-sysroot)/usr && make install` is found by a
# second project through ingot-pkg-config, and by -l alone; the host's
# pkg-config files are not.
#
#   sysroot.sh BINDIR PLATFORM SRCDIR   (SRCDIR holds greet/, hello_greet/)
set -u
bin=$1 plat=$2 src=$3
. "$(dirname "$0")/lib.sh"
need autoreconf automake pkg-config
need_platform "$plat"
workdir sysroot
export INGOT_SYSROOT="$tmp/sysroot" PATH="$bin:$PATH"
mkdir -p "$INGOT_SYSROOT"
[ "$(ingot-cc -print-sysroot)" = "$INGOT_SYSROOT" ] || fail "-print-sysroot"
cp -R "$src/greet" "$src/hello_greet" "$tmp/"

cd "$tmp/greet" || exit 1
autoreconf -i >"$tmp/log" 2>&1 || fail "autoreconf: $(cat "$tmp/log")"
./configure CC="ingot-cc --platform=$plat" \
    --prefix="$(ingot-cc -print-sysroot)/usr" >"$tmp/log" 2>&1 &&
    make install >>"$tmp/log" 2>&1 || fail "library: $(cat "$tmp/log")"
for f in usr/lib/libgreet.a usr/include/greet.h usr/lib/pkgconfig/greet.pc; do
    [ -f "$INGOT_SYSROOT/$f" ] || fail "not installed: $f"
done
ingot-pkg-config --modversion greet
[ "$(ingot-pkg-config --modversion greet)" = 2.1 ] || fail "ingot-pkg-config"
# The host's pkg-config files stay invisible.
host=$(pkg-config --list-all 2>/dev/null | sed -n '1s/ .*//p')
if [ -n "$host" ]; then
    ! ingot-pkg-config --exists "$host" ||
        fail "ingot-pkg-config finds the host's $host"
    echo "host's $host: not found by ingot-pkg-config"
fi

cd "$tmp/hello_greet" || exit 1
make CC="ingot-cc --platform=$plat" >"$tmp/log" 2>&1 ||
    fail "second project: $(cat "$tmp/log")"
./hello_greet >"$tmp/out" || fail "./hello_greet: $(cat "$tmp/out")"
cat "$tmp/out"
grep -qx "flags from pkg-config; hello from libgreet 2.1" "$tmp/out" ||
    fail "wrong output"
# Without pkg-config: the sysroot's headers and libraries are searched.
ingot-cc --platform="$plat" -o plain hello_greet.c -lgreet ||
    fail "plain -lgreet"
./plain >"$tmp/out" && grep -qx "hello from libgreet 2.1" "$tmp/out" ||
    fail "./plain: $(cat "$tmp/out")"
echo SUCCESS
