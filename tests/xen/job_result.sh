#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# job_result.sh OUT NAME: one xen test's verdict, from the job the batch ran
# in dom0 (run_batch.sh): its output, and pass when it exited 0.
out=$1 name=$2
if [ -f "$out/SKIP" ]; then
    cat "$out/SKIP"
    exit 77
fi
if [ ! -f "$out/$name.rc" ]; then
    echo "FAIL: job $name did not run in the Xen batch (see $out/xen.log,"
    echo "$out/com1.log)"
    exit 1
fi
cat "$out/$name.out"
rc=$(cat "$out/$name.rc")
[ "$rc" = 0 ] || echo "FAIL: job exited $rc"
[ "$rc" = 0 ]
