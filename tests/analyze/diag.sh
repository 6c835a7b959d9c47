#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# diag.sh: compile a fixture with ingot-cc and compare its diagnostics.
#
#   diag.sh INGOT-CC DIR NAME STATUS EXPECT [--link] [FLAG...]
#
# Runs `INGOT-CC FLAG... -c NAME.c` in DIR (so file names print as
# NAME.c; with --link, without -c: a whole image) and passes when it exits
# with STATUS, stderr equals the file EXPECT exactly, and the output exists
# exactly when STATUS is 0.
set -u
cc=$1 dir=$2 name=$3 status=$4 expect=$5
shift 5
mode=-c
if [ "${1:-}" = --link ]; then
    mode=
    shift
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$dir" || exit 2
"$cc" "$@" $mode "$name.c" -o "$tmp/$name.o" 2>"$tmp/err"
got=$?
fail=0
if [ "$got" != "$status" ]; then
    echo "FAIL: exit status $got, want $status"
    fail=1
fi
if ! diff -u "$expect" "$tmp/err"; then
    echo "FAIL: diagnostics differ from $expect (- want, + got)"
    fail=1
fi
if [ "$status" = 0 ] && [ ! -s "$tmp/$name.o" ]; then
    echo "FAIL: no output written"
    fail=1
elif [ "$status" != 0 ] && [ -e "$tmp/$name.o" ]; then
    echo "FAIL: an output was written despite the error"
    fail=1
fi
[ $fail = 0 ] && echo SUCCESS
exit $fail
