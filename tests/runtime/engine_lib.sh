# SPDX-License-Identifier: Apache-2.0
# engine_lib.sh: sourced by engines.sh: how each engine (ctr, podman,
# docker) starts, loads images and runs, stops and removes containers.
# Uses engines.sh's variables: engine, work, log, pids, fails.

bad() {
    echo "FAIL: $*"
    fails=$((fails + 1))
    echo "--- runtime calls so far ($log):"
    tail -20 "$log" 2>/dev/null
    echo "---"
}

# Starts (in the background, output to daemon.log) and waits for (sock).
daemon() {
    local sock=$1
    shift
    "$@" >>"$work/daemon.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do
        [ -S "$sock" ] && return 0
        kill -0 "${pids[-1]}" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

start_containerd() {
    mkdir -p "$work/ctrd"
    cat >"$work/ctrd/config.toml" <<C
version = 2
root = "$work/ctrd/root"
state = "$work/ctrd/state"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$work/ctrd/containerd.sock"
C
    daemon "$work/ctrd/containerd.sock" containerd --config "$work/ctrd/config.toml"
}

ns=ingot-test-$$
CTR() { ctr -a "$work/ctrd/containerd.sock" -n "$ns" "$@"; }
D() { docker -H "unix://$work/dock/docker.sock" "$@"; }
P() {
    CONTAINERS_CONF=$work/containers.conf podman --root "$work/proot" \
        --runroot "$work/prun" --storage-driver vfs --cgroup-manager cgroupfs \
        --events-backend file --runtime "$work/ingot-runc" "$@"
}

start_engine() {
    case $engine in
    ctr) start_containerd ;;
    docker)
        start_containerd || return 1
        mkdir -p "$work/dock"
        cat >"$work/dock/daemon.json" <<J
{"data-root": "$work/dock/root", "exec-root": "$work/dock/exec",
 "pidfile": "$work/dock/docker.pid", "hosts": ["unix://$work/dock/docker.sock"],
 "containerd": "$work/ctrd/containerd.sock", "storage-driver": "overlay2",
 "exec-opts": ["native.cgroupdriver=cgroupfs"],
 "runtimes": {"ingot": {"path": "$work/ingot-runc"}}}
J
        daemon "$work/dock/docker.sock" dockerd --config-file "$work/dock/daemon.json" &&
            D info >/dev/null 2>&1
        ;;
    podman)
        # The machine lacks CAP_SYS_RESOURCE: podman's default ulimits fail.
        cat >"$work/containers.conf" <<C
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
C
        P info >>"$work/daemon.log" 2>&1
        ;;
    esac
}

# Our images share one archive; busybox (umoci, skopeo) has its own.
archive() { [ "$1" = busybox:local ] && echo "$work/bb.tar" || echo "$work/img.tar"; }

load_images() {
    local refs="rtprobe:kvm rtprobe:pico httpd:kvm httpd:pico busybox:local" r
    case $engine in
    ctr) CTR images import "$work/img.tar" >/dev/null &&
        CTR images import "$work/bb.tar" >/dev/null ;;
    podman)
        for r in $refs; do
            skopeo copy -q "oci-archive:$(archive $r):$r" \
                "containers-storage:[vfs@$work/proot+$work/prun]localhost/$r" ||
                return 1
        done
        ;;
    docker)
        for r in $refs; do
            skopeo copy -q "oci-archive:$(archive $r):$r" \
                "docker-archive:$work/d.tar:$r" && D load -q -i "$work/d.tar" >/dev/null &&
                rm -f "$work/d.tar" || return 1
        done
        ;;
    esac
}

# Engine flags for the shared cases.
e_flag_netnone() { [ $engine = ctr ] || echo "--network=none"; }
e_flag_mem() { [ $engine = ctr ] && echo "--memory-limit=$(($1 << 20))" || echo "-m=${1}m"; }
e_flag_vol() {
    [ $engine = ctr ] && echo "--mount=type=bind,src=$1,dst=$2,options=rbind:rw" ||
        echo "-v=$1:$2"
}
e_can_publish() { [ $engine != ctr ]; }

n=0
# ctr takes the command whole: busybox needs its entrypoint spelled out.
ctr_run() {
    local flags=() mode=$1
    shift
    while [[ $1 == -* ]]; do
        case $1 in -e) flags+=(--env "$2"); shift 2 ;; *) flags+=("$1"); shift ;; esac
    done
    local img=$1 id=c$((n += 1))
    shift
    [ "$img" = busybox:local ] && set -- /bin/busybox "$@"
    CTR run --rm --runtime io.containerd.runc.v2 --runc-binary "$work/ingot-runc" \
        $mode "${flags[@]}" "$img" "$id" "$@"
}

e_run() {
    case $engine in
    ctr) ctr_run "" "$@" ;;
    podman) P run --rm "$@" ;;
    docker) D run --rm --runtime ingot "$@" ;;
    esac
}

e_tty() {
    case $engine in
    ctr) script -qec "$(declare -f CTR ctr_run); n=$n; ns=$ns work=$work; ctr_run -t $*" /dev/null ;;
    podman) P run --rm -t "$@" ;;
    docker) D run --rm -t --runtime ingot "$@" ;;
    esac
}

# e_run_d NAME [-p H:G] IMAGE ARGS...
e_run_d() {
    local name=$1
    shift
    case $engine in
    ctr) CTR run -d --runtime io.containerd.runc.v2 --runc-binary "$work/ingot-runc" \
        --log-uri "file://$work/$name.log" "$@" >/dev/null ;;
    podman) P run -d --name "$name" "$@" >/dev/null ;;
    docker) D run -d --runtime ingot --name "$name" "$@" >/dev/null ;;
    esac
}
# ctr names the container after its last positional argument: put it there.
if [ "$engine" = ctr ]; then
    e_run_d() {
        local name=$1 img=$2
        shift 2
        CTR run -d --runtime io.containerd.runc.v2 --runc-binary "$work/ingot-runc" \
            --log-uri "file://$work/$name.log" "$img" "$name" "$@" >/dev/null
    }
fi

e_logs() {
    case $engine in
    ctr) cat "$work/$1.log" ;;
    podman) P logs "$1" ;;
    docker) D logs "$1" ;;
    esac
}

e_ps() {
    case $engine in
    ctr) CTR task ls ;;
    podman) P ps ;;
    docker) D ps ;;
    esac
}

e_exec() {
    case $engine in
    ctr) CTR task exec --exec-id x1 "$1" /bin/sh ;;
    podman) P exec "$1" /bin/sh ;;
    docker) D exec "$1" /bin/sh ;;
    esac
}

e_stop() {
    case $engine in
    ctr)
        CTR task kill -s SIGTERM "$1" || return 1
        for _ in $(seq 100); do
            CTR task ls | grep -q "^$1 .*STOPPED" && return 0
            sleep 0.1
        done
        return 1
        ;;
    podman) P stop -t 5 "$1" >/dev/null ;;
    docker) D stop -t 5 "$1" >/dev/null ;;
    esac
}

e_status() {
    case $engine in
    ctr) CTR task delete "$1" >/dev/null 2>&1; echo $? ;;
    podman) P inspect "$1" --format '{{.State.ExitCode}}' ;;
    docker) D inspect "$1" --format '{{.State.ExitCode}}' ;;
    esac
}

e_rm() {
    case $engine in
    ctr) CTR task delete "$1" >/dev/null 2>&1; CTR containers delete "$1" ;;
    podman) P rm "$1" >/dev/null ;;
    docker) D rm "$1" >/dev/null ;;
    esac
}

# Nothing of ours may outlive the cases: VMMs, tenders, runtime state.
leftovers() {
    local left
    left=$(pgrep -af "ingot-pico|qemu-system" | grep -F "$work" | grep -v pgrep)
    [ -z "$left" ] || bad "processes left: $left"
    left=$(grep -lsF "$work" /run/ingot-runc/*/*state.json \
        /run/containerd/runc/*/*/*state.json 2>/dev/null)
    [ -z "$left" ] || bad "runtime state left: $left"
    ip link show ingottap0 >/dev/null 2>&1 && bad "a tap was left in the host namespace"
}

cleanup() {
    [ $engine = podman ] && P rm -af >/dev/null 2>&1
    [ $engine = docker ] && D rm -f $(D ps -aq 2>/dev/null) >/dev/null 2>&1
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        kill "${pids[i]}" 2>/dev/null
        for _ in $(seq 100); do kill -0 "${pids[i]}" 2>/dev/null || break; sleep 0.1; done
        kill -9 "${pids[i]}" 2>/dev/null
    done
    grep -F " $work/" /proc/mounts | cut -d' ' -f2 | sort -r |
        while read -r m; do umount -l "$m"; done
    rmdir "/run/containerd/runc/$ns" 2>/dev/null
    rm -rf "$work"
}
