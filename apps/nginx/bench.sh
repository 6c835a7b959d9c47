# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# bench.sh: nginx's part of `ingot bench apps` (toolchain/bench/apps.sh):
# nginx (daemon off, master_process off, one process) serving a small
# index.html under wrk (1 thread, 16 connections) on every platform.  pico
# is reached on a tap in the bench's namespace, kvm through a forwarded
# port, native on 127.0.0.1, runc inside the container's network
# namespace.  Rows: nginx-rps-PLATFORM (requests/s), nginx-p99-PLATFORM.
# For the memory suite, nginx_bench_works: nginx answers GET / and sends a
# 1 MiB file whole.
nginx_bench_steps=4

# nginx_bench_root DIR PORT LOG: a root file system for nginx listening on
# PORT with its error log at LOG (the site is DIR/srv).
nginx_bench_root() {
    mkdir -p "$1/etc/nginx" "$1/srv" "$1/tmp"
    echo '<h1>Ingot bench</h1>' >"$1/srv/index.html"
    head -c 1048576 /dev/zero | tr '\0' x >"$1/srv/1m.bin"
    # nginx started as root looks up its `user` (nobody/nogroup).
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' \
        >"$1/etc/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' >"$1/etc/group"
    cat >"$1/etc/nginx/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
error_log $3 warn;
pid /tmp/nginx.pid;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    keepalive_timeout 65;
    server { listen $2; root $1/srv; }
}
CONF
}

# nginx_bench_guest PLATFORM ROOT MEM DIR: boots DIR/nginx from ROOT with
# -m MEM in the background; sets pid, url and in (the command prefix that
# reaches the guest).  pico uses the tap bench_tap_make made last.
nginx_bench_guest() {
    local plat=$1 r=$2 mem=$3 dir=$4 port
    in=()
    if [ $plat = pico ]; then
        in=(ip netns exec "$bench_ns")
        url=http://$bench_tap_guest/
        "${in[@]}" "$INGOT" run -m "$mem" --net "tap:$bench_tap" \
            --ip "$bench_tap_guest/30" --gw "$bench_tap_host" \
            --rootfs "$r" "$dir/nginx" </dev/null >"$r.out" 2>&1 &
    else
        port=$(bench_free_port)
        url=http://127.0.0.1:$port/
        "$INGOT" run --accel "$INGOT_BENCH_ACCEL" -m "$mem" \
            -p "127.0.0.1:$port:80" --rootfs "$r" "$dir/nginx" \
            </dev/null >"$r.out" 2>&1 &
    fi
    pid=$!
}

# nginx_bench_answers: 0 when GET / answers within 60 s (of polling).
nginx_bench_answers() {
    local k
    for ((k = 0; k < 600; k++)); do
        "${in[@]}" curl -fs -o /dev/null -m 1 "$url" && return 0
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

# nginx_bench_guest_root ROOT: a root file system for a guest's nginx
# (port 80, the site at /srv).
nginx_bench_guest_root() {
    nginx_bench_root "$1" 80 /tmp/error.log
    sed -i "s|root $1/srv|root /srv|" "$1/etc/nginx/nginx.conf"
}

nginx_bench_job="serve GET / and a 1 MiB file"
nginx_bench_works() { # PLATFORM DIR MIB
    local plat=$1 r=$bench_work/nginx-min-$1 pid url in=() got=
    [ -d "$r" ] || nginx_bench_guest_root "$r"
    if [ $plat = pico ] && ! bench_tap_make; then
        bench_works_why="no tap device"
        return 1
    fi
    nginx_bench_guest $plat "$r" "${3}M" "$2"
    if nginx_bench_answers; then
        got=$("${in[@]}" curl -fs -m 20 -o /dev/null -w '%{size_download}' \
            "${url}1m.bin" 2>/dev/null) || true
    fi
    kill $pid 2>/dev/null || true
    wait $pid 2>/dev/null || true
    [ "$got" = 1048576 ] && return 0
    bench_works_why="GET /1m.bin: ${got:-no answer} bytes; $(tail -1 "$r.out")"
    return 1
}

nginx_bench_skip() { # PLATFORM WHY
    bench_skip "nginx-rps-$1" "nginx ($1)" rps req/s "$2"
    bench_skip "nginx-p99-$1" "nginx ($1)" latency_p99 ms "$2"
}

nginx_bench_on() { # PLATFORM DIR
    local plat=$1 pid url dur=10s in=() r cpid
    [ "$INGOT_BENCH_QUICK" = 1 ] && dur=2s
    r=$bench_work/nginx-$plat
    rm -rf "$r"
    case $plat in
    pico | kvm)
        # In the guest the root file system is /.
        nginx_bench_guest_root "$r"
        if [ $plat = pico ]; then
            bench_tap_make || { nginx_bench_skip $plat "no tap device"; return; }
        fi
        nginx_bench_guest $plat "$r" 64M "$2"
        ;;
    native)
        local port
        port=$(bench_free_port)
        url=http://127.0.0.1:$port/
        nginx_bench_root "$r" "$port" "$r/error.log"
        "$apps_dir/nginx" -e "$r/error.log" -p "$r/" \
            -c "$r/etc/nginx/nginx.conf" </dev/null >"$r.out" 2>&1 &
        pid=$!
        ;;
    runc)
        nginx_bench_root "$r" 80 /tmp/error.log
        # runc's default bundle has no CAP_CHOWN: nginx as root keeps
        # its temporary directories its own (chown to the same owner).
        sed -i -e "s|root $r/srv|root /srv|" -e '1i user root;' \
            "$r/etc/nginx/nginx.conf"
        bench_runc_bundle "$r.bundle" "$apps_dir/nginx" -e /tmp/error.log \
            >/dev/null
        cp -r "$r/etc" "$r/srv" "$r/tmp" "$r.bundle/rootfs/"
        sed -i 's/"readonly": true/"readonly": false/' "$r.bundle/config.json"
        runc run -b "$r.bundle" "ingot-bench-nginx-$$" </dev/null >"$r.out" 2>&1 &
        pid=$!
        cpid=$(bench_runc_pid "ingot-bench-nginx-$$")
        in=(nsenter -t "${cpid:-0}" -n)
        url=http://127.0.0.1/
        ;;
    esac
    if ! nginx_bench_answers; then
        nginx_bench_skip $plat "nginx did not answer: $(tail -1 "$r.out")"
    else
        "${in[@]}" wrk -t1 -c16 -d"$dur" --latency "$url" >"$r.wrk" 2>&1 || true
        local rps p99
        rps=$(awk '/^Requests\/sec:/ { print $2 }' "$r.wrk")
        p99=$(awk '$1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u)
            sub(/[a-z]+$/, "", v); if (u == "us") v /= 1000
            else if (u == "s") v *= 1000; printf "%.3f", v }' "$r.wrk")
        if [ -n "$rps" ]; then
            bench_value "nginx-rps-$plat" "nginx ($plat)" rps req/s "" \
                "$rps" "wrk -t1 -c16 -d$dur GET /index.html"
            bench_value "nginx-p99-$plat" "nginx ($plat)" latency_p99 ms \
                "" "$p99" "99th percentile"
        else
            nginx_bench_skip $plat "wrk failed: $(tail -1 "$r.wrk")"
        fi
    fi
    if [ $plat = runc ]; then
        bench_runc_stop "ingot-bench-nginx-$$" $pid
    else
        kill $pid 2>/dev/null || true
        wait $pid 2>/dev/null || true
    fi
}

bench_app_nginx() {
    local plat
    if ! command -v wrk >/dev/null; then
        for plat in $(apps_platforms); do nginx_bench_skip $plat "wrk not installed"; done
        return
    fi
    apps_each_platform nginx wrk nginx_bench_skip nginx_bench_on
}
