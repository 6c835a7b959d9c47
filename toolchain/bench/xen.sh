#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# xen.sh: `ingot bench xen`: hello on real Xen next to Xen's own floor.
#
# Boots Debian 12's Xen 4.17 with a PV Linux dom0 in QEMU (TCG here) once,
# through the test harness (bench/xen/harness.sh, the same pinned packages
# as the e2e.xen tests), and times in dom0, round by round: `xl create -F`
# of a do-nothing PVH domU (floor_xen.S: installs the hypercall page and
# shuts down), of apps/hello built for xen (64 MiB, as `ingot run`
# gives), and `ingot run` of hello (console attached).  Creation to exit:
# from starting xl until the domain is gone.  Plus the two images' sizes.
# Without QEMU or the Debian archive every row is skipped with the reason.
source "$(dirname "$0")/lib.sh"

bench_init xen 3
w=$bench_work
runs=$INGOT_BENCH_RUNS
[ "$INGOT_BENCH_QUICK" = 1 ] && runs=2
floor=$bench_dir/floor_xen.elf
harness=$bench_dir/xen/harness.sh
rows=(floor "do-nothing PVH domU (Xen floor)"
    hello "hello (xen), xl create -F"
    run "hello (xen), ingot run")

bench_step "hello for xen"
if ! bench_build_app "$bench_dir/apps/hello" xen "$w/hello"; then
    bench_skip xen-build "hello (xen)" create_to_exit ms \
        "ingot-cc failed: $(head -1 "$w/hello.log")"
    exit 0
fi
bench_value xen-hello-file "hello (xen), file" file_size B "" \
    "$(stat -c %s "$w/hello")" "code and global symbols kept, debug info stripped"
bench_value xen-floor-file "do-nothing PVH domU, file" file_size B "" \
    "$(stat -c %s "$floor")" "floor_xen.S"

bench_step "$runs rounds in one Xen boot"
mkdir -p "$w/batch/jobs" "$w/batch/img"
cp "$floor" "$w/batch/img/floor"
cp "$w/hello" "$w/batch/img/hello"
for ((r = 1; r <= runs; r++)); do
    mkdir -p "$w/batch/jobs/$(printf %03d $r)"
    cat >"$w/batch/jobs/$(printf %03d $r)/cmd" <<'JOB'
exec bash -c '
us() { local s=${EPOCHREALTIME/./}; echo $((10#$s)); }
for k in floor hello; do
    printf "%s\n" "type=\"pvh\"" "name=\"bench-$k\"" "memory=64" \
        "kernel=\"/batch/img/$k\"" "on_poweroff=\"destroy\"" \
        "on_crash=\"destroy\"" >$k.cfg
    t=$(us)
    xl create -F $k.cfg >$k.log 2>&1 || { echo "$k failed"; cat $k.log; }
    echo "$k $(($(us) - t))"
done
t=$(us)
ingot run /batch/img/hello >run.log 2>&1 || { echo "run failed"; cat run.log; }
echo "run $(($(us) - t))"'
JOB
done
if ! "$harness" run --bin "$INGOT" --bin "$(command -v bash)" "$w/batch" \
    "$w/out" >"$w/harness.log" 2>&1; then
    why=$(grep -m1 '^SKIP: ' "$w/harness.log" | cut -c7-)
    [ -n "$why" ] || why="the Xen run failed: $(tail -1 "$w/harness.log")"
    for ((i = 0; i < ${#rows[@]}; i += 2)); do
        bench_skip "xen-${rows[i]}" "${rows[i + 1]}" create_to_exit ms "$why"
    done
    exit 0
fi

bench_step "results"
for ((i = 0; i < ${#rows[@]}; i += 2)); do
    k=${rows[i]}
    mapfile -t samples < <(cat "$w"/out/[0-9]*.out 2>/dev/null |
        awk -v k="$k" '$1 == k && $2 ~ /^[0-9]+$/ {
            printf "%d.%03d\n", $2 / 1000, $2 % 1000 }')
    if [ ${#samples[@]} = 0 ]; then
        bench_skip "xen-$k" "${rows[i + 1]}" create_to_exit ms \
            "no run succeeded: $(grep -h -m1 failed "$w"/out/*.out)"
        continue
    fi
    bench_samples "xen-$k" "${rows[i + 1]}" create_to_exit ms "" \
        "in dom0, Xen 4.17 under QEMU TCG (nested: slow)" "${samples[@]}"
done
