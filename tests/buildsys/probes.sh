#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# probes.sh: what configure scripts, libtool, CMake and Meson ask the
# compiler, each answered as docs/porting.md says.
#
#   probes.sh INGOT-CC
set -u
cc=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
check() { # NAME PATTERN CMD...: CMD exits 0 and its stdout+stderr matches
    name=$1 pat=$2 # PATTERN "quiet": prints nothing
    shift 2
    "$@" >"$tmp/out" 2>&1
    st=$?
    if [ $st = 0 ] && { [ "$pat" = quiet ] && [ ! -s "$tmp/out" ] ||
        grep -Eq -- "$pat" "$tmp/out"; }; then
        echo "ok: $name"
    else
        echo "FAIL: $name: status $st: $(cat "$tmp/out")"
        fails=$((fails + 1))
    fi
}
libdir=$(cd "$(dirname "$cc")/../lib/ingot" && pwd -P)
check --version '^ingot-cc version [0-9.]+$' "$cc" --version
check "--version names the compiler" 'Free Software Foundation' "$cc" --version
check "-v" '^gcc version ' "$cc" -v
check "-v target" '^Target: x86_64-ingot-linux$' "$cc" -v
check -dumpmachine '^x86_64-ingot-linux$' "$cc" -dumpmachine
check -dumpversion '^[0-9]+' "$cc" -dumpversion
check -print-sysroot "^$libdir/sysroot\$" env -u INGOT_SYSROOT "$cc" -print-sysroot
check "-print-sysroot INGOT_SYSROOT" '^/x/y$' env INGOT_SYSROOT=/x/y "$cc" -print-sysroot
check -print-search-dirs "^libraries: =[^:]*/sysroot/usr/lib/:$libdir/:" \
    "$cc" -print-search-dirs
check "-print-search-dirs has no Linux libraries" '^install: ' sh -c \
    "! \"$cc\" -print-search-dirs | grep -q x86_64-linux-gnu/*:; \"$cc\" -print-search-dirs"
check -print-file-name=libc.a "^$libdir/newlib/.*/libc[.]a\$" "$cc" -print-file-name=libc.a
check "-print-file-name=libnone.a" '^libnone[.]a$' "$cc" -print-file-name=libnone.a
check -print-prog-name=ld 'ld$' "$cc" -print-prog-name=ld
check -print-multiarch '^$' "$cc" -print-multiarch  # one empty line
printf 'int main(void) { return 0; }\n' >"$tmp/m.c"
check "-E -dM" '^#define __ingot__ 1$' sh -c "\"$cc\" -E -dM - </dev/null"
check "-E -dM __linux__" '^#define __linux__ 1$' sh -c "\"$cc\" -E -dM - </dev/null"
check "-fPIC -pthread" quiet "$cc" -fPIC -fpic -fPIE -pthread -c "$tmp/m.c" -o "$tmp/m.o"
check "-l of libc's parts" quiet "$cc" -pthread -o "$tmp/m" "$tmp/m.c" \
    -lpthread -lm -lrt -ldl -lcrypt -lutil -lc
check "common -Wl, options" quiet "$cc" -o "$tmp/m" "$tmp/m.c" -Wl,--as-needed \
    -Wl,-O1 -Wl,-z,relro -Wl,-z,now -Wl,--hash-style=gnu -Wl,-E \
    -Wl,--gc-sections -Wl,--no-undefined -rdynamic
check "-o /dev/null" quiet "$cc" -o /dev/null "$tmp/m.c"
[ -c /dev/null ] || { echo "FAIL: /dev/null is no longer a device"; fails=$((fails + 1)); }
# -shared: a clear error, so configure scripts fall back to static.
"$cc" -shared -o "$tmp/l.so" "$tmp/m.c" >"$tmp/out" 2>&1
st=$?
if [ $st = 1 ] && grep -qx "ingot-cc: -shared: not supported: images are static executables with no dynamic loader" "$tmp/out"; then
    echo "ok: -shared refused"
else
    echo "FAIL: -shared: status $st: $(cat "$tmp/out")"
    fails=$((fails + 1))
fi
[ $fails = 0 ] && echo SUCCESS
exit $fails
