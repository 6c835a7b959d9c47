#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# cmake.sh: a CMake project through <libdir>/cmake/ingot.cmake: try_run,
# check_function_exists, find_library/find_path in the sysroot, ctest.
#
#   cmake.sh BINDIR PLATFORM SRCDIR   (SRCDIR holds cmake/ and greet/)
set -u
bin=$1 plat=$2 src=$3
. "$(dirname "$0")/lib.sh"
need cmake autoreconf automake
need_platform "$plat"
workdir cmake
export INGOT_SYSROOT="$tmp/sysroot" PATH="$bin:$PATH"
libdir=$(cd "$bin/../lib/ingot" && pwd)
# The library the project finds: built and installed into the sysroot.
cp -R "$src/greet" "$tmp/greet"
(cd "$tmp/greet" && autoreconf -i && ./configure CC="ingot-cc --platform=$plat" \
    --prefix="$INGOT_SYSROOT/usr" && make install) >"$tmp/log" 2>&1 ||
    fail "libgreet: $(cat "$tmp/log")"
cmake -S "$src/cmake" -B "$tmp/build" \
    -DCMAKE_TOOLCHAIN_FILE="$libdir/cmake/ingot.cmake" \
    -DINGOT_PLATFORM="$plat" >"$tmp/log" 2>&1 || fail "cmake: $(cat "$tmp/log")"
cat "$tmp/log"
grep -q "^-- greet: $INGOT_SYSROOT/usr/lib/libgreet.a $INGOT_SYSROOT/usr/include$" \
    "$tmp/log" || fail "libgreet not found in the sysroot"
cmake --build "$tmp/build" >"$tmp/log" 2>&1 || fail "build: $(cat "$tmp/log")"
(cd "$tmp/build" && ctest --output-on-failure) >"$tmp/log" 2>&1 ||
    fail "ctest: $(cat "$tmp/log")"
cat "$tmp/log"
"$tmp/build/app" 3 | grep -qx "hello from libgreet 2.1, 3 squared is 9" ||
    fail "the image did not run directly"
echo SUCCESS
