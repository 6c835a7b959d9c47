#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# run_batch.sh: the xen tests' one Xen boot (ctest fixture xen.boot).
#
#   run_batch.sh JOBS OUT INGOT [--img FILE]... [--file FILE|DIR]...
#                [--bin FILE]...
#
# Stages JOBS (one directory per test, see CMakeLists.txt), the images
# (/batch/img), files (/batch/files) and host programs (/batch/bin) into a
# batch, runs it with harness.sh and leaves each job's output and status in
# OUT.  Without Xen here it writes the reason to OUT/SKIP and exits 77.
# INGOT_SKIP_XEN=1 skips the boot the same way (a developer's quick run on
# a loaded machine; CI never sets it).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jobs=$1 out=$2 ingot=$3
shift 3
if [ "${INGOT_SKIP_XEN:-}" = 1 ]; then
    rm -rf "$out"
    mkdir -p "$out"
    echo "SKIP: INGOT_SKIP_XEN=1: no Xen boot" | tee "$out/SKIP"
    exit 77
fi
batch=$(mktemp -d)
trap 'rm -rf "$batch"' EXIT
mkdir -p "$batch/img" "$batch/files"
cp -r "$jobs" "$batch/jobs"
bins=(--bin "$ingot" --bin "$(command -v bash)")
while [ $# -gt 0 ]; do
    case $1 in
    --img) cp "$2" "$batch/img/" ;;
    --file) cp -r "$2" "$batch/files/" ;;
    --bin) bins+=(--bin "$2") ;;
    esac
    shift 2
done
rm -rf "$out"
mkdir -p "$out"
"$here/harness.sh" run "${bins[@]}" "$batch" "$out" | tee "$out/harness.log"
rc=${PIPESTATUS[0]}
if [ "$rc" = 77 ]; then
    grep '^SKIP' "$out/harness.log" >"$out/SKIP"
fi
exit "$rc"
