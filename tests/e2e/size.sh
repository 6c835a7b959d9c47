#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# size.sh: an image's file is at most LIMIT bytes.
#
#   size.sh IMAGE LIMIT
#
# The image-size targets of `ingot bench` (docs/benchmarks.md) as a test:
# an image's size is deterministic for a given tree, unlike a timing, so
# crossing a target fails here at once instead of showing up in the next
# benchmark run.  On failure it lists the image's largest symbols, where
# growth usually shows (`ingot bench size` breaks it down by component).
set -u
img=$1 limit=$2
[ -f "$img" ] || { echo "FAIL: no image at $img"; exit 1; }
size=$(stat -c %s "$img")
echo "$img: $size B (limit $limit B)"
if [ "$size" -gt "$limit" ]; then
    echo "FAIL: $((size - limit)) B over the limit; largest symbols:"
    nm --size-sort -S "$img" | tail -15
    exit 1
fi
echo SUCCESS
