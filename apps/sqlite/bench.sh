# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# bench.sh: SQLite's part of `ingot bench apps` (toolchain/bench/apps.sh):
# speedtest1 from the source package, in memory (--memdb, so the figures
# compare the program and its allocator, not file systems), on every
# platform.  Rows: sqlite-speedtest1-PLATFORM, the CPU time of the run
# (user + system: on a loaded machine the fair figure), sqlite-total-PLATFORM
# the TOTAL speedtest1 prints (its own wall clock, boot excluded), and one
# row per test for the tests that stress allocation: inserts, index builds,
# VACUUM.
sqlite_bench_steps=4
bench_app_sqlite() {
    local plat dir runs=$INGOT_BENCH_RUNS size=100 i out totals cpu
    [ "$INGOT_BENCH_QUICK" = 1 ] && runs=1 size=10
    for plat in $(apps_platforms); do
        bench_step "sqlite: speedtest1 --size $size --memdb on $plat"
        if ! apps_build sqlite $plat; then
            bench_skip "sqlite-speedtest1-$plat" "speedtest1 ($plat)" cpu_time s "$apps_why"
            continue
        fi
        dir=$apps_dir
        totals=() cpu=()
        : >"$bench_work/st-$plat.all"
        for ((i = 0; i < runs; i++)); do
            out=$bench_work/st-$plat.$i
            if ! apps_cpu apps_run $plat "$dir" speedtest1 --size "$size" \
                --memdb || ! cp "$apps_out" "$out" || ! grep -q TOTAL "$out"; then
                totals=()
                break
            fi
            cpu+=("$apps_cpu_s")
            totals+=("$(awk '/TOTAL/ { sub(/s$/, "", $NF); print $NF }' "$out")")
            cat "$out" >>"$bench_work/st-$plat.all"
        done
        if [ ${#totals[@]} = 0 ]; then
            bench_skip "sqlite-speedtest1-$plat" "speedtest1 ($plat)" cpu_time s \
                "failed: $(tail -1 "$out")"
            continue
        fi
        bench_samples "sqlite-speedtest1-$plat" "speedtest1 --size $size ($plat), CPU" \
            cpu_time s "" "user + system of the run and its children" "${cpu[@]}"
        bench_samples "sqlite-total-$plat" "speedtest1 --size $size ($plat), TOTAL" \
            time s "" "TOTAL as speedtest1 reports it" "${totals[@]}"
        # "NNN - description.....   0.123s": inserts, indexes, VACUUM.
        local t
        for t in 100 110 120 150 180 200; do
            mapfile -t vals < <(awk -v t="$t" '$1 == t && $2 == "-" {
                v = $NF; sub(/s$/, "", v); print v }' "$bench_work/st-$plat.all")
            [ ${#vals[@]} -gt 0 ] || continue
            local what
            what=$(awk -v t="$t" '$1 == t && $2 == "-" { $1 = $2 = ""; $NF = "";
                sub(/\.+ *$/, ""); sub(/^ +/, ""); print; exit }' "$bench_work/st-$plat.all")
            bench_samples "sqlite-st$t-$plat" "speedtest1 $t $what ($plat)" \
                time s "" "" "${vals[@]}"
        done
    done
    [ -z "$apps_runc_why" ] || bench_skip sqlite-speedtest1-runc \
        "speedtest1 (runc)" cpu_time s "$apps_runc_why"
}
