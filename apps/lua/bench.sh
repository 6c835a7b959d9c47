# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# bench.sh: Lua's part of `ingot bench apps` (toolchain/bench/apps.sh): a
# CPU-bound script (recursion, tables, strings, sorting, closures; no I/O)
# timed from the host, exec to exit, on every platform; and what the
# memory suite asks of Lua (lua_bench_works): a script that allocates.
lua_bench_steps=4
# One line without double quotes or backslashes: it travels as an argument,
# through runc's config.json too.
lua_bench_script="local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end \
local t = {} for i = 1, 200000 do t[i] = string.format('%08x', (i * 2654435761) % 4294967296) end \
table.sort(t) local words = {} for i = 1, 100000 do words[#words + 1] = t[i]:sub(1, 3) end \
local count = {} for _, w in ipairs(words) do count[w] = (count[w] or 0) + 1 end \
local acc = 0 for i = 1, 3000000 do acc = (acc + i * i) % 1000003 end \
print(fib(27), t[1], #words, acc)"
lua_bench_skip() { # PLATFORM WHY
    bench_skip "lua-cpu-$1" "Lua script ($1)" cpu_time s "$2"
}

lua_bench_on() { # PLATFORM DIR
    local plat=$1 dir=$2 runs=$INGOT_BENCH_RUNS cpu=() wall=() i
    [ "$INGOT_BENCH_QUICK" = 1 ] && runs=1
    for ((i = 0; i < runs; i++)); do
        if ! apps_cpu apps_run $plat "$dir" lua -e "$lua_bench_script"; then
            lua_bench_skip $plat "failed: $(tail -1 "$apps_out")"
            return
        fi
        cpu+=("$apps_cpu_s") wall+=("$apps_wall_ms")
    done
    bench_samples "lua-cpu-$plat" "Lua CPU-bound script ($plat), CPU" \
        cpu_time s "" "user + system of the run and its children" "${cpu[@]}"
    bench_samples "lua-wall-$plat" "Lua CPU-bound script ($plat), wall" \
        wall_time ms "" "exec to exit, host clock" "${wall[@]}"
}

bench_app_lua() {
    apps_each_platform lua "CPU-bound script" lua_bench_skip lua_bench_on
}

# 20,000 distinct 32-byte strings in a table, sorted, joined: about 2 MiB
# live at once (strings, the table, the concatenation's buffer).
lua_bench_job="run a Lua script holding 20,000 strings"
lua_bench_alloc="local t = {} for i = 1, 20000 do t[i] = string.format('%08d', i * 7919 % 20011):rep(4) end \
table.sort(t) local s = table.concat(t) collectgarbage() print('alloc', #t, #s, t[1])"
lua_bench_works() { # PLATFORM DIR MIB
    bench_guest_run "$1" "$3" "$2/lua" -- -e "$lua_bench_alloc" &&
        grep -Eq '^alloc\s+20000\s+640000\s' "$bench_guest_out" && return 0
    bench_works_why=$(tail -1 "$bench_guest_out")
    return 1
}
