#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# expect.sh: run a command and check its exit status and output.
#
#   expect.sh STATUS STREAM PATTERN [--one-line] [--needs-qemu] -- CMD...
#
# Passes when CMD exits with STATUS and the text on STREAM (out or err)
# matches the extended regular expression PATTERN; with --one-line, stderr
# must also be exactly one line.  --needs-qemu skips (exit 77) when QEMU is
# not installed.
set -u
status=$1 stream=$2 pattern=$3
shift 3
one_line=0
while [ "$1" != "--" ]; do
    case $1 in
    --one-line) one_line=1 ;;
    --needs-qemu)
        command -v "${INGOT_QEMU:-qemu-system-x86_64}" >/dev/null 2>&1 || {
            echo "SKIP: no QEMU"
            exit 77
        } ;;
    *) echo "expect.sh: $1: unknown option" >&2; exit 2 ;;
    esac
    shift
done
shift

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$@" >"$dir/out" 2>"$dir/err"
got=$?
fail=0
if [ "$got" != "$status" ]; then
    echo "FAIL: exit status $got, want $status"
    fail=1
fi
if ! grep -Eq -- "$pattern" "$dir/$stream"; then
    echo "FAIL: std$stream does not match: $pattern"
    fail=1
fi
if [ $one_line = 1 ] && [ "$(wc -l <"$dir/err")" != 1 ]; then
    echo "FAIL: stderr is not exactly one line"
    fail=1
fi
if [ $fail = 1 ]; then
    echo "command: $*"
    echo "--- stdout"; cat "$dir/out"
    echo "--- stderr"; cat "$dir/err"
    exit 1
fi
echo SUCCESS
