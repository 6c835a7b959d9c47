# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# httpd.sh: starting apps/httpd instances and waiting for their answer.
#
# Sourced by lib.sh.  Every instance serves the same small site
# ($bench_www, an index.html) with apps/httpd's own options: `-p PORT -r
# ROOT` natively, `--rootfs` and `-- -p 80` in a guest.  kvm instances are
# reached through a forwarded host port (`ingot run -p`, QEMU user
# networking); pico instances through a tap device each, in a network
# namespace of the bench's own (ingot-bench-PID, removed on exit):
# instance N gets tap ingbN with the /30 at 10.64.0.0 + 4N: .1 on the host
# side, .2 in the guest (10.64.0.0/10 holds 1,048,576 such pairs; a /16
# held 16,384, fewer than a 20,000-instance density run needs).

: "${INGOT_BENCH_HTTPD_PORT:=80}"
bench_www=$bench_work/www
mkdir -p "$bench_www"
echo '<h1>Ingot bench</h1>' >"$bench_www/index.html"
bench_ns=ingot-bench-$$
bench_ns_made=0
bench_tap_next=0

# bench_httpd_why PLATFORM: prints why httpd cannot be served on PLATFORM
# here, or nothing when it can.
bench_httpd_why() {
    local probe=$bench_work/probe-$1 out
    if [ ! -d "$bench_dir/apps/httpd" ]; then
        echo "apps/httpd not in this build"
        return
    elif ! command -v curl >/dev/null; then
        echo "curl not installed"
        return
    elif [ "$1" = pico ] && [ "$(id -u)" != 0 ]; then
        echo "pico httpd needs root (a tap device per instance)"
        return
    elif [ "$1" = pico ] && ! command -v ip >/dev/null; then
        echo "ip (iproute2) not installed"
        return
    fi
    [ -e "$probe" ] || "$INGOT_CC" --platform="$1" -O2 -o "$probe" \
        "$bench_dir/apps/hello/hello.c"
    if [ "$1" = kvm ]; then
        out=$("$INGOT" run --accel tcg --dry-run -p 1:1 "$probe" 2>&1)
    else
        out=$("$INGOT" run --dry-run --net tap:ingb --ip 10.0.0.2/30 \
            --gw 10.0.0.1 "$probe" 2>&1)
    fi || echo "ingot run: ${out#ingot: }"
}

# Unconditional: a subshell may have made the namespace ($$ names it the
# same there).
bench_ns_remove() {
    ip netns del "$bench_ns" 2>/dev/null || true
    bench_ns_made=0
}
bench_cleanup_hooks+=(bench_ns_remove)

# bench_tap_make: the next tap in the bench's namespace; sets bench_tap,
# bench_tap_host, bench_tap_guest and bench_tap_mac (the guest's MAC, which
# the host knows from the start).  Returns 1 when ip fails.
bench_tap_make() {
    local n=$bench_tap_next base
    if [ $bench_ns_made = 0 ] && ! ip netns pids "$bench_ns" >/dev/null 2>&1
    then
        ip netns add "$bench_ns" || return 1
        ip -n "$bench_ns" link set lo up || return 1
    fi
    bench_ns_made=1
    bench_tap_next=$((n + 1))
    base=$((n * 4))
    bench_tap=ingb$n
    local net=10.$((64 + (base >> 16))).$((base >> 8 & 255))
    bench_tap_host=$net.$((base % 256 + 1))
    bench_tap_guest=$net.$((base % 256 + 2))
    bench_tap_mac=$(printf '02:77:00:%02x:%02x:%02x' $((n >> 16 & 255)) \
        $((n >> 8 & 255)) $((n & 255)))
    # A subshell's counter may have used this name already; its instance
    # has stopped, so the tap can go.
    ip -n "$bench_ns" link del "$bench_tap" 2>/dev/null
    # ARP asks again every 10 ms, not every second: a guest that comes up
    # between two probes would otherwise seem to start up to 1 s late.
    # The guest's neighbour entry is permanent, as a host that assigns
    # the MACs would make it: the host needs no ARP to answer it, and the
    # kernel's neighbour table (one for all namespaces, forced garbage
    # collection above gc_thresh3 = 1024 entries) does not count it, so
    # the 5,000th instance starts as the first does.
    ip -n "$bench_ns" tuntap add dev "$bench_tap" mode tap &&
        ip -n "$bench_ns" ntable change name arp_cache dev "$bench_tap" \
            retrans 10 &&
        ip -n "$bench_ns" addr add "$bench_tap_host/30" dev "$bench_tap" &&
        ip -n "$bench_ns" link set "$bench_tap" up &&
        ip -n "$bench_ns" neigh replace "$bench_tap_guest" \
            lladdr "$bench_tap_mac" dev "$bench_tap" nud permanent
}

# bench_httpd_start PLATFORM IMAGE MIB: starts httpd and waits until it
# answers GET /.  Sets bench_httpd_pid, bench_httpd_url, bench_httpd_ms
# (spawn to first answer) and bench_httpd_in (the command prefix that
# reaches it: `ip netns exec NS` for pico, empty otherwise).  MIB is the
# guest's -m; for "native", IMAGE is a Linux binary.  Returns 1 (the
# instance stopped) when it fails to start, dies or does not answer within
# 60 s, with the last line it printed in bench_httpd_last.  Each instance's
# output goes to a file of its own in the bench's work directory.
bench_httpd_start() {
    local plat=$1 img=$2 mib=$3 port a out
    bench_httpd_in=()
    bench_httpd_seq=$((${bench_httpd_seq:-0} + 1))
    out=$bench_work/httpd-out.$bench_httpd_seq
    bench_httpd_last=
    # The clock starts once the host side (a tap) is ready.
    [ "$plat" = pico ] && { bench_tap_make || return 1; }
    a=$(bench_us)
    case $plat in
    pico)
        bench_httpd_in=(ip netns exec "$bench_ns")
        bench_httpd_url=http://$bench_tap_guest:$INGOT_BENCH_HTTPD_PORT/
        "${bench_httpd_in[@]}" "$INGOT" run -m "${mib}M" \
            --net "tap:$bench_tap" --mac "$bench_tap_mac" \
            --ip "$bench_tap_guest/30" --gw "$bench_tap_host" \
            --rootfs "$bench_www" "$img" -- -p "$INGOT_BENCH_HTTPD_PORT" \
            </dev/null >"$out" 2>&1 &
        ;;
    kvm)
        port=$(bench_free_port)
        bench_httpd_url=http://127.0.0.1:$port/
        "$INGOT" run --accel "$INGOT_BENCH_ACCEL" -m "${mib}M" \
            -p "127.0.0.1:$port:$INGOT_BENCH_HTTPD_PORT" \
            --rootfs "$bench_www" "$img" -- -p "$INGOT_BENCH_HTTPD_PORT" \
            </dev/null >"$out" 2>&1 &
        ;;
    native)
        port=$(bench_free_port)
        bench_httpd_url=http://127.0.0.1:$port/
        "$img" -p "$port" -r "$bench_www" </dev/null >"$out" 2>&1 &
        ;;
    *) return 1 ;;
    esac
    bench_httpd_pid=$!
    # Short timeouts: a pico guest not up yet leaves SYNs (or ARP)
    # unanswered, and QEMU's user networking accepts the connection at once
    # but holds it while the guest does not answer; the start time is only
    # as fine as this polling: every 0.1 s for 2 s.  After that a request
    # that times out is asked again with twice the time (up to 2 s), so a
    # host too busy to answer within 0.1 s is still waited for.
    local ms=100 rc
    while [ $(($(bench_us) - a)) -lt 60000000 ]; do
        "${bench_httpd_in[@]}" curl -fs -o /dev/null --connect-timeout 0.05 \
            -m "$((ms / 1000)).$(printf %03d $((ms % 1000)))" \
            "$bench_httpd_url" && {
            bench_httpd_ms=$(bench_ms_since "$a")
            return 0
        }
        rc=$?
        [ "$rc" = 28 ] && [ $ms -lt 2000 ] &&
            [ $(($(bench_us) - a)) -gt 2000000 ] && ms=$((ms * 2))
        kill -0 "$bench_httpd_pid" 2>/dev/null || break
        sleep 0.01
    done
    bench_httpd_stop
    bench_httpd_last=$(tail -n 1 "$out" 2>/dev/null | cut -c 1-200)
    return 1
}

# bench_httpd_stop [PID]: stops the httpd last started (or PID).
bench_httpd_stop() {
    local pid=${1:-$bench_httpd_pid}
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# bench_free_port: a TCP port on 127.0.0.1 that nothing listens on, below
# the ephemeral range: a port that a client connection holds as its local
# end has no listener, so it looks free, but QEMU cannot bind it (the
# likely end of a kvm density run at 655 instances).
bench_free_port() {
    local p lo=32768 rest
    read -r lo rest </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null ||
        lo=32768
    [ "$lo" -gt 11024 ] || lo=32768
    for ((p = 10000 + RANDOM % (lo - 11024); p < 65536; p++)); do
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo $p; return; }
    done
}
