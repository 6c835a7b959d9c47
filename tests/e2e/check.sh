#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# check.sh: boot one image with `ingot run` and judge its output and status.
#
#   check.sh INGOT STATUS IMAGE [--expect REGEX]... [--reject REGEX]...
#            [--same-as NATIVE_BINARY] [run options...] [-- app args...]
#
# Fails unless `ingot run` exits with STATUS, every --expect extended regex
# matches some line of the combined output, and no --reject regex does.
# --same-as runs NATIVE_BINARY with the same app args and requires the
# guest's standard output to be identical (a differential test).
set -u
ingot=$1 want=$2 image=$3
shift 3
expects=() rejects=() runopts=() appargs=() native=
while [ $# -gt 0 ]; do
    case $1 in
    --expect) expects+=("$2"); shift 2 ;;
    --reject) rejects+=("$2"); shift 2 ;;
    --same-as) native=$2; shift 2 ;;
    --) shift; appargs=("$@"); break ;;
    *) runopts+=("$1"); shift ;;
    esac
done

out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err" "$out.native"' EXIT
timeout 300 "$ingot" run --accel tcg "${runopts[@]}" "$image" -- \
    "${appargs[@]}" >"$out" 2>"$err"
got=$?
echo "--- stdout"; cat "$out"; echo "--- stderr"; cat "$err"; echo "---"
fail=0
if [ "$got" != "$want" ]; then
    echo "FAIL: exit status $got, expected $want"
    fail=1
fi
for re in "${expects[@]}"; do
    if ! cat "$out" "$err" | grep -Eq -- "$re"; then
        echo "FAIL: no line matches: $re"
        fail=1
    fi
done
for re in "${rejects[@]}"; do
    if cat "$out" "$err" | grep -Eq -- "$re"; then
        echo "FAIL: a line matches rejected pattern: $re"
        fail=1
    fi
done
if [ -n "$native" ]; then
    "$native" "${appargs[@]}" >"$out.native"
    if ! diff -u "$out.native" "$out"; then
        echo "FAIL: guest output differs from the native build"
        fail=1
    fi
fi
[ $fail = 0 ] && echo PASS
exit $fail
