#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# net.sh: `ingot bench net`: httpd under wrk on pico, kvm, native and runc.
#
# The same apps/httpd sources built for each; wrk (1 thread, 16
# connections, 10 s, or 2 s with --quick) against GET /.  Rows per ID
# (native, runc, pico, kvm): ID-rps (requests/s) and ID-p50, ID-p90,
# ID-p99 (latency percentiles, ms).
source "$(dirname "$0")/lib.sh"

bench_init net 4
dur=10s
[ "$INGOT_BENCH_QUICK" = 1 ] && dur=2s
w=$bench_work

# wrk_row ID LABEL URL: loads URL and writes the two rows; wrk runs under
# "${wrap[@]}" (in the network namespace of the server).
wrap=()
wrk_row() {
    local id=$1 label=$2 url=$3 rps p50 p90 p99 errs
    "${wrap[@]}" wrk -t1 -c16 -d"$dur" --latency "$url" >"$w/wrk.out" 2>&1 ||
        true
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$w/wrk.out")
    # Latency lines read like "50%  1.23ms" or "99%  12.00us".
    pct() {
        awk -v p="$1%" '$1 == p {
            v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
            if (u == "us") v /= 1000; else if (u == "s") v *= 1000
            printf "%.3f", v }' "$w/wrk.out"
    }
    p50=$(pct 50) p90=$(pct 90) p99=$(pct 99)
    if [ -z "$rps" ] || [ -z "$p50" ]; then
        bench_skip "$id-rps" "$label" rps req/s "wrk failed: $(tail -1 "$w/wrk.out")"
        return
    fi
    # Errors are part of the figure: wrk counts any answer as a request.
    errs=$(awk '/Non-2xx or 3xx responses:/ { printf "%s non-2xx; ", $NF }
        /Socket errors:/ { sub(/^ *Socket errors: */, ""); printf "socket errors: %s; ", $0 }
        ' "$w/wrk.out")
    bench_value "$id-rps" "$label" rps req/s "" "$rps" \
        "${errs}wrk -t1 -c16 -d$dur"
    bench_value "$id-p50" "$label" latency_p50 ms "" "$p50" "median latency"
    bench_value "$id-p90" "$label" latency_p90 ms "" "$p90" "90th percentile"
    bench_value "$id-p99" "$label" latency_p99 ms "" "$p99" "99th percentile"
}
skip_both() { # ID LABEL REASON
    bench_skip "$1-rps" "$2" rps req/s "$3"
    bench_skip "$1-p50" "$2" latency_p50 ms "$3"
    bench_skip "$1-p90" "$2" latency_p90 ms "$3"
    bench_skip "$1-p99" "$2" latency_p99 ms "$3"
}

app=$bench_dir/apps/httpd
base_why=
[ -d "$app" ] || base_why="apps/httpd not in this build"
[ -z "$base_why" ] && ! command -v wrk >/dev/null && base_why="wrk not installed"

bench_step "native httpd (gcc -static)"
native_why=$base_why
if [ -z "$native_why" ] && ! bench_build_app "$app" native "$w/httpd-native"; then
    native_why="gcc -static failed: $(head -1 "$w/httpd-native.log")"
fi
if [ -n "$native_why" ]; then
    skip_both native "httpd, native process" "$native_why"
elif bench_httpd_start native "$w/httpd-native" 0; then
    wrk_row native "httpd, native process" "$bench_httpd_url"
    bench_httpd_stop
else
    skip_both native "httpd, native process" "native httpd did not answer"
fi

bench_step "native httpd under runc run"
runc_why=$native_why
[ -z "$runc_why" ] && ! bench_have_runc && runc_why=$bench_runc_why
if [ -n "$runc_why" ]; then
    skip_both runc "httpd, container (runc run)" "$runc_why"
else
    # The container keeps its own network namespace (runc spec's default);
    # curl and wrk join it, so they reach the server over its loopback,
    # as they reach the native one over the host's.
    port=8080
    bench_runc_bundle "$w/bundle" "$w/httpd-native" -p "$port" -r /www
    cp -r "$bench_www" "$w/bundle/rootfs/www"
    runc run -b "$w/bundle" "ingot-bench-net-$$" </dev/null >/dev/null 2>&1 &
    rpid=$!
    # 60 s, as for the other servers: right after a density run the host
    # may still be tearing down thousands of instances (10 s was not
    # always enough then).
    ok=0
    for ((k = 0; k < 1200; k++)); do
        cpid=$(runc state "ingot-bench-net-$$" 2>/dev/null |
            sed -n 's/^ *"pid": \([0-9]*\),*$/\1/p') || true
        if [ -n "$cpid" ] && [ "$cpid" != 0 ] &&
            nsenter -t "$cpid" -n curl -fs -o /dev/null -m 2 \
                "http://127.0.0.1:$port/"; then
            ok=1
            break
        fi
        sleep 0.05
    done
    if [ $ok = 1 ]; then
        wrap=(nsenter -t "$cpid" -n)
        wrk_row runc "httpd, container (runc run)" "http://127.0.0.1:$port/"
        wrap=()
    else
        skip_both runc "httpd, container (runc run)" "containerized httpd did not answer"
    fi
    bench_runc_stop "ingot-bench-net-$$" $rpid
fi

for p in pico kvm; do
    bench_step "httpd on $p"
    why=$base_why
    [ -z "$why" ] && why=$(bench_httpd_why $p)
    if [ -z "$why" ] && ! bench_build_app "$app" $p "$w/httpd-$p"; then
        why="ingot-cc failed: $(head -1 "$w/httpd-$p.log")"
    fi
    if [ -n "$why" ]; then
        skip_both $p "httpd on $p" "$why"
    elif bench_httpd_start $p "$w/httpd-$p" 64; then
        wrap=("${bench_httpd_in[@]}")
        wrk_row $p "httpd on $p" "$bench_httpd_url"
        wrap=()
        bench_httpd_stop
    else
        skip_both $p "httpd on $p" "httpd on $p did not answer"
    fi
done
