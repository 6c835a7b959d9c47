#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# accel_auto.sh: `ingot run --accel auto` calibrates once, caches, and
# explains a fallback to TCG.
#
#   accel_auto.sh INGOT IMAGE LIBDIR CACHEDIR
#
# LIBDIR holds kvm/calib.elf.  What auto picks depends on the machine, so
# the test checks consistency: the cache records a decision, the second run
# reuses it, and TCG on a host with /dev/kvm comes with the notice line.
set -u
ingot=$1 image=$2 libdir=$3 cache=$4
command -v "${INGOT_QEMU:-qemu-system-x86_64}" >/dev/null 2>&1 || {
    echo "SKIP: no QEMU"; exit 77; }
rm -rf "$cache"
export INGOT_LIBDIR="$libdir" XDG_CACHE_HOME="$cache"
fail() { echo "FAIL: $*"; exit 1; }

"$ingot" run "$image" >"$cache.out1" 2>"$cache.err1"
st=$?
[ $st = 7 ] || fail "first run: status $st, stderr: $(cat "$cache.err1")"
if ! (: <>/dev/kvm) 2>/dev/null; then
    [ ! -s "$cache.err1" ] || fail "no /dev/kvm, yet: $(cat "$cache.err1")"
    echo "no usable /dev/kvm: TCG without calibration"
    echo SUCCESS
    exit 0
fi
[ -f "$cache/ingot/accel" ] || fail "no cache file written"
accel=$(sed -n 's/.*"accel": "\(.*\)".*/\1/p' "$cache/ingot/accel")
echo "auto chose: $accel"
cat "$cache/ingot/accel"
if [ "$accel" = tcg ]; then
    notice='^ingot: /dev/kvm (is slow|failed) here [(]calibration: kvm .*'
    notice="$notice, tcg [0-9]+ ms[)]; using TCG\$"
    grep -Eq "$notice" "$cache.err1" || fail "no notice: $(cat "$cache.err1")"
fi

# Cached: same decision and notice; corrupt: ignored and rewritten.
"$ingot" run "$image" >/dev/null 2>"$cache.err2"
st=$?
[ $st = 7 ] || fail "second run: status $st"
cmp -s "$cache.err1" "$cache.err2" ||
    fail "second run differs: $(cat "$cache.err2")"
echo garbage >"$cache/ingot/accel"
"$ingot" run "$image" >/dev/null 2>/dev/null
st=$?
[ $st = 7 ] || fail "run with corrupt cache: status $st"
grep -q '"version": 1' "$cache/ingot/accel" ||
    fail "corrupt cache not rewritten"
rm -f "$cache.out1" "$cache.err1" "$cache.err2"
echo SUCCESS
