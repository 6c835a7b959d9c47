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
    local plat dir runs=$INGOT_BENCH_RUNS cpu wall i
    [ "$INGOT_BENCH_QUICK" = 1 ] && runs=1
    for plat in $(apps_platforms); do
        bench_step "lua: CPU-bound script on $plat"
        if ! apps_build lua $plat; then
            bench_skip "lua-cpu-$plat" "Lua script ($plat)" cpu_time s "$apps_why"
            continue
        fi
        dir=$apps_dir
        cpu=() wall=()
        for ((i = 0; i < runs; i++)); do
            if ! apps_cpu apps_run $plat "$dir" lua -e "$lua_bench_script"; then
                cpu=()
                break
            fi
            cpu+=("$apps_cpu_s") wall+=("$apps_wall_ms")
        done
        if [ ${#cpu[@]} = 0 ]; then
            bench_skip "lua-cpu-$plat" "Lua script ($plat)" cpu_time s \
                "failed: $(tail -1 "$apps_out")"
            continue
        fi
        bench_samples "lua-cpu-$plat" "Lua CPU-bound script ($plat), CPU" \
            cpu_time s "" "user + system of the run and its children" "${cpu[@]}"
        bench_samples "lua-wall-$plat" "Lua CPU-bound script ($plat), wall" \
            wall_time ms "" "exec to exit, host clock" "${wall[@]}"
    done
    [ -z "$apps_runc_why" ] || bench_skip lua-cpu-runc "Lua script (runc)" \
        cpu_time s "$apps_runc_why"
}
