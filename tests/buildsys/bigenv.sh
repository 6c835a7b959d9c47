#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# bigenv.sh: a large environment and argument list (~100 KB, as a configure
# or `make check` run may have) reach an image whole, executed directly and
# through `ingot run -e`; past the limit (128 KiB with the NUL) every path
# fails in one line naming the limit.
#
#   bigenv.sh BINDIR PLATFORM SRC.c
set -u
bin=$(cd "$1" && pwd) plat=$2 src=$3
. "$(dirname "$0")/lib.sh"
need_platform "$plat"
workdir bigenv
cc -o "$tmp/native" "$src" || fail "native build"
"$bin/ingot-cc" --platform="$plat" -o "$tmp/image" "$src" || fail "ingot-cc"
# 40 variables of 2,000 bytes and 30 arguments of 500: about 96 KB.
val=$(head -c 2000 /dev/zero | tr '\0' 'v')
arg=$(head -c 498 /dev/zero | tr '\0' 'a')
set --
i=0
while [ $i -lt 30 ]; do set -- "$@" "$i$arg"; i=$((i + 1)); done
vars=
i=0
while [ $i -lt 40 ]; do vars="$vars BIG_$i=$i$val"; i=$((i + 1)); done
# shellcheck disable=SC2086
env $vars "$tmp/native" "$@" >"$tmp/native.out" || fail "native run"
cat "$tmp/native.out"
grep -q "^args 30 .*BIG_ variables 40 " "$tmp/native.out" || fail "native output"
cd "$tmp" || exit 1
# shellcheck disable=SC2086
env $vars ./image "$@" >"$tmp/exec.out" 2>"$tmp/exec.err" ||
    fail "direct execution: $(cat "$tmp/exec.err")"
cmp "$tmp/native.out" "$tmp/exec.out" ||
    fail "direct execution saw: $(cat "$tmp/exec.out")"
echo "ok: executed directly with a $(env $vars env | wc -c)-byte environment"
runargs=
for v in $vars; do runargs="$runargs -e $v"; done
accel=
[ "$plat" = kvm ] && accel="--accel tcg"
# shellcheck disable=SC2086
"$bin/ingot" run $accel $runargs ./image -- "$@" >"$tmp/run.out" 2>"$tmp/run.err" ||
    fail "ingot run: $(cat "$tmp/run.err")"
cmp "$tmp/native.out" "$tmp/run.out" || fail "ingot run saw: $(cat "$tmp/run.out")"
echo "ok: ingot run -e with the same variables and arguments"
# Past the limit: one line, status 125 (ingot exec) or 1 (ingot run).
huge=$(head -c 70000 /dev/zero | tr '\0' 'h')
env BIG_A="$huge" BIG_B="$huge" ./image >"$tmp/o" 2>"$tmp/e"
st=$?
[ $st = 125 ] || fail "over the limit, direct execution: status $st"
[ "$(wc -l <"$tmp/e")" = 1 ] && grep -q "too long: .*at most 131071" "$tmp/e" ||
    fail "over the limit, direct execution said: $(cat "$tmp/e")"
cat "$tmp/e"
"$bin/ingot" run $accel -e BIG_A="$huge" -e BIG_B="$huge" ./image >"$tmp/o" 2>"$tmp/e"
st=$?
[ $st != 0 ] && [ "$(wc -l <"$tmp/e")" = 1 ] && grep -q "at most 131071" "$tmp/e" ||
    fail "over the limit, ingot run (status $st) said: $(cat "$tmp/e")"
cat "$tmp/e"
if [ "$plat" = kvm ]; then
    # q35's PVH boot keeps the old 4 KiB bound (toolchain/cli/run_qemu.c).
    "$bin/ingot" run $accel --machine q35 -e BIG_A="$val$val$val" ./image \
        >"$tmp/o" 2>"$tmp/e"
    st=$?
    [ $st != 0 ] && [ "$(wc -l <"$tmp/e")" = 1 ] &&
        grep -q "too long for --machine q35: .*at most 4095 (microvm 131071)" "$tmp/e" ||
        fail "over q35's limit (status $st): $(cat "$tmp/e")"
    cat "$tmp/e"
fi
echo SUCCESS
