#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# idle.sh: an image whose only thread sleeps for 1 s must not use the CPU
# meanwhile (kvm: hlt until the LAPIC timer; pico: clock_nanosleep).
#
#   idle.sh INGOT IMAGE [run options...]
#
# Measures the CPU time of `ingot run` and its children (QEMU or the
# tender) from the host and fails if it reaches half the wall time: a
# spinning idle would use all of it.
set -u
ingot=$1 image=$2
shift 2
start=$(date +%s%N)
out=$("$ingot" run --accel tcg "$@" "$image" -- idle)
status=$?
end=$(date +%s%N)
echo "$out"
# `times` (run in this shell, not a subshell) prints the children's user
# and system time on its second line, as "0m0.012s 0m0.004s".
tf=$(mktemp)
trap 'rm -f "$tf"' EXIT
times >"$tf"
read -r cu cs < <(sed -n 2p "$tf" | sed 's/[ms]/ /g' |
    awk '{printf "%d %d\n", ($1*60+$2)*1000, ($3*60+$4)*1000}')
wall=$(((end - start) / 1000000))
echo "wall ${wall} ms, cpu $((cu + cs)) ms (user ${cu}, system ${cs})"
if [ "$status" != 0 ] || ! grep -q "^idle: slept 1 s$" <<<"$out"; then
    echo "FAIL: the image did not run to the end (status $status)"
    exit 1
fi
if [ $((cu + cs)) -ge $((wall / 2)) ]; then
    echo "FAIL: the idle image used the CPU"
    exit 1
fi
echo PASS
