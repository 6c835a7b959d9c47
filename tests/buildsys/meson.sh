#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# meson.sh: a Meson project through <libdir>/meson/ingot-PLATFORM.ini:
# checks that run images, a generator run during the build, meson test.
#
#   meson.sh BINDIR PLATFORM SRCDIR
set -u
bin=$1 plat=$2 src=$3
. "$(dirname "$0")/lib.sh"
need meson ninja
need_platform "$plat"
workdir meson
export PATH="$bin:$PATH"
libdir=$(cd "$bin/../lib/ingot" && pwd)
meson setup --cross-file "$libdir/meson/ingot-$plat.ini" "$tmp/build" "$src" \
    >"$tmp/log" 2>&1 || fail "meson setup: $(cat "$tmp/log")"
cat "$tmp/log"
meson compile -C "$tmp/build" >"$tmp/log" 2>&1 || fail "compile: $(cat "$tmp/log")"
meson test -C "$tmp/build" >"$tmp/log" 2>&1 || fail "meson test: $(cat "$tmp/log")"
grep -E "^Ok: +1 *$" "$tmp/log" || fail "no test passed: $(cat "$tmp/log")"
echo SUCCESS
