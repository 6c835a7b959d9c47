#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# analyze.sh: what ingot-cc's unsupported-API analysis adds to compiling one
# C file (`-c`, with and without it), measured with hyperfine
# on a few sources of different sizes.  Prints a table of medians of wall
# time and means of CPU time (user + system, of ingot-cc and its children),
# which other builds on the machine disturb less.
#
#   tests/bench/analyze.sh [BUILD_DIR] [RUNS]
set -euo pipefail
build=${1:-build} runs=${2:-20}
src=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc="$build/bin/ingot-cc"

echo "| source | lines | compile ms (CPU ms) | compile + analysis ms (CPU ms) | added ms (CPU ms) | ratio (CPU) |"
echo "|---|---:|---:|---:|---:|---:|"
# The first three name no unsupported API (preprocessed only); process.c
# does, so libclang parses it (warnings, so that it still compiles).
for f in apps/hello/hello.c tests/e2e/fileops.c tests/e2e/threads.c \
    tests/analyze/process.c; do
    hyperfine -N -w 3 -r "$runs" --export-csv "$work/h.csv" \
        "$cc -O2 -Wno-ingot-unsupported -c $src/$f -o $work/a.o" \
        "$cc -O2 -Wno-error=ingot-unsupported -c $src/$f -o $work/b.o" \
        >/dev/null
    # CSV: command,mean,stddev,median,user,system,...; in seconds.
    read -r off offc on onc < <(awk -F, 'NR > 1 {
        printf "%.1f %.1f ", $4 * 1000, ($5 + $6) * 1000 } END { print "" }' \
        "$work/h.csv")
    awk -v f="$f" -v l="$(wc -l <"$src/$f")" -v a="$off" -v b="$on" \
        -v ac="$offc" -v bc="$onc" 'BEGIN {
        printf "| %s | %d | %.1f (%.1f) | %.1f (%.1f) | %.1f (%.1f) | %.2fx |\n",
            f, l, a, ac, b, bc, b - a, bc - ac, bc / ac }'
done
