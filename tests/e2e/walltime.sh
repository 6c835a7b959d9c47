#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# walltime.sh INGOT IMAGE [RUN OPTIONS...]: the guest's wall clock against
# the host's, differentially: the image prints CLOCK_REALTIME every 0.1 s
# (walltime.c) and each line is stamped with the host's clock as it
# arrives.  The guest's reading comes before the host's stamp, so the
# difference (host - guest) is the line's delay plus the guest's error:
# the smallest over 20 lines must lie within [-5 ms, 50 ms].  (kvm's clock
# from the RTC alone was up to a second behind.)
set -u
INGOT=$1 IMAGE=$2
shift 2
fail() {
    echo "FAIL: $*"
    exit 1
}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# bash's EPOCHREALTIME: the host's clock without a fork per line.
timeout 120 "$INGOT" run --accel tcg "$@" "$IMAGE" -- 20 3 </dev/null |
    while IFS= read -r line; do
        echo "$EPOCHREALTIME $line"
    done >"$out"
status=${PIPESTATUS[0]}
cat "$out"
[ "$status" = 0 ] || fail "ingot run exited with $status"
grep -q ' walltime: done$' "$out" || fail "no end line"
read -r n min max < <(awk '$2 == "rt" {
        d = ($1 - $3) * 1000; n++
        if (n == 1 || d < min) min = d
        if (n == 1 || d > max) max = d
    } END { printf "%d %.1f %.1f\n", n, min, max }' "$out")
echo "$n readings: host - guest from $min ms to $max ms"
[ "$n" = 20 ] || fail "$n readings, not 20"
awk -v m="$min" 'BEGIN { exit !(m >= -5 && m <= 50) }' ||
    fail "the guest's wall clock is off the host's by $min ms (allowed: -5 to 50)"
echo "PASS: wall clock within the bounds"
