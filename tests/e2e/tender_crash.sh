#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# tender_crash.sh: a pico guest names the frames of its crash report itself
# (the tender maps the image's symbol table for it, pico_abi.h), so the
# report is whole without `ingot run` reading the console; a stripped image
# reports bare addresses.
#
#   tender_crash.sh TENDER CRASH_IMAGE
set -u
tender=$1 image=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# run NAME IMAGE: the tender alone, "null" crash; output in $tmp/NAME.
run() {
    "$tender" -- "$2" "argv0=e2e_crash -- null" >"$tmp/$1.out" 2>&1
    st=$?
    echo "--- $1 (status $st)"
    cat "$tmp/$1.out"
    [ $st = 255 ] || { echo "FAIL: $1: status $st, expected 255"; fail=1; }
}
want() {
    grep -Eq "$2" "$tmp/$1.out" || { echo "FAIL: $1: no line matching $2"; fail=1; }
}

run named "$image"
want named '^  #0 0x[0-9a-f]+ deref_null(\.[a-z0-9.]+)?\+0x[0-9a-f]+$'
want named '^  #1 0x[0-9a-f]+ main\+0x[0-9a-f]+$'

strip -o "$tmp/stripped" "$image" || { echo "FAIL: strip"; exit 1; }
run stripped "$tmp/stripped"
want stripped '^  #0 0x[0-9a-f]+$'
want stripped '^  #1 0x[0-9a-f]+$'

[ $fail = 0 ] && echo PASS
exit $fail
