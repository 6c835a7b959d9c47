# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# bench.sh: redis's part of `ingot bench apps` (toolchain/bench/apps.sh):
# redis-server under the native redis-benchmark (SET and GET, 50 clients,
# plain and pipelined -P 16) on every platform.  pico is reached on a tap
# in the bench's namespace, kvm through a forwarded port (QEMU user
# networking), native on 127.0.0.1, runc inside the container's own
# network namespace.  Rows: redis-{set,get}[-p16]-PLATFORM, requests/s.
redis_bench_steps=4

# redis_bench_load ID LABEL HOST PORT: the four rows, redis-benchmark
# running under "${redis_in[@]}".
redis_bench_load() {
    local plat=$1 host=$2 port=$3 n=100000 p t rps out
    [ "$INGOT_BENCH_QUICK" = 1 ] && n=20000
    for p in 1 16; do
        out=$bench_work/redis-bench-$plat-$p
        "${redis_in[@]}" "$redis_native/redis-benchmark" -h "$host" -p "$port" \
            -t set,get -n $n -c 50 -P $p -q >"$out" 2>&1 </dev/null
        for t in SET GET; do
            local id=redis-${t,,}$([ $p = 16 ] && echo -p16)-$plat
            local label="redis $t$([ $p = 16 ] && echo ', -P 16') ($plat)"
            rps=$(tr '\r' '\n' <"$out" | awk -v t="$t:" '$1 == t &&
                /requests per second/ { print $2 }' | tail -1)
            if [ -n "$rps" ]; then
                bench_value "$id" "$label" rps req/s "" "$rps" \
                    "redis-benchmark -t set,get -n $n -c 50 -P $p"
            else
                bench_skip "$id" "$label" rps req/s \
                    "redis-benchmark failed: $(tail -1 "$out")"
            fi
        done
    done
}

redis_bench_skip() { # PLATFORM WHY
    local t p
    for t in set get; do
        for p in "" -p16; do
            bench_skip "redis-$t$p-$1" "redis ${t^^}$p ($1)" rps req/s "$2"
        done
    done
}

# redis_ready HOST PORT: until PING answers PONG (60 s at most).
redis_ready() {
    local i
    for ((i = 0; i < 600; i++)); do
        [ "$("${redis_in[@]}" "$redis_native/redis-cli" -h "$1" -p "$2" \
            PING 2>/dev/null)" = PONG ] && return 0
        sleep 0.1
    done
    return 1
}

bench_app_redis() {
    local plat pid port host srv=(--protected-mode no --save "" --appendonly no)
    bench_step "redis: native build (redis-cli, redis-benchmark)"
    if ! apps_build redis native; then
        for plat in $(apps_platforms); do redis_bench_skip $plat "$apps_why"; done
        return
    fi
    redis_native=$apps_dir
    for plat in $(apps_platforms); do
        bench_step "redis: redis-benchmark on $plat"
        redis_in=()
        if ! apps_build redis $plat; then
            redis_bench_skip $plat "$apps_why"
            continue
        fi
        case $plat in
        pico)
            bench_tap_make || { redis_bench_skip $plat "no tap device"; continue; }
            redis_in=(ip netns exec "$bench_ns")
            host=$bench_tap_guest port=6379
            "${redis_in[@]}" "$INGOT" run -m 64M --net "tap:$bench_tap" \
                --ip "$bench_tap_guest/30" --gw "$bench_tap_host" \
                "$apps_dir/redis-server" -- "${srv[@]}" </dev/null \
                >"$bench_work/redis-$plat.out" 2>&1 &
            pid=$!
            ;;
        kvm)
            host=127.0.0.1 port=$(bench_free_port)
            "$INGOT" run --accel "$INGOT_BENCH_ACCEL" -m 64M \
                -p "127.0.0.1:$port:6379" "$apps_dir/redis-server" \
                -- "${srv[@]}" </dev/null >"$bench_work/redis-$plat.out" 2>&1 &
            pid=$!
            ;;
        native)
            host=127.0.0.1 port=$(bench_free_port)
            "$apps_dir/redis-server" --port "$port" "${srv[@]}" </dev/null \
                >"$bench_work/redis-$plat.out" 2>&1 &
            pid=$!
            ;;
        runc)
            local b=$bench_work/runc-redis name=ingot-bench-redis-$$ cpid k
            rm -rf "$b"
            bench_runc_bundle "$b" "$apps_dir/redis-server" --protected-mode \
                no --save "" --appendonly no >/dev/null
            runc run -b "$b" "$name" </dev/null >"$bench_work/redis-$plat.out" 2>&1 &
            pid=$!
            for ((k = 0; k < 200; k++)); do
                cpid=$(runc state "$name" 2>/dev/null |
                    sed -n 's/^ *"pid": \([0-9]*\),*$/\1/p') || true
                [ -n "$cpid" ] && [ "$cpid" != 0 ] && break
                sleep 0.05
            done
            redis_in=(nsenter -t "${cpid:-0}" -n)
            host=127.0.0.1 port=6379
            ;;
        esac
        if redis_ready "$host" "$port"; then
            redis_bench_load $plat "$host" "$port"
        else
            redis_bench_skip $plat "redis-server did not answer: $(tail -1 "$bench_work/redis-$plat.out")"
        fi
        if [ $plat = runc ]; then
            runc kill "ingot-bench-redis-$$" KILL 2>/dev/null || true
            wait $pid 2>/dev/null || true
            runc delete -f "ingot-bench-redis-$$" 2>/dev/null || true
        else
            kill $pid 2>/dev/null || true
            wait $pid 2>/dev/null || true
        fi
    done
}
