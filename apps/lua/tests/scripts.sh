#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# scripts.sh: Lua scripts over the standard library run by the lua image
# and by the same Lua built natively; outputs (stdout, stderr, exit status)
# must be identical.  The scripts come from a read-only volume, io_os.lua
# works in a read-write one; then the interpreter reads a script from
# standard input.
#
#   scripts.sh BINDIR PLATFORM IMAGEDIR NATIVEDIR
#
# IMAGEDIR and NATIVEDIR are apps/catalog/build.sh outputs for PLATFORM
# and native.  Error messages name the script by its path, which differs
# (/scripts/x.lua in the image): the native output has its directory
# rewritten to /scripts before the comparison.
set -u
bin=$1 plat=$2 img=$3/lua nat=$4/lua
here=$(cd "$(dirname "$0")" && pwd)
catalog_dir=$here/../../catalog
. "$catalog_dir/lib.sh"
need_platform "$plat"
export PATH="$bin:$PATH"
need_built "$img" "$nat"
workdir lua
mkdir "$tmp/scripts" "$tmp/nvol" "$tmp/ivol"
cp "$here"/*.lua "$tmp/scripts/"
run_img() {
    catalog_run "$plat" -m 128M -e LUA_TEST_VAR=set-by-run \
        -v "$tmp/scripts:/scripts:ro" -v "$tmp/ivol:/vol" "$img" -- "$@"
}
bad=0
for s in strings tables coroutines io_os errors; do
    # As "lua" from PATH, so that messages start with "lua:" as the image's.
    (cd "$tmp" && LUA_TEST_VAR=set-by-run PATH="${nat%/lua}:$PATH" lua "$tmp/scripts/$s.lua" "$tmp/nvol" \
        >"$tmp/$s.nout" 2>"$tmp/$s.nerr"; echo "status $?" >>"$tmp/$s.nout")
    run_img "/scripts/$s.lua" /vol >"$tmp/$s.iout" 2>"$tmp/$s.ierr"
    echo "status $?" >>"$tmp/$s.iout"
    sed -i "s|$tmp/scripts/|/scripts/|g; s|$tmp/nvol|/vol|g" "$tmp/$s.nout" "$tmp/$s.nerr"
    if diff -u "$tmp/$s.nout" "$tmp/$s.iout" && diff -u "$tmp/$s.nerr" "$tmp/$s.ierr"; then
        echo "ok: $s.lua: $(wc -l <"$tmp/$s.iout") lines identical ($(tail -1 "$tmp/$s.iout"))"
    else
        echo "FAIL: $s.lua differs on $plat (above: native -, image +)"
        bad=1
    fi
done
grep -q "^status 1$" "$tmp/errors.iout" && grep -q "uncaught at the end" "$tmp/errors.ierr" ||
    { echo "FAIL: errors.lua did not end with status 1 and its message"; bad=1; }
[ -z "$(ls "$tmp/ivol")" ] || { echo "FAIL: io_os.lua left files: $(ls "$tmp/ivol")"; bad=1; }
# The interpreter reading its script from standard input.
PATH="${nat%/lua}:$PATH" lua - <"$tmp/scripts/strings.lua" >"$tmp/stdin.nout" 2>&1
catalog_run "$plat" "$img" -- - <"$tmp/scripts/strings.lua" >"$tmp/stdin.iout" 2>&1
same_output "lua - <strings.lua" "$tmp/stdin.nout" "$tmp/stdin.iout" || bad=1
[ $bad = 0 ] || exit 1
echo SUCCESS
