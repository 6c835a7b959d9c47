# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# bench.sh: redis's part of `ingot bench apps` (toolchain/bench/apps.sh):
# redis-server under the native redis-benchmark (SET and GET, 50 clients,
# plain and pipelined -P 16) on every platform.  pico is reached on a tap
# in the bench's namespace, kvm through a forwarded port (QEMU user
# networking), native on 127.0.0.1, runc inside the container's own
# network namespace.  Rows: redis-{set,get}[-p16]-PLATFORM (requests/s).
# For the memory suite, redis_bench_works: the server answers PING, SET
# and GET from the native redis-cli.
redis_bench_steps=5

# redis_bench_load PLATFORM HOST PORT: the four rows, redis-benchmark
# running under "${redis_in[@]}".
redis_bench_load() {
    local plat=$1 host=$2 port=$3 n=100000 p t rps out limit=600
    [ "$INGOT_BENCH_QUICK" = 1 ] && n=20000 limit=60
    for p in 1 16; do
        out=$bench_work/redis-bench-$plat-$p
        # A failed run is a skipped row saying why, not the end of the
        # suite (and of the guest's owner: it would outlive the bench).
        "${redis_in[@]}" timeout $limit "$redis_native/redis-benchmark" \
            -h "$host" -p "$port" -t set,get -n $n -c 50 -P $p -q \
            >"$out" 2>&1 </dev/null || echo "(redis-benchmark status $?)" >>"$out"
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

# redis_cli ARGS...: the native redis-cli against the server last started
# (10 s at most: a guest that stopped leaves no one to refuse the connection).
redis_cli() {
    timeout 10 "${redis_in[@]}" "$redis_native/redis-cli" -h "$redis_host" \
        -p "$redis_port" "$@" 2>/dev/null </dev/null
}

# redis_ready: until PING answers PONG (60 s at most) while the server
# runs.
redis_ready() {
    local i
    for ((i = 0; i < 600; i++)); do
        kill -0 "$redis_pid" 2>/dev/null || return 1
        [ "$(redis_cli PING)" = PONG ] && return 0
        sleep 0.1
    done
    return 1
}

# redis_start PLATFORM DIR MIB: starts DIR/redis-server (pico, kvm:
# `ingot run -m MIBM`) without persistence; sets redis_pid, redis_in,
# redis_host, redis_port.  Returns 1 without a tap for pico.
redis_start() {
    local plat=$1 dir=$2 mib=$3 cpid
    local srv=(--protected-mode no --save "" --appendonly no)
    redis_in=()
    case $plat in
    pico)
        bench_tap_make || return 1
        redis_in=(ip netns exec "$bench_ns")
        redis_host=$bench_tap_guest redis_port=6379
        "${redis_in[@]}" "$INGOT" run -m "${mib}M" --net "tap:$bench_tap" \
            --mac "$bench_tap_mac" --ip "$bench_tap_guest/30" \
            --gw "$bench_tap_host" "$dir/redis-server" -- "${srv[@]}" \
            </dev/null >"$bench_work/redis-$plat.out" 2>&1 &
        ;;
    kvm)
        redis_host=127.0.0.1 redis_port=$(bench_free_port)
        "$INGOT" run --accel "$INGOT_BENCH_ACCEL" -m "${mib}M" \
            -p "127.0.0.1:$redis_port:6379" "$dir/redis-server" \
            -- "${srv[@]}" </dev/null >"$bench_work/redis-$plat.out" 2>&1 &
        ;;
    native)
        redis_host=127.0.0.1 redis_port=$(bench_free_port)
        "$dir/redis-server" --port "$redis_port" "${srv[@]}" </dev/null \
            >"$bench_work/redis-$plat.out" 2>&1 &
        ;;
    runc)
        local b=$bench_work/runc-redis
        redis_runc=ingot-bench-redis-$$
        rm -rf "$b"
        bench_runc_bundle "$b" "$dir/redis-server" "${srv[@]}" >/dev/null
        runc run -b "$b" "$redis_runc" </dev/null \
            >"$bench_work/redis-$plat.out" 2>&1 &
        cpid=$(bench_runc_pid "$redis_runc")
        redis_in=(nsenter -t "${cpid:-0}" -n)
        redis_host=127.0.0.1 redis_port=6379
        ;;
    esac
    redis_pid=$!
}

redis_stop() { # PLATFORM
    if [ "$1" = runc ]; then
        bench_runc_stop "$redis_runc" "$redis_pid"
    else
        kill "$redis_pid" 2>/dev/null || true
        wait "$redis_pid" 2>/dev/null || true
    fi
}

# redis_bench_native: the native build's redis-cli and redis-benchmark
# (built once per bench run); sets redis_native.  1 with apps_why when
# that build failed.
redis_bench_native() {
    apps_build redis native || return 1
    redis_native=$apps_dir
}

redis_bench_job="serve PING, SET and GET over the network"
redis_bench_works() { # PLATFORM DIR MIB
    local ok=1
    if ! redis_bench_native; then
        bench_works_why="no redis-cli: $apps_why"
        return 1
    fi
    if ! redis_start "$1" "$2" "$3"; then
        bench_works_why="no tap device"
        return 1
    fi
    redis_ready && [ "$(redis_cli SET k v)" = OK ] &&
        [ "$(redis_cli GET k)" = v ] && ok=0
    redis_stop "$1"
    [ $ok = 0 ] || bench_works_why=$(tail -1 "$bench_work/redis-$1.out")
    return $ok
}

bench_app_redis() {
    local plat
    bench_step "redis: native build (redis-cli, redis-benchmark)"
    if ! redis_bench_native; then
        for plat in $(apps_platforms); do redis_bench_skip $plat "$apps_why"; done
        return
    fi
    for plat in $(apps_platforms); do
        bench_step "redis: redis-benchmark on $plat"
        if ! apps_build redis $plat; then
            redis_bench_skip $plat "$apps_why"
            continue
        fi
        if ! redis_start $plat "$apps_dir" 64; then
            redis_bench_skip $plat "no tap device"
            continue
        fi
        if redis_ready; then
            redis_bench_load $plat "$redis_host" "$redis_port"
        else
            redis_bench_skip $plat "redis-server did not answer: $(tail -1 \
                "$bench_work/redis-$plat.out")"
        fi
        redis_stop $plat
    done
}
