#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# density.sh: `ingot bench density`: how many httpd instances run at once.
#
# Per platform (pico, then kvm): start apps/httpd instances one after
# another, each answering GET / before the next starts, until the cap
# (INGOT_BENCH_CAP, default 2000 pico / 64 kvm; 3 with --quick), an
# instance that fails to start, or MemAvailable falling under 1 GiB.
# Rows: ID-count (instances at once), ID-mem (Pss of each instance's
# processes, ingot run and the tender or QEMU, averaged; KiB), and
# ID-start: start-to-first-answer time of instance x.
source "$(dirname "$0")/lib.sh"

bench_init density 2
reserve_kb=$((1024 * 1024))
mem_avail() { awk '$1 == "MemAvailable:" { print $2 }' /proc/meminfo; }
# total_pss PID...: the Pss (KiB) of the PIDs and their children (the
# tender, QEMU) together; one ps for the process tree, however many.
total_pss() {
    local p pp files=()
    declare -A want
    for p in "$@"; do want[$p]=1; done
    while read -r p pp; do
        if [ -n "${want[$p]:-}" ] || [ -n "${want[$pp]:-}" ]; then
            files+=("/proc/$p/smaps_rollup")
        fi
    done < <(ps -e -o pid=,ppid=)
    awk '$1 == "Pss:" { s += $2 } END { print s + 0 }' "${files[@]}" \
        2>/dev/null || true
}
pids=()
stop_all() {
    local p
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    pids=()
}
bench_cleanup_hooks+=(stop_all)

for p in pico kvm; do
    cap=$INGOT_BENCH_CAP
    if [ -z "$cap" ]; then
        cap=2000
        [ $p = kvm ] && cap=64
        [ "$INGOT_BENCH_QUICK" = 1 ] && cap=3
    fi
    bench_step "$p: httpd instances until $cap, a failure or memory runs out"
    why=$(bench_httpd_why $p)
    if [ -z "$why" ] && ! bench_build_app "$bench_dir/apps/httpd" $p \
        "$bench_work/httpd-$p"; then
        why="ingot-cc failed: $(head -1 "$bench_work/httpd-$p.log")"
    fi
    if [ -n "$why" ]; then
        bench_skip $p-count "httpd on $p, instances at once" instances count "$why"
        bench_skip $p-mem "httpd on $p, memory per instance" mem KiB "$why"
        bench_skip $p-start "httpd on $p, start to first answer" start_ms ms "$why"
        continue
    fi
    before=$(mem_avail) n=0 stop="cap of $cap reached"
    while [ $n -lt "$cap" ]; do
        if [ "$(mem_avail)" -lt $reserve_kb ]; then
            stop="MemAvailable under 1 GiB"
            break
        fi
        if ! bench_httpd_start $p "$bench_work/httpd-$p" 16; then
            stop="instance $((n + 1)) did not answer"
            break
        fi
        pids+=("$bench_httpd_pid")
        n=$((n + 1))
        bench_value $p-start "httpd on $p, start to first answer" start_ms ms \
            $n "$bench_httpd_ms"
        [ $((n % 50)) = 0 ] && bench_note "$p: $n instances running"
    done
    after=$(mem_avail)
    bench_note "$p: stopped at $n instances: $stop"
    bench_value $p-count "httpd on $p, instances at once" instances count "" \
        $n "$stop"
    if [ $n -gt 0 ]; then
        pss=$(total_pss "${pids[@]}")
        bench_value $p-mem "httpd on $p, memory per instance" mem KiB "" \
            $((pss / n)) "Pss of ingot run and its child, -m 16M; MemAvailable fell $(((before - after) / n)) KiB per instance"
    else
        bench_skip $p-mem "httpd on $p, memory per instance" mem KiB "$stop"
    fi
    stop_all
done
