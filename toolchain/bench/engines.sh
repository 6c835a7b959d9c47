#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# engines.sh: `ingot bench engines`: start-to-first-answer of httpd started
# by a container engine, with ingot-runc (pico and kvm images from `ingot
# pkg`) next to runc (the same httpd built natively, gcc -static).
#
# Each engine runs privately (its configuration, state and sockets in the
# bench's work directory; daemons stopped by PID): ctr (containerd 1.6),
# podman and docker.  One sample is the time from the engine's `run -d`
# until `curl GET /` first gets 200: through `-p PORT:80` for podman and
# docker, for ctr at the address of a namespace the bench makes (ctr has no
# port publishing).  Rows ENGINE-RUNTIME (runtime: runc, pico, kvm), metric
# start_to_answer in ms.  The runtime is ingot-runc behind a two-line
# wrapper setting INGOT_ACCEL (podman passes no environment to it).
source "$(dirname "$0")/lib.sh"

bench_init engines 4
runs=$INGOT_BENCH_RUNS
[ "$INGOT_BENCH_QUICK" = 1 ] && runs=2
w=$bench_work
rt=$(dirname "$INGOT")/ingot-runc
kinds="runc pico kvm"
engines="ctr podman docker"
pids=()

why_all=
if [ "$(id -u)" != 0 ]; then why_all="needs root (engines, namespaces)"
elif [ ! -x "$rt" ]; then why_all="$rt not found (an incomplete install?)"
fi
for c in runc skopeo umoci curl ip; do
    [ -z "$why_all" ] && ! command -v $c >/dev/null && why_all="$c not installed"
done
skip_engine() { # ENGINE REASON
    local k
    for k in $kinds; do
        bench_skip "$1-$k" "httpd via $1 ($k)" start_to_answer ms "$2"
    done
}

bench_step "images: httpd for runc (native), pico and kvm"
if [ -z "$why_all" ]; then
    app=$bench_dir/apps/httpd
    for p in native pico kvm; do
        bench_build_app "$app" $p "$w/httpd-$p" ||
            why_all="building httpd for $p failed: $(head -1 "$w/httpd-$p.log")"
    done
fi
if [ -z "$why_all" ]; then
    for p in pico kvm; do
        "$INGOT" pkg "$w/httpd-$p" -t httpd:$p --archive "$w/img.tar" -p 80 \
            >/dev/null 2>"$w/pkg.log" || why_all="ingot pkg: $(cat "$w/pkg.log")"
    done
    mkdir -p "$w/nat"
    cp "$w/httpd-native" "$w/nat/httpd"
    { umoci init --layout "$w/lay" && umoci new --image "$w/lay:n" &&
        umoci insert --image "$w/lay:n" "$w/nat/httpd" /httpd &&
        umoci config --image "$w/lay:n" --config.entrypoint /httpd \
            --config.cmd -p --config.cmd 80 &&
        skopeo copy -q "oci:$w/lay:n" "oci-archive:$w/native.tar:httpd:runc"; } \
        >"$w/umoci.log" 2>&1 || why_all="umoci: $(tail -1 "$w/umoci.log")"
fi
cat >"$w/ingot-runc" <<W
#!/bin/sh
INGOT_ACCEL=$INGOT_BENCH_ACCEL exec "$rt" "\$@"
W
chmod +x "$w/ingot-runc"
archive() { [ "$1" = runc ] && echo "$w/native.tar" || echo "$w/img.tar"; }

stop_daemons() {
    local i
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        kill "${pids[i]}" 2>/dev/null || continue
        for _ in $(seq 100); do kill -0 "${pids[i]}" 2>/dev/null || break; sleep 0.1; done
    done
    pids=()
    grep -F " $w/" /proc/mounts | cut -d' ' -f2 | sort -r |
        while read -r m; do umount -l "$m"; done
}
bench_cleanup_hooks+=(stop_daemons)

daemon() { # SOCKET COMMAND...
    local sock=$1
    shift
    "$@" >>"$w/daemon.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do
        [ -S "$sock" ] && return 0
        sleep 0.1
    done
    return 1
}
containerd_up() {
    [ -S "$w/ctrd/sock" ] && return 0
    command -v containerd >/dev/null || return 1
    mkdir -p "$w/ctrd"
    printf '%s\n' 'version = 2' "root = \"$w/ctrd/root\"" \
        "state = \"$w/ctrd/state\"" \
        'disabled_plugins = ["io.containerd.grpc.v1.cri"]' '[grpc]' \
        "  address = \"$w/ctrd/sock\"" >"$w/ctrd/config.toml"
    daemon "$w/ctrd/sock" containerd --config "$w/ctrd/config.toml"
}
ns=ingot-bench-eng-$$
CTR() { ctr -a "$w/ctrd/sock" -n "$ns" "$@"; }
D() { docker -H "unix://$w/dock/sock" "$@"; }
P() {
    CONTAINERS_CONF=$w/containers.conf podman --root "$w/proot" \
        --runroot "$w/prun" --storage-driver vfs --cgroup-manager cgroupfs \
        --events-backend file "$@"
}
ns_remove() {
    ip netns del "$ns" 2>/dev/null
    ip link del "ieb$$" 2>/dev/null
    rmdir "/run/containerd/runc/$ns" 2>/dev/null
    true
}
bench_cleanup_hooks+=(ns_remove)

# sample ENGINE KIND N: one start; prints the milliseconds or nothing.
port=18600
sample() {
    local e=$1 k=$2 id=b$3 url t0 code=
    local r=runc
    [ $k != runc ] && r=$w/ingot-runc
    port=$((port + 1))
    t0=$(bench_us)
    case $e in
    ctr)
        url=http://10.79.1.2/
        CTR run -d --runtime io.containerd.runc.v2 --runc-binary "$r" \
            --with-ns "network:/run/netns/$ns" "httpd:$k" "$id" >/dev/null 2>>"$w/run.log" ;;
    podman)
        url=http://127.0.0.1:$port/
        P run -d --runtime "$r" --name "$id" -p $port:80 "localhost/httpd:$k" \
            >/dev/null 2>>"$w/run.log" ;;
    docker)
        url=http://127.0.0.1:$port/
        [ $k = runc ] && r=runc || r=ingot
        D run -d --runtime $r --name "$id" -p $port:80 "httpd:$k" >/dev/null 2>>"$w/run.log" ;;
    esac
    for _ in $(seq 3000); do
        code=$(curl -s -m 1 -o /dev/null -w '%{http_code}' "$url")
        [ "$code" = 200 ] && break
    done
    [ "$code" = 200 ] && bench_ms_since "$t0"
    case $e in
    ctr) CTR task kill -s SIGKILL "$id" >/dev/null 2>&1
        for _ in $(seq 50); do CTR task delete "$id" >/dev/null 2>&1 && break; sleep 0.1; done
        CTR containers delete "$id" >/dev/null 2>&1 ;;
    podman) P rm -f "$id" >/dev/null 2>&1 ;;
    docker) D rm -f "$id" >/dev/null 2>&1 ;;
    esac
}

for e in $engines; do
    bench_step "$e: httpd with runc, ingot-runc pico, ingot-runc kvm"
    why=$why_all
    if [ -z "$why" ]; then
        case $e in
        ctr)
            if ! containerd_up; then why="containerd did not start"
            elif ! { ip netns add "$ns" && ip link add "ieb$$" type veth peer name eth0 netns "$ns" &&
                ip addr add 10.79.1.1/30 dev "ieb$$" && ip link set "ieb$$" up &&
                ip -n "$ns" addr add 10.79.1.2/30 dev eth0 && ip -n "$ns" link set eth0 up &&
                ip -n "$ns" route add default via 10.79.1.1; } 2>>"$w/daemon.log"; then
                why="cannot make the network namespace"
            elif ! { CTR images import "$w/img.tar" && CTR images import "$w/native.tar"; } \
                >/dev/null 2>>"$w/daemon.log"; then
                why="ctr images import failed"
            fi ;;
        podman)
            printf '%s\n' '[containers]' \
                'default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]' \
                >"$w/containers.conf"
            if ! command -v podman >/dev/null; then why="podman not installed"
            else
                for k in $kinds; do
                    skopeo copy -q "oci-archive:$(archive $k):httpd:$k" \
                        "containers-storage:[vfs@$w/proot+$w/prun]localhost/httpd:$k" \
                        2>>"$w/daemon.log" || why="skopeo copy into podman's storage failed"
                done
            fi ;;
        docker)
            if ! command -v dockerd >/dev/null; then why="docker.io not installed"
            elif ! containerd_up; then why="containerd did not start"
            else
                mkdir -p "$w/dock"
                printf '{"data-root": "%s", "exec-root": "%s", "pidfile": "%s", "hosts": ["unix://%s"], "containerd": "%s", "storage-driver": "overlay2", "exec-opts": ["native.cgroupdriver=cgroupfs"], "runtimes": {"ingot": {"path": "%s"}}}\n' \
                    "$w/dock/root" "$w/dock/exec" "$w/dock/pid" "$w/dock/sock" \
                    "$w/ctrd/sock" "$w/ingot-runc" >"$w/dock/daemon.json"
                if ! daemon "$w/dock/sock" dockerd --config-file "$w/dock/daemon.json"; then
                    why="dockerd did not start"
                else
                    for k in $kinds; do
                        skopeo copy -q "oci-archive:$(archive $k):httpd:$k" \
                            "docker-archive:$w/d.tar:httpd:$k" 2>>"$w/daemon.log" &&
                            D load -q -i "$w/d.tar" >/dev/null 2>>"$w/daemon.log" ||
                            why="docker load failed"
                        rm -f "$w/d.tar"
                    done
                fi
            fi ;;
        esac
    fi
    if [ -n "$why" ]; then
        skip_engine $e "$why"
        continue
    fi
    for k in $kinds; do
        samples=()
        for i in $(seq "$runs"); do
            s=$(sample $e $k "$i")
            [ -n "$s" ] && samples+=("$s")
        done
        label="httpd via $e ($k)"
        if [ ${#samples[@]} = 0 ]; then
            bench_skip "$e-$k" "$label" start_to_answer ms \
                "no answer: $(tail -1 "$w/run.log" 2>/dev/null)"
        else
            note="$e run -d to the first 200 from curl"
            [ $k != runc ] && note+=" (ingot-runc, $k)"
            [ ${#samples[@]} != "$runs" ] && note+="; $((runs - ${#samples[@]})) of $runs runs got no answer"
            bench_samples "$e-$k" "$label" start_to_answer ms "" "$note" "${samples[@]}"
        fi
    done
done
