#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# memory.sh: `ingot bench memory`: smallest -m that boots, resident memory.
#
# Rows: hello-kvm-min, hello-pico-min: the smallest `ingot run -m` (whole
# MiB, binary search from 2 to 64) with which hello prints and exits 0;
# httpd-kvm-min: the same for apps/httpd answering an HTTP request;
# APP-kvm-min, APP-pico-min for each catalog app (catalog.sh): the same
# for APP doing its real job (APP_bench_works of apps/APP/bench.sh; a
# --quick run measures them only with INGOT_BENCH_APPS_BUILD's builds);
# pico-rss, pico-pss: the tender process's VmRSS and Pss while a guest
# sleeps; ingot-run-rss: `ingot run` itself beside it; qemu-rss: QEMU's
# VmRSS with the same idle guest on kvm (-m 64M).
source "$(dirname "$0")/lib.sh"

samples=$INGOT_BENCH_RUNS
[ "$samples" -gt 5 ] && samples=5
mapfile -t catalog < <(bench_catalog_apps)
bench_catalog_hooks "${catalog[@]}"
bench_init memory $((6 + ${#catalog[@]} * 2))
w=$bench_work
bench_step "building hello and an idle guest for kvm and pico"
for p in kvm pico; do
    "$INGOT_CC" --platform=$p -O2 -o "$w/hello-$p" "$bench_dir/apps/hello/hello.c"
    "$INGOT_CC" --platform=$p -O2 -o "$w/idle-$p" "$bench_dir/idle.c"
done

boots() { # PLATFORM MIB: does hello boot in MIB MiB?
    local out
    out=$("$INGOT" run --accel "$INGOT_BENCH_ACCEL" -m "${2}M" "$w/hello-$1" \
        </dev/null 2>&1) && grep -q "Hello from Ingot" <<<"$out"
}
for p in kvm pico; do
    bench_step "hello on $p: smallest -m (binary search, 2..64 MiB)"
    bench_smallest boots 2 64 $p
    if [ -n "$bench_min" ]; then
        note="whole MiB"
        [ "$bench_min" = 2 ] && note="2 MiB is the least ingot run accepts"
        bench_value hello-$p-min "hello on $p" min_mem MiB "" "$bench_min" "$note"
    else
        bench_skip hello-$p-min "hello on $p" min_mem MiB \
            "did not boot even with -m 64M"
    fi
done

bench_step "httpd: smallest -m that serves"
if [ ! -d "$bench_dir/apps/httpd" ]; then
    bench_skip httpd-kvm-min "httpd on kvm" min_mem MiB "apps/httpd not in this build"
    bench_skip httpd-pico-min "httpd on pico" min_mem MiB "apps/httpd not in this build"
else
    serves() { # PLATFORM MIB
        bench_httpd_start "$1" "$w/httpd-$1" "$2" || return 1
        bench_httpd_stop
    }
    for p in kvm pico; do
        why=$(bench_httpd_why "$p")
        if [ -z "$why" ] && ! bench_build_app "$bench_dir/apps/httpd" $p \
            "$w/httpd-$p"; then
            why="ingot-cc failed: $(head -1 "$w/httpd-$p.log")"
        fi
        if [ -n "$why" ]; then
            bench_skip httpd-$p-min "httpd on $p" min_mem MiB "$why"
            continue
        fi
        bench_smallest serves 2 256 $p
        if [ -n "$bench_min" ]; then
            bench_value httpd-$p-min "httpd on $p" min_mem MiB "" "$bench_min" \
                "answers GET / with -m ${bench_min}M"
        else
            bench_skip httpd-$p-min "httpd on $p" min_mem MiB \
                "did not serve even with -m 256M"
        fi
    done
fi

# The catalog: each app's smallest -m for its real job, on kvm and pico.
catalog_why=$(bench_catalog_why)
for app in "${catalog[@]}"; do
    works=${app}_bench_works job=${app}_bench_job
    for p in kvm pico; do
        bench_step "$app on $p: smallest -m to ${!job:-do its job} (2..64 MiB)"
        why=$catalog_why
        if [ -z "$why" ] && ! declare -F "$works" >/dev/null; then
            why="apps/$app/bench.sh defines no $works"
        fi
        if [ -z "$why" ] && ! apps_build "$app" $p; then
            why=$apps_why
        fi
        if [ -n "$why" ]; then
            bench_skip "$app-$p-min" "$app on $p" min_mem MiB "$why"
            continue
        fi
        bench_works_why=
        bench_smallest "$works" 2 64 $p "$apps_dir"
        if [ -n "$bench_min" ]; then
            bench_value "$app-$p-min" "$app on $p" min_mem MiB "" "$bench_min" \
                "to ${!job:-do its job}"
        else
            bench_skip "$app-$p-min" "$app on $p" min_mem MiB \
                "did not ${!job:-do its job} even with -m 64M${bench_works_why:+: $bench_works_why}"
        fi
    done
done

# kb PID FIELD: a /proc figure in KiB (VmRSS from status, Pss and
# Pss_Anon from smaps_rollup).
kb() {
    local f=/proc/$1/status
    case $2 in Pss*) f=/proc/$1/smaps_rollup ;; esac
    awk -v k="$2:" '$1 == k { print $2; exit }' "$f"
}
# idle_start COMMAND...: starts it with output to a file, waits for
# "ready"; sets idle_pid.
idle_start() {
    # Removed first, so an earlier instance's "ready" cannot be read.
    rm -f "$w/idle.out"
    "$@" </dev/null >"$w/idle.out" 2>&1 &
    idle_pid=$!
    for ((k = 0; k < 300; k++)); do
        grep -q ready "$w/idle.out" 2>/dev/null && return 0
        sleep 0.05
    done
    echo "ingot bench memory: idle guest never said ready:" >&2
    cat "$w/idle.out" >&2
    exit 1
}
idle_stop() { kill "$idle_pid" 2>/dev/null; wait "$idle_pid" 2>/dev/null || true; }
bench_cleanup_hooks+=(idle_stop)

bench_step "pico: resident memory of the tender and of ingot run ($samples samples)"
eval "tender_cmd=($("$INGOT" run --dry-run "$w/idle-pico"))"
rss=() pss=() run_rss=() own=()
for ((i = 0; i < samples; i++)); do
    idle_start "${tender_cmd[@]}"
    rss+=("$(kb $idle_pid VmRSS)") pss+=("$(kb $idle_pid Pss)")
    idle_stop
    idle_start "$INGOT" run "$w/idle-pico"
    child=$(ps -o pid= --ppid "$idle_pid" | awk 'NR == 1 { print $1 }') || true
    if [ -n "$child" ]; then
        run_rss+=("$(kb $idle_pid VmRSS)")
        own+=($(($(kb $idle_pid Pss_Anon) + $(kb "$child" Pss_Anon))))
    else # ingot run has become the tender: one process per guest
        run_rss+=(0)
        own+=("$(kb $idle_pid Pss_Anon)")
    fi
    idle_stop
done
bench_samples pico-rss "pico instance (tender VmRSS)" rss KiB "" \
    "idle guest, -m 64M" "${rss[@]}"
bench_samples pico-pss "pico instance (tender Pss)" pss KiB "" \
    "shared pages split between sharers" "${pss[@]}"
bench_samples ingot-run-rss "ingot run beside a pico guest (VmRSS)" rss KiB "" \
    "0: ingot run exec'd the tender (no parent left)" "${run_rss[@]}"
bench_samples pico-own "pico instance, its own memory (Pss_Anon)" pss KiB "" \
    "ingot run and tender: what no other instance shares" "${own[@]}"

bench_step "kvm: QEMU's resident memory with an idle guest ($samples samples)"
accel=$(bench_kvm_accel "$w/idle-kvm")
q=() qpss=() qown=()
for ((i = 0; i < samples; i++)); do
    # QEMU as ingot run starts it (which may change how QEMU's memory is
    # backed), measured while ingot run waits beside it.
    idle_start "$INGOT" run --accel "$INGOT_BENCH_ACCEL" "$w/idle-kvm"
    qpid=$(ps -o pid= --ppid "$idle_pid" | awk 'NR == 1 { print $1 }') || true
    q+=("$(kb "${qpid:-$idle_pid}" VmRSS)")
    qpss+=("$(kb "${qpid:-$idle_pid}" Pss)")
    qown+=("$(kb "${qpid:-$idle_pid}" Pss_Anon)")
    idle_stop
done
bench_samples qemu-rss "QEMU process, idle kvm guest (VmRSS)" rss KiB "" \
    "microvm, -m 64M, $accel" "${q[@]}"
bench_samples qemu-pss "QEMU process, idle kvm guest (Pss)" pss KiB "" \
    "shared pages split between sharers" "${qpss[@]}"
bench_samples qemu-own "QEMU process, its own memory (Pss_Anon)" pss KiB "" \
    "what no other instance shares" "${qown[@]}"
