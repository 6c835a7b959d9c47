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
bench_answer=$bench_work/answer
[ -x "$bench_answer" ] ||
    cc -O2 -o "$bench_answer" "$bench_dir/answer.c" 2>/dev/null || bench_answer=
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
    elif [ -z "$bench_answer" ]; then
        echo "cannot compile answer.c (no C compiler?)"
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

# bench_tap_addr N: sets bench_tap, bench_tap_host, bench_tap_guest and
# bench_tap_mac (the guest's MAC, which the host knows from the start) for
# tap N.
bench_tap_addr() {
    local n=$1 base=$(($1 * 4))
    local net=10.$((64 + (base >> 16))).$((base >> 8 & 255))
    bench_tap=ingb$n
    bench_tap_host=$net.$((base % 256 + 1))
    bench_tap_guest=$net.$((base % 256 + 2))
    bench_tap_mac=$(printf '02:77:00:%02x:%02x:%02x' $((n >> 16 & 255)) \
        $((n >> 8 & 255)) $((n & 255)))
}

# bench_tap_prepare FIRST COUNT: makes (or remakes) taps FIRST..
# FIRST+COUNT-1 with one `ip -batch`.  Each `ip` that names a device reads
# the namespace's whole link table first, so one process per command made
# tap 10,000 cost 10,000 times tap 1; a batch reads it once.  Every command
# is idempotent: a tap a subshell made (and its instance has stopped) is
# simply set up again.
bench_tap_prepare() {
    local i
    for ((i = $1; i < $1 + $2; i++)); do
        bench_tap_addr $i
        # ARP asks again every 10 ms, not every second: a guest that comes
        # up between two probes would otherwise seem to start up to 1 s
        # late.  The guest's neighbour entry is permanent, as a host that
        # assigns the MACs would make it: the host needs no ARP to answer
        # it, and the kernel's neighbour table (one for all namespaces,
        # forced garbage collection above gc_thresh3 = 1024 entries) does
        # not count it, so the 5,000th instance starts as the first does.
        echo "tuntap add dev $bench_tap mode tap"
        echo "ntable change name arp_cache dev $bench_tap retrans 10"
        echo "addr replace $bench_tap_host/30 dev $bench_tap"
        echo "link set $bench_tap up"
        echo "neigh replace $bench_tap_guest lladdr $bench_tap_mac dev $bench_tap nud permanent"
    done >"$bench_work/taps.batch"
    ip -n "$bench_ns" -batch "$bench_work/taps.batch"
}

# bench_tap_make: the next tap in the bench's namespace, made in batches of
# 64 ahead of use; sets bench_tap, bench_tap_host, bench_tap_guest and
# bench_tap_mac.  Returns 1 when ip fails.
bench_tap_make() {
    local n=$bench_tap_next
    if [ $bench_ns_made = 0 ] && ! ip netns pids "$bench_ns" >/dev/null 2>&1
    then
        ip netns add "$bench_ns" || return 1
        ip -n "$bench_ns" link set lo up || return 1
        # No IPv6 on the host's side of the taps: its link-local addresses,
        # routes and multicast reports cost the kernel a walk over every
        # device at each new one and wake every idle guest.
        ip netns exec "$bench_ns" sh -c 'for f in all default; do
            echo 1 >/proc/sys/net/ipv6/conf/$f/disable_ipv6; done' \
            2>/dev/null || true
    fi
    bench_ns_made=1
    bench_tap_next=$((n + 1))
    if [ $n -ge "${bench_tap_ready:-0}" ] || [ $n -lt "${bench_tap_first:-0}" ]
    then
        bench_tap_prepare $n 64 || return 1
        bench_tap_first=$n bench_tap_ready=$((n + 64))
    fi
    bench_tap_addr $n
}

# bench_spawn OUT CMD...: starts CMD in the background, its output in OUT,
# and sets bench_spawn_pid.  CMD is not this shell's child: a subshell
# starts it and exits, and `ingot bench` (a child subreaper) adopts and
# reaps it.  bash walks all its children at every wait, so with CMD as its
# child each probe of the 10,000th density instance cost 10,000 times that
# of the first.
bench_spawn() {
    local out=$1
    shift
    bench_spawn_pid=$( ("$@" </dev/null >"$out" 2>&1 & echo $!))
}

# bench_stop_pids PID...: SIGTERM to each, then waits until all have ended
# (SIGKILL to those left after 30 s).  They need not be this shell's
# children.
bench_stop_pids() {
    local left=() p t=0
    for p in "$@"; do kill "$p" 2>/dev/null && left+=("$p"); done
    while ((${#left[@]} > 0)); do
        local still=()
        for p in "${left[@]}"; do
            kill -0 "$p" 2>/dev/null && still+=("$p")
        done
        left=("${still[@]}")
        ((${#left[@]} == 0)) && break
        if ((t == 600)); then
            kill -9 "${left[@]}" 2>/dev/null
        elif ((t > 700)); then
            break
        fi
        t=$((t + 1))
        sleep 0.05
    done
}

# bench_httpd_start PLATFORM IMAGE MIB: starts httpd and waits until it
# answers GET /.  Sets bench_httpd_pid, bench_httpd_url, bench_httpd_ms
# (spawn to first answer) and bench_httpd_in (the command prefix that
# reaches it: `nsenter --net=...` (or `ip netns exec NS`) for pico, empty
# otherwise).  MIB is the
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
        # nsenter enters only the network namespace; ip netns exec also
        # makes a mount namespace and mounts /sys, ~3 ms at each start.
        bench_httpd_in=(ip netns exec "$bench_ns")
        command -v nsenter >/dev/null &&
            bench_httpd_in=(nsenter "--net=/run/netns/$bench_ns")
        bench_httpd_url=http://$bench_tap_guest:$INGOT_BENCH_HTTPD_PORT/
        bench_spawn "$out" "${bench_httpd_in[@]}" "$INGOT" run -m "${mib}M" \
            --net "tap:$bench_tap" --mac "$bench_tap_mac" \
            --ip "$bench_tap_guest/30" --gw "$bench_tap_host" \
            --rootfs "$bench_www" "$img" -- -p "$INGOT_BENCH_HTTPD_PORT"
        ;;
    kvm)
        port=$(bench_free_port)
        bench_httpd_url=http://127.0.0.1:$port/
        bench_spawn "$out" "$INGOT" run --accel "$INGOT_BENCH_ACCEL" \
            -m "${mib}M" -p "127.0.0.1:$port:$INGOT_BENCH_HTTPD_PORT" \
            --rootfs "$bench_www" "$img" -- -p "$INGOT_BENCH_HTTPD_PORT"
        ;;
    native)
        port=$(bench_free_port)
        bench_httpd_url=http://127.0.0.1:$port/
        bench_spawn "$out" "$img" -p "$port" -r "$bench_www"
        ;;
    *) return 1 ;;
    esac
    bench_httpd_pid=$bench_spawn_pid
    # answer.c asks every millisecond and prints the time of the first
    # answer.
    local t host=127.0.0.1 hport=${port:-}
    [ "$plat" = pico ] && host=$bench_tap_guest hport=$INGOT_BENCH_HTTPD_PORT
    if t=$("${bench_httpd_in[@]}" "$bench_answer" "$host" "$hport" 60000 \
        "$bench_httpd_pid" 2>"$out.answer"); then
        t=$((t - a))
        bench_httpd_ms=$(printf '%d.%03d' $((t / 1000)) $((t % 1000)))
        return 0
    fi
    cat "$out.answer" >>"$out"
    bench_httpd_stop
    bench_httpd_last=$(tail -n 1 "$out" 2>/dev/null | cut -c 1-200)
    return 1
}

# bench_httpd_stop [PID]: stops the httpd last started (or PID).
bench_httpd_stop() {
    bench_stop_pids "${1:-$bench_httpd_pid}"
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
