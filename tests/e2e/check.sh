#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# check.sh: boot one image with `ingot run` and judge its output and status.
#
#   check.sh INGOT STATUS IMAGE [--expect REGEX]... [--reject REGEX]...
#            [--same-as NATIVE_BINARY] [run options...] [-- app args...]
#   check.sh --case FILE PLATFORM INGOT IMAGE
#   check.sh --limit SECONDS ...   bounds the run (default 300 s)
#
# Fails unless `ingot run` exits with STATUS, every --expect extended regex
# matches some line of the combined output, and no --reject regex does.
# --same-as runs NATIVE_BINARY with the same app args and requires the
# guest's standard output to be identical (a differential test); a native
# run that exits 77 (it lacks a privilege here, and says SKIP) is not
# compared, and the --expect lines alone judge the guest.
#
# With --case the same comes from an expectation file (tests/e2e/*.expect),
# one "KEY VALUE" per line, the value being the rest of the line verbatim:
#   status N           the exit status ingot run must end with
#   run OPTION [VALUE] one run option, with its value if it takes one
#   arg WORD           one app argument
#   env NAME=VALUE     set in the environment of ingot run
#   expect REGEX, reject REGEX
#   same-as NAME       the native program NAME, beside INGOT
#   image, platforms, timeout   read by tests/e2e/CMakeLists.txt
# KEY.PLATFORM (e.g. expect.pico) applies on that platform only; "@SRC@" in
# a value is the file's directory; lines starting with '#' are comments.
# A run still going after the limit is stopped and fails with a line saying
# so, after what it printed until then.
set -u
expects=() rejects=() runopts=() appargs=() native= limit=300
if [ "${1-}" = --limit ]; then
    limit=$2
    shift 2
fi
if [ "${1-}" = --case ]; then
    file=$2 platform=$3 ingot=$4 image=$5 want=
    src=$(cd "$(dirname "$file")" && pwd)
    while IFS= read -r line || [ -n "$line" ]; do
        case $line in '' | '#'*) continue ;; esac
        key=${line%% *} val=
        [ "$key" != "$line" ] && val=${line#* }
        case $key in
        *.*)
            [ "${key#*.}" = "$platform" ] || continue
            key=${key%%.*}
            ;;
        esac
        val=${val//@SRC@/$src}
        case $key in
        status) want=$val ;;
        run)
            opt=${val%% *}
            if [ "$opt" = "$val" ]; then runopts+=("$val")
            else runopts+=("$opt" "${val#* }"); fi
            ;;
        arg) appargs+=("$val") ;;
        env) export "${val?}" ;;
        expect) expects+=("$val") ;;
        reject) rejects+=("$val") ;;
        same-as) native=$(dirname "$ingot")/$val ;;
        image | platforms | timeout) ;;
        *) echo "$file: unknown key '$key'"; exit 2 ;;
        esac
    done <"$file"
    [ -n "$want" ] || { echo "$file: no status line"; exit 2; }
else
    ingot=$1 want=$2 image=$3
    shift 3
    while [ $# -gt 0 ]; do
        case $1 in
        --expect) expects+=("$2"); shift 2 ;;
        --reject) rejects+=("$2"); shift 2 ;;
        --same-as) native=$2; shift 2 ;;
        --) shift; appargs=("$@"); break ;;
        *) runopts+=("$1"); shift ;;
        esac
    done
fi

out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err" "$out.native"' EXIT
start=$SECONDS
timeout -k 10 "$limit" "$ingot" run --accel tcg "${runopts[@]}" "$image" -- \
    "${appargs[@]}" >"$out" 2>"$err"
got=$?
echo "--- stdout"; cat "$out"; echo "--- stderr"; cat "$err"; echo "---"
fail=0
if [ $((SECONDS - start)) -ge "$limit" ]; then
    echo "FAIL: ingot run did not finish within $limit s; it was stopped"
    fail=1
elif [ "$got" != "$want" ]; then
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
    if [ $? = 77 ]; then
        echo "note: the native build cannot run here (exit 77): not compared"
    elif ! diff -u "$out.native" "$out"; then
        echo "FAIL: guest output differs from the native build"
        fail=1
    fi
fi
[ $fail = 0 ] && echo PASS
exit $fail
