#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# install.sh: `cmake --install` into a fresh prefix, then build and boot
# hello with the installed tools from an unrelated directory.
set -eu
build=$1 src=$2
prefix=$(mktemp -d) work=$(mktemp -d)
trap 'rm -rf "$prefix" "$work"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
cp "$src/apps/hello/hello.c" "$work/"
cd "$work"
# Nothing may point back into the build tree.
env -u INGOT_LIBDIR "$prefix/bin/ingot-cc" -O2 -o hello hello.c
out=$("$prefix/bin/ingot" run --accel tcg hello -- --exit 3 installed) && st=0 || st=$?
echo "$out"
[ "$st" = 3 ] || { echo "FAIL: status $st, expected 3"; exit 1; }
grep -q '^argv\[3\]=installed$' <<<"$out" || { echo "FAIL: output"; exit 1; }
# The same program on pico: the installed ingot finds the installed tender.
env -u INGOT_LIBDIR "$prefix/bin/ingot-cc" --platform=pico -O2 -o hello-pico \
    hello.c
out=$(env -u INGOT_PICO "$prefix/bin/ingot" run hello-pico -- --exit 4 pico) &&
    st=0 || st=$?
echo "$out"
[ "$st" = 4 ] || { echo "FAIL: pico status $st, expected 4"; exit 1; }
grep -q '^argv\[3\]=pico$' <<<"$out" || { echo "FAIL: pico output"; exit 1; }
echo PASS
