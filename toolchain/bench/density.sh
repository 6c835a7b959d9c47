#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# density.sh: `ingot bench density`: how many httpd instances run at once.
#
# Per platform (pico, then kvm; INGOT_BENCH_PLATFORMS="kvm" for one): start
# apps/httpd instances one after another, each answering GET / before the
# next starts, until the cap (INGOT_BENCH_CAP, default 2000 pico / 64 kvm;
# 3 with --quick), an instance that fails to start, or MemAvailable falling
# under INGOT_BENCH_KEEP_FREE_MIB (default 1024).  Rows: ID-count
# (instances at once), ID-mem (Pss of each instance's processes, ingot run
# and the tender or QEMU, averaged; KiB), ID-own (their Pss_Anon: what no
# other instance shares), ID-avail (MemAvailable's fall per instance, which
# also counts the kernel's side: page tables, tasks, sockets, taps),
# ID-idle-cpu (the CPU all instances use together while idle, per instance,
# in % of one core) and ID-start: start-to-first-answer time of instance x.
source "$(dirname "$0")/lib.sh"

platforms=${INGOT_BENCH_PLATFORMS:-pico kvm}
bench_init density $(wc -w <<<"$platforms")
keep_mib=${INGOT_BENCH_KEEP_FREE_MIB:-1024}
reserve_kb=$((keep_mib * 1024))
idle_s=10
[ "$INGOT_BENCH_QUICK" = 1 ] && idle_s=2
mem_avail() { awk '$1 == "MemAvailable:" { print $2 }' /proc/meminfo; }
# tree_pids PID...: the PIDs and their children (the tender, QEMU), one
# per line; one ps for the process tree, however many.
tree_pids() {
    local p pp
    declare -A want
    for p in "$@"; do want[$p]=1; done
    while read -r p pp; do
        if [ -n "${want[$p]:-}" ] || [ -n "${want[$pp]:-}" ]; then
            echo "$p"
        fi
    done < <(ps -e -o pid=,ppid=)
}
# sum_rollup FIELD PID...: FIELD of smaps_rollup (KiB) summed over PIDs.
sum_rollup() {
    local k=$1
    shift
    (($# == 0)) && { echo 0; return; }
    # xargs runs awk once per few thousand files: one sum each, added up.
    printf '/proc/%s/smaps_rollup\n' "$@" | xargs awk -v k="$k:" \
        '$1 == k { s += $2 } END { print s + 0 }' 2>/dev/null |
        awk '{ s += $1 } END { print s + 0 }'
}
# cpu_ticks PID...: user + system time of PIDs (clock ticks) summed.
cpu_ticks() {
    (($# == 0)) && { echo 0; return; }
    printf '/proc/%s/stat\n' "$@" | xargs cat 2>/dev/null |
        awk '{ sub(/^.*\) /, ""); s += $12 + $13 } END { print s + 0 }'
}
pids=()
stop_all() {
    ((${#pids[@]} == 0)) || bench_stop_pids "${pids[@]}"
    pids=()
}
bench_cleanup_hooks+=(stop_all)

for p in $platforms; do
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
        bench_skip $p-own "httpd on $p, own memory per instance" pss KiB "$why"
        bench_skip $p-avail "httpd on $p, MemAvailable per instance" mem KiB "$why"
        bench_skip $p-idle-cpu "httpd on $p, idle CPU per instance" idle_cpu % "$why"
        bench_skip $p-start "httpd on $p, start to first answer" start_ms ms "$why"
        continue
    fi
    before=$(mem_avail) n=0 stop="cap of $cap reached"
    while [ $n -lt "$cap" ]; do
        if [ "$(mem_avail)" -lt $reserve_kb ]; then
            stop="MemAvailable under $keep_mib MiB"
            break
        fi
        if ! bench_httpd_start $p "$bench_work/httpd-$p" 16; then
            stop="instance $((n + 1)) did not answer${bench_httpd_last:+: $bench_httpd_last}"
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
        mapfile -t all < <(tree_pids "${pids[@]}")
        pss=$(sum_rollup Pss "${all[@]}")
        own=$(sum_rollup Pss_Anon "${all[@]}")
        bench_value $p-mem "httpd on $p, memory per instance" mem KiB "" \
            $((pss / n)) "Pss of ingot run and its child, -m 16M; MemAvailable fell $(((before - after) / n)) KiB per instance"
        bench_value $p-own "httpd on $p, own memory per instance" pss KiB "" \
            $((own / n)) "Pss_Anon of the same processes: what no other instance shares"
        bench_value $p-avail "httpd on $p, MemAvailable per instance" mem KiB "" \
            $(((before - after) / n)) "MemAvailable's fall over $n instances, kernel memory included (other work on the host counts too)"
        bench_note "$p: $n instances idle for $idle_s s"
        c0=$(cpu_ticks "${all[@]}") t0=$(bench_us)
        sleep "$idle_s"
        c1=$(cpu_ticks "${all[@]}") t1=$(bench_us)
        hz=$(getconf CLK_TCK)
        bench_value $p-idle-cpu "httpd on $p, idle CPU per instance" idle_cpu % "" \
            "$(awk -v c=$((c1 - c0)) -v hz="$hz" -v us=$((t1 - t0)) -v n=$n \
                'BEGIN { printf "%.4f", c / hz / (us / 1e6) / n * 100 }')" \
            "user + system time of all $n instances' processes over $idle_s s, divided among them"
    else
        bench_skip $p-mem "httpd on $p, memory per instance" mem KiB "$stop"
        bench_skip $p-own "httpd on $p, own memory per instance" pss KiB "$stop"
        bench_skip $p-avail "httpd on $p, MemAvailable per instance" mem KiB "$stop"
        bench_skip $p-idle-cpu "httpd on $p, idle CPU per instance" idle_cpu % "$stop"
    fi
    stop_all
done
