#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# engines.sh: Ingot images through a container engine with ingot-runc as its
# runtime: one table of cases per engine, run as a user of that engine would.
#
#   engines.sh ENGINE BIN_DIR RUNTIME_TESTS_DIR HTTPD_DIR
#
# ENGINE is ctr, podman or docker.  Every daemon is private: configuration,
# state and sockets under a temporary directory, stopped by PID.  The
# runtime is registered through a wrapper that logs each call; the log is
# printed when a case fails, so the call sequence is visible.
set -u
engine=$1
bin=$(cd "$2" && pwd) rtdir=$(cd "$3" && pwd) httpd=$(cd "$4" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
skip() { echo "SKIP: $*"; exit 77; }
[ "$(id -u)" = 0 ] || skip "needs root"
for c in runc skopeo jq curl umoci busybox; do
    command -v $c >/dev/null || skip "$c is not installed (scripts/deps.sh)"
done
case $engine in
ctr) command -v containerd >/dev/null || skip "containerd is not installed" ;;
docker) command -v dockerd >/dev/null && command -v containerd >/dev/null ||
    skip "docker.io is not installed" ;;
podman) command -v podman >/dev/null || skip "podman is not installed" ;;
esac
work=$(mktemp -d /tmp/ingot-engines-XXXXXX)
fails=0 pids=()
log=$work/calls.log
. "$here/engine_lib.sh"
trap cleanup EXIT

# The runtime as the engines see it: a wrapper logging each call.
cat >"$work/ingot-runc" <<W
#!/bin/sh
echo "\$(date +%T.%N | cut -c1-12) \$*" >>"$log"
export INGOT_ACCEL=tcg
exec "$bin/ingot-runc" "\$@"
W
chmod +x "$work/ingot-runc"

# Images: the probe and httpd for both platforms, and busybox for runc.
for p in kvm pico; do
    "$bin/ingot" pkg "$rtdir/$p/rtprobe" -t rtprobe:$p --archive "$work/img.tar" \
        >/dev/null || skip "ingot pkg failed"
    "$bin/ingot" pkg "$httpd/$p/httpd" -t httpd:$p --archive "$work/img.tar" \
        -p 80 >/dev/null || skip "ingot pkg failed"
done
umoci init --layout "$work/bb" && umoci new --image "$work/bb:busybox" &&
    mkdir -p "$work/bbroot/bin" && cp "$(command -v busybox)" "$work/bbroot/bin/" &&
    umoci insert --image "$work/bb:busybox" "$work/bbroot/bin/busybox" /bin/busybox &&
    umoci config --image "$work/bb:busybox" --config.entrypoint /bin/busybox &&
    skopeo copy -q "oci:$work/bb:busybox" "oci-archive:$work/bb.tar:busybox:local" ||
    skip "cannot build the busybox image with umoci"

start_engine || skip "$engine cannot start here: $(tail -3 "$work/daemon.log" 2>/dev/null)"
load_images || { echo "FAIL: loading the images"; exit 1; }

mkdir -p "$work/vol"
echo "from the host" >"$work/vol/in.txt"

# case NAME WANT_STATUS OUTPUT_REGEX... -- RUN_ARGS...: one foreground run.
case_run() {
    local name=$1 want=$2 regs=()
    shift 2
    while [ "$1" != -- ]; do regs+=("$1"); shift; done
    shift
    local out st
    out=$(e_run "$@" 2>&1)
    st=$?
    [ "$st" = "$want" ] || { bad "$name: status $st, want $want: $out"; return; }
    for r in "${regs[@]}"; do
        grep -Eq -- "$r" <<<"$out" || { bad "$name: no line matching '$r' in: $out"; return; }
    done
    echo "ok: $name"
}

case_run "args and env" 0 '^arg1=echo$' '^arg2=a b$' '^env PROBE_B=two words$' \
    -- -e "PROBE_B=two words" rtprobe:pico echo "a b"
case_run "kvm: args" 0 '^arg1=echo$' -- rtprobe:kvm echo
case_run "exit status 3" 3 '^arg2=3$' -- rtprobe:pico exit 3
case_run "network none" 0 '^arg1=echo$' -- $(e_flag_netnone) rtprobe:pico echo
case_run "memory limit" 0 '^heap_mib=(1[0-9]|2[0-9]|3[01])$' \
    -- $(e_flag_mem 32) rtprobe:pico mem
case_run "bind mount" 0 '^read from the host$' \
    -- $(e_flag_vol "$work/vol" /data) rtprobe:pico vol /data
grep -qx "written by the guest" "$work/vol/out.txt" 2>/dev/null ||
    bad "bind mount: the guest's file is not on the host"
case_run "busybox through runc" 0 '^from runc$' -- busybox:local echo from runc
# process.cwd, hostname and user (ctr run has only --cwd; podman wants
# the working directory in the image's own layer, where only ingot/ is).
for p in pico kvm; do
    case $engine in
    ctr) case_run "$p: workdir" 0 '^cwd=/tmp$' -- --cwd=/tmp rtprobe:$p ident ;;
    podman) case_run "$p: hostname, user" 0 '^cwd=/$' '^hostname=box1$' \
        '^uid=1000 gid=100$' -- --hostname box1 -u 1000:100 rtprobe:$p ident ;;
    docker) case_run "$p: workdir, hostname, user" 0 '^cwd=/tmp$' '^hostname=box1$' \
        '^uid=1000 gid=100$' -- -w /tmp --hostname box1 -u 1000:100 rtprobe:$p ident ;;
    esac
done
# -t: the engine's pty is the guest's terminal, newlines reaching the
# engine as CR LF (onlcr); TERM as docker run -t gives it.
for p in pico kvm; do
    out=$(e_tty rtprobe:$p tty 2>&1)
    grep -Eq $'^isatty 1 1 1 TERM=xterm\r+$' <<<"$out" && echo "ok: -t ($p)" ||
        bad "-t ($p): no terminal: $out"
done

# Detached: logs, ps, exec refused, stop (SIGTERM to the guest's handler,
# well within the stop timeout), rm.
for p in pico kvm; do
    before=$fails
    e_run_d w$p rtprobe:$p wait || bad "$p: run -d"
    for _ in $(seq 150); do e_logs w$p 2>/dev/null | grep -q waiting && break; sleep 0.2; done
    e_logs w$p 2>&1 | grep -q waiting || bad "$p: logs: $(e_logs w$p 2>&1)"
    e_ps | grep -q w$p || bad "$p: ps does not list w$p: $(e_ps 2>&1)"
    out=$(e_exec w$p 2>&1) && bad "$p: exec succeeded: $out"
    grep -q "no second process" <<<"$out" || bad "$p: exec not refused cleanly: $out"
    t0=$(date +%s)
    e_stop w$p || bad "$p: stop"
    [ $(($(date +%s) - t0)) -lt 8 ] || bad "$p: stop waited for the kill timeout"
    st=$(e_status w$p)
    [ "$st" = 0 ] || bad "$p: stop: exit status $st, want 0 (the guest's SIGTERM handler returns)"
    e_logs w$p 2>&1 | grep -q "got SIGTERM" ||
        bad "$p: stop: the guest did not get SIGTERM: $(e_logs w$p 2>&1)"
    e_rm w$p || bad "$p: rm"
    [ $fails = $before ] && echo "ok: $p: run -d, logs, ps, exec refused, stop, rm"
done

# Bridge networking with the engine's own port publishing.
if e_can_publish; then
    port=18480
    for p in pico kvm; do
        port=$((port + 1))
        e_run_d h$p -p $port:80 httpd:$p || { bad "httpd $p: run -d"; continue; }
        code=
        for _ in $(seq 150); do
            code=$(curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")
            [ "$code" = 200 ] && break
            sleep 0.2
        done
        [ "$code" = 200 ] || bad "httpd $p: curl through -p $port:80 got '$code': $(e_logs h$p 2>&1)"
        e_stop h$p >/dev/null
        e_rm h$p >/dev/null
        [ "$code" = 200 ] && echo "ok: -p to httpd on $p"
    done
fi

leftovers
[ $fails = 0 ] && echo "PASS ($engine)"
exit $((fails > 0))
