#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# apps.sh: `ingot bench apps`: the catalog's programs (apps/catalog), built
# from their pinned Debian sources by their own build systems, on pico and
# kvm next to the same source built natively and the native build under
# runc.
#
# Each app takes part through bench_app_APP of its hook apps/APP/bench.sh
# (catalog.sh: the hooks, apps_build, apps_run), called with no arguments;
# APP_bench_steps is its number of progress steps (default 4).  Hooks use
# bench_* of lib.sh and:
#   apps_cpu CMD...             runs CMD (output to $apps_out) and sets
#                               apps_cpu_s to the CPU seconds (user + system)
#                               it and its children used, apps_wall_ms to
#                               its wall time; returns CMD's status.  On a
#                               loaded machine CPU time is the fair figure:
#                               wall time counts the waits for a core
#   apps_platforms              "pico kvm native runc", without runc when
#                               runc cannot run here (bench_skip rows say why)
#   apps_each_platform APP STEP SKIPFN FN
#                               the loop over apps_platforms with APP's
#                               build, skipped rows through SKIPFN PLATFORM
#                               WHY, the measurement through FN PLATFORM DIR
# Rows are named APP-WHAT-PLATFORM (e.g. sqlite-speedtest1-pico); the
# targets in docs/benchmarks.md compare the pico and native rows.
# INGOT_BENCH_APPS="APP..." measures only those apps.
# INGOT_BENCH_APPS_BUILD=DIR reuses builds in DIR/APP/PLATFORM (a build
# tree's apps/, after its catalog tests ran) instead of building afresh.
# Image sizes are the size suite's rows, the smallest -m the memory suite's.
source "$(dirname "$0")/lib.sh"

apps_runc_why=
if ! bench_have_runc; then
    apps_runc_why=$bench_runc_why
fi
apps_platforms() {
    if [ -z "$apps_runc_why" ]; then
        echo pico kvm native runc
    else
        echo pico kvm native
    fi
}

# apps_each_platform APP STEP SKIPFN FN: on each platform, the progress
# step "APP: STEP on PLATFORM" and APP's build; a failed build calls SKIPFN
# PLATFORM WHY (which writes the skipped rows), a good one FN PLATFORM DIR.
# When runc cannot run here, SKIPFN runc WHY ends the list.
apps_each_platform() {
    local app=$1 step=$2 skipfn=$3 fn=$4 plat
    for plat in $(apps_platforms); do
        bench_step "$app: $step on $plat"
        if ! apps_build "$app" "$plat"; then
            "$skipfn" "$plat" "$apps_why"
            continue
        fi
        "$fn" "$plat" "$apps_dir"
    done
    [ -z "$apps_runc_why" ] || "$skipfn" runc "$apps_runc_why"
}

apps_out=$bench_work/apps.out
apps_cpu() {
    local t0 t1 st ms
    t0=$(bench_us)
    # bash's time keyword reports the children's CPU time too (the tender,
    # QEMU, runc's container process).
    { TIMEFORMAT='%U %S'; time "$@" >"$apps_out" 2>&1; } 2>"$bench_work/time" &&
        st=0 || st=$?
    ms=$(bench_ms_since "$t0")
    apps_wall_ms=$ms
    apps_cpu_s=$(awk '{ printf "%.3f", $1 + $2 }' "$bench_work/time")
    return $st
}

mapfile -t catalog < <(bench_catalog_apps)
bench_catalog_hooks "${catalog[@]}"
apps=() steps=0
for app in "${catalog[@]}"; do
    declare -F "bench_app_$app" >/dev/null || continue
    apps+=("$app")
    v=${app}_bench_steps
    steps=$((steps + ${!v:-4}))
done
bench_init apps "$steps"
[ -n "$apps_runc_why" ] && bench_note "runc rows skipped: $apps_runc_why"
for app in "${apps[@]}"; do
    "bench_app_$app"
done
