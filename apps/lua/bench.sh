# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# bench.sh: Lua's part of `ingot bench apps` (toolchain/bench/apps.sh): a
# CPU-bound script (recursion, tables, strings, sorting, closures; no I/O)
# timed from the host, exec to exit, on every platform.
lua_bench_steps=4
# One line without double quotes or backslashes: it travels as an argument,
# through runc's config.json too.
lua_bench_script="local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end \
local t = {} for i = 1, 200000 do t[i] = string.format('%08x', (i * 2654435761) % 4294967296) end \
table.sort(t) local words = {} for i = 1, 100000 do words[#words + 1] = t[i]:sub(1, 3) end \
local count = {} for _, w in ipairs(words) do count[w] = (count[w] or 0) + 1 end \
local acc = 0 for i = 1, 3000000 do acc = (acc + i * i) % 1000003 end \
print(fib(27), t[1], #words, acc)"
bench_app_lua() {
    local plat dir runs=$INGOT_BENCH_RUNS samples i s
    [ "$INGOT_BENCH_QUICK" = 1 ] && runs=1
    for plat in $(apps_platforms); do
        bench_step "lua: CPU-bound script on $plat"
        if ! apps_build lua $plat; then
            bench_skip "lua-cpu-$plat" "Lua script ($plat)" wall_time ms "$apps_why"
            continue
        fi
        dir=$apps_dir
        samples=()
        for ((i = 0; i < runs; i++)); do
            s=$(bench_us)
            if ! apps_run $plat "$dir" lua -e "$lua_bench_script" \
                >"$bench_work/lua.out" 2>&1; then
                samples=()
                break
            fi
            samples+=("$(bench_ms_since "$s")")
        done
        if [ ${#samples[@]} = 0 ]; then
            bench_skip "lua-cpu-$plat" "Lua script ($plat)" wall_time ms \
                "failed: $(tail -1 "$bench_work/lua.out")"
        else
            bench_samples "lua-cpu-$plat" "Lua CPU-bound script ($plat)" \
                wall_time ms "" "exec to exit, host clock" "${samples[@]}"
        fi
    done
    [ -z "$apps_runc_why" ] || bench_skip lua-cpu-runc "Lua script (runc)" \
        wall_time ms "$apps_runc_why"
}
