# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# bench.sh: SQLite's part of `ingot bench apps` (toolchain/bench/apps.sh):
# speedtest1 from the source package, in memory (--memdb, so the figures
# compare the program and its allocator, not file systems), on every
# platform.  Rows: sqlite-speedtest1-PLATFORM, the CPU time of the run
# (user + system: on a loaded machine the fair figure), sqlite-total-PLATFORM
# the TOTAL speedtest1 prints (its own wall clock, boot excluded), and one
# row per test for the tests that stress allocation: inserts, index builds,
# VACUUM.  The memory suite asks the sqlite3 shell for a small workload
# (sqlite_bench_works).
sqlite_bench_steps=4
sqlite_bench_skip() { # PLATFORM WHY
    bench_skip "sqlite-speedtest1-$1" "speedtest1 ($1)" cpu_time s "$2"
}

sqlite_bench_on() { # PLATFORM DIR
    local plat=$1 dir=$2 runs=$INGOT_BENCH_RUNS size=100 i out totals=() cpu=()
    local t what vals
    [ "$INGOT_BENCH_QUICK" = 1 ] && runs=1 size=10
    : >"$bench_work/st-$plat.all"
    for ((i = 0; i < runs; i++)); do
        out=$bench_work/st-$plat.$i
        if ! apps_cpu apps_run $plat "$dir" speedtest1 --size "$size" \
            --memdb || ! cp "$apps_out" "$out" || ! grep -q TOTAL "$out"; then
            sqlite_bench_skip $plat "failed: $(tail -1 "$apps_out")"
            return
        fi
        cpu+=("$apps_cpu_s")
        totals+=("$(awk '/TOTAL/ { sub(/s$/, "", $NF); print $NF }' "$out")")
        cat "$out" >>"$bench_work/st-$plat.all"
    done
    bench_samples "sqlite-speedtest1-$plat" "speedtest1 --size $size ($plat), CPU" \
        cpu_time s "" "user + system of the run and its children" "${cpu[@]}"
    bench_samples "sqlite-total-$plat" "speedtest1 --size $size ($plat), TOTAL" \
        time s "" "TOTAL as speedtest1 reports it" "${totals[@]}"
    # "NNN - description.....   0.123s": inserts, indexes, VACUUM.
    for t in 100 110 120 150 180 200; do
        mapfile -t vals < <(awk -v t="$t" '$1 == t && $2 == "-" {
            v = $NF; sub(/s$/, "", v); print v }' "$bench_work/st-$plat.all")
        [ ${#vals[@]} -gt 0 ] || continue
        what=$(awk -v t="$t" '$1 == t && $2 == "-" { $1 = $2 = ""; $NF = "";
            sub(/\.+ *$/, ""); sub(/^ +/, ""); print; exit }' "$bench_work/st-$plat.all")
        bench_samples "sqlite-st$t-$plat" "speedtest1 $t $what ($plat)" \
            time s "" "" "${vals[@]}"
    done
}

bench_app_sqlite() {
    local size=100
    [ "$INGOT_BENCH_QUICK" = 1 ] && size=10
    apps_each_platform sqlite "speedtest1 --size $size --memdb" \
        sqlite_bench_skip sqlite_bench_on
}

# 10,000 rows written in one transaction to an in-memory database, an
# index built on them, a join and aggregates read back.
sqlite_bench_job="run a 10,000-row SQL workload in the sqlite3 shell"
sqlite_bench_sql="CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT); BEGIN; \
WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000) \
INSERT INTO t SELECT x, hex(randomblob(16)) FROM c; COMMIT; CREATE INDEX tb ON t(b); \
SELECT count(*), sum(t.a), count(DISTINCT u.b) FROM t JOIN t AS u ON u.a = 10001 - t.a;"
sqlite_bench_works() { # PLATFORM DIR MIB
    bench_guest_run "$1" "$3" "$2/sqlite3" -- :memory: "$sqlite_bench_sql" &&
        grep -q '^10000|50005000|10000' "$bench_guest_out" && return 0
    bench_works_why=$(tail -1 "$bench_guest_out")
    return 1
}
