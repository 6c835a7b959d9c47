#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# autotools.sh: an autotools project generated here with autoreconf,
# built with plain `./configure CC=ingot-cc && make && make check` (no
# --host: configure runs what it compiles), then its program run directly.
#
#   autotools.sh INGOT-CC PLATFORM SRCDIR
set -u
cc=$1 plat=$2 src=$3
. "$(dirname "$0")/lib.sh"
need autoreconf automake
need_platform "$plat"
workdir autotools
cp -R "$src" "$tmp/src"
cd "$tmp/src" || exit 1
autoreconf -i >"$tmp/autoreconf.log" 2>&1 ||
    fail "autoreconf: $(cat "$tmp/autoreconf.log")"
CC="$cc" && [ "$plat" = kvm ] || CC="$cc --platform=$plat"
./configure CC="$CC" >"$tmp/configure.log" 2>&1 ||
    fail "configure: $(cat "$tmp/configure.log") $(tail -40 config.log)"
cat "$tmp/configure.log"
grep -q "^checking whether we are cross compiling... no$" "$tmp/configure.log" ||
    fail "configure thought it was cross compiling"
make >"$tmp/make.log" 2>&1 || fail "make: $(cat "$tmp/make.log")"
make check >"$tmp/check.log" 2>&1 || fail "make check: $(cat "$tmp/check.log")"
grep -q "^PASS: test_calc" "$tmp/check.log" || fail "no PASS: $(cat "$tmp/check.log")"
grep "^# PASS:" "$tmp/check.log"
./calc >"$tmp/out" 2>&1 || fail "./calc: $(cat "$tmp/out")"
cat "$tmp/out"
grep -qx "sizeof(long) 8, sizeof(void \*) 8" "$tmp/out" &&
    grep -qx "powers\[10\] 1024, hypot(3, 4) 5" "$tmp/out" ||
    fail "./calc printed the wrong thing"
echo SUCCESS
