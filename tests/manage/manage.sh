#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# manage.sh INGOT IMAGE CASE: detached instances (docs/manage.md) with a
# private state directory (INGOT_STATE_DIR).  IMAGE is svc.c built for a
# platform (apps/httpd for CASE httpd).  Cases:
#   lifecycle  run -d, ps, logs (both streams), inspect, stats, stop (the
#              SIGTERM handler runs), wait, rm; nothing left behind
#   kill_wait  kill -s KILL (137), wait with the app's status (3), stop -t
#              of a guest ignoring SIGTERM (137 after the grace period), --rm
#   restart    --restart on-failure:2 on a crashing image: three runs, the
#              crash line in ps -a, three crash reports in logs; stop ends
#              --restart always
#   race       five `run -d --name x` at once: exactly one wins
#   stale      a monitor killed with SIGKILL: reported dead, never running;
#              its guest does not outlive it; wait fails; rm cleans up
#   logs       rotation stays within max-size x max-file, --tail, -f
#              follows until the end, --timestamps
#   oci        an oci: reference packaged by ingot pkg: default arguments
#              from the manifest, the platform recorded, wait's status
#   errors     one-line errors for bad input, --help everywhere, a failed
#              start (125) leaves nothing
#   httpd      three httpd instances with published ports, curl reaches
#              each, ps lists the ports
#   httpd_tap  three httpd instances on tap devices in a private network
#              namespace (root), curl reaches each
set -u
INGOT=$1 IMAGE=$2 CASE=$3
tmp=$(mktemp -d)
export INGOT_STATE_DIR=$tmp/state
pids=() # monitors and their processes, checked gone at the end

ing() { "$INGOT" "$@"; }
dump() {
    echo "--- ps -a"
    ing ps -a 2>&1
    for id in $(ing ps -aq 2>/dev/null); do
        echo "--- logs $id"
        ing logs "$id" 2>&1 | tail -20
    done
}
fail() {
    echo "FAIL: $*"
    dump
    exit 1
}
cleanup() {
    for id in $(ing ps -aq 2>/dev/null); do ing rm -f "$id" >/dev/null 2>&1; done
    for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
    rm -rf "$tmp"
}
trap cleanup EXIT

# Starts IMAGE detached with the given options; prints the ID.
start() { ing run -d --accel tcg "$@"; }
# Remembers an instance's monitor and processes for the final check.
track() {
    local j
    j=$(ing inspect "$1") || fail "inspect $1"
    pids+=($(echo "$j" | sed -n 's/^ *"monitor_pid": \([0-9]*\).*/\1/p'))
    pids+=($(echo "$j" | tr -d ' \n' | sed -n 's/.*"processes":\[\([0-9,]*\)\].*/\1/p' | tr , ' '))
}
# Waits until `ingot logs NAME` matches REGEX (30 s under TCG on a busy
# machine can be short: 120).
wait_log() {
    for ((i = 0; i < 1200; i++)); do
        ing logs "$1" 2>&1 | grep -q -- "$2" && return 0
        sleep 0.1
    done
    fail "$1: no '$2' in its logs"
}
field() { ing inspect "$1" | sed -n "s/^ *\"$2\": \"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}$/\1/p"; }
# Nothing left: no records, no processes.
all_gone() {
    [ -z "$(ing ps -aq)" ] || fail "instances left: $(ing ps -aq)"
    left=$(ls -A "$INGOT_STATE_DIR" | grep -v '^\.lock$')
    [ -z "$left" ] || fail "left in the state directory: $left"
    sleep 0.5
    for p in "${pids[@]}"; do
        # A zombie has ended (this container's init reaps slowly).
        st=$(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null | cut -c1)
        [ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ] &&
            fail "process $p outlived its instance"
    done
    return 0
}

case $CASE in
lifecycle)
    id=$(start --name svc1 "$IMAGE" -- serve) || fail "run -d"
    [[ $id =~ ^[0-9a-f]{32}$ ]] || fail "run -d printed '$id', not an ID"
    track svc1
    wait_log svc1 '^ready$'
    out=$(ing ps) || fail "ps"
    echo "$out"
    echo "$out" | grep -q "^${id:0:12}  svc1 .* running .*64M" ||
        fail "ps does not list svc1 as running"
    plat=$(field svc1 platform)
    [ "$plat" = "$(basename "$(dirname "$IMAGE")")" ] ||
        fail "platform '$plat'"
    [ "$(ing ps -q)" = "${id:0:12}" ] || fail "ps -q"
    ing ps --json | grep -q '"name": "svc1"' || fail "ps --json"
    # The two streams stay apart.
    [ "$(ing logs svc1 2>/dev/null)" = ready ] || fail "logs stdout"
    ing logs svc1 2>&1 >/dev/null | grep -q '^svc: a line on stderr$' ||
        fail "logs stderr"
    ing inspect svc1 | grep -q '"host_command"' || fail "inspect"
    ing inspect "${id:0:6}" >/dev/null || fail "inspect by ID prefix"
    st=$(ing stats --no-stream svc1) || fail "stats"
    echo "$st"
    # RSS of the VMM or tender plus the runner: above 1 MiB, below 4 GiB;
    # two processes at least.
    echo "$st" | awk 'NR == 2 { m = $4 + 0; exit !(m > 1 && m < 4096 && $NF >= 2) }' ||
        fail "stats figures implausible"
    # stats refreshes every second until interrupted.
    timeout -s INT 3 "$INGOT" stats svc1 >"$tmp/stats"
    [ "$(grep -c '^ID ' "$tmp/stats")" -ge 2 ] || fail "stats did not refresh"
    ing stop -t 30 svc1 | grep -qx svc1 || fail "stop"
    ing logs svc1 2>/dev/null | grep -q '^handled SIGTERM$' || fail "SIGTERM handler"
    [ "$(ing wait svc1)" = 0 ] || fail "wait after stop"
    ing ps -a | grep -q "svc1 .* exited 0 " || fail "ps -a after stop"
    [ -z "$(ing ps -q)" ] || fail "ps lists a stopped instance"
    ing rm svc1 | grep -qx svc1 || fail "rm"
    all_gone
    ;;
kill_wait)
    start --name k "$IMAGE" -- serve >/dev/null || fail "run -d k"
    track k
    wait_log k '^ready$'
    ing kill -s KILL k >/dev/null || fail "kill"
    [ "$(ing wait k)" = 137 ] || fail "wait after kill -s KILL"
    ing ps -a | grep -q " k .* exited 137 " || fail "ps -a after kill"
    ing kill k 2>&1 | grep -q '^ingot: k: not running$' ||
        fail "kill of an ended instance"
    start --name three "$IMAGE" -- exit 3 >/dev/null || fail "run -d three"
    ing wait three
    [ $? = 3 ] || fail "wait's exit status"
    # A guest that ignores SIGTERM: SIGKILL after stop's -t.
    start --name ig "$IMAGE" -- ignore >/dev/null || fail "run -d ig"
    track ig
    wait_log ig '^ready$'
    t0=$(date +%s%N)
    ing stop -t 1 ig >/dev/null || fail "stop -t 1"
    t1=$(date +%s%N)
    [ $(((t1 - t0) / 1000000)) -ge 900 ] || fail "stop -t 1 killed before 1 s"
    [ "$(ing wait ig)" = 137 ] || fail "stop -t 1 of a guest ignoring SIGTERM"
    ing rm ig >/dev/null
    # --rm: removed once it ended, after a waiter has read the status.
    start --rm --name gone "$IMAGE" -- serve >/dev/null || fail "--rm"
    track gone
    wait_log gone '^ready$'
    ing wait gone >"$tmp/waited" &
    wpid=$!
    sleep 0.5
    ing stop gone >/dev/null || fail "stop gone"
    wait $wpid || fail "wait on --rm: status $?"
    [ "$(cat "$tmp/waited")" = 0 ] || fail "wait on --rm printed $(cat "$tmp/waited")"
    for ((i = 0; i < 100; i++)); do
        ing ps -a | grep -q " gone " || break
        sleep 0.1
    done
    ing ps -a | grep -q " gone " && fail "--rm left the instance"
    ing rm k three >/dev/null || fail "rm k three"
    all_gone
    ;;
restart)
    start --name r --restart on-failure:2 "$IMAGE" -- crash >/dev/null ||
        fail "run -d"
    for ((i = 0; i < 1200; i++)); do
        ing ps -a | grep -q " r .* crashed 255 " && break
        sleep 0.1
    done
    out=$(ing ps -a)
    echo "$out"
    echo "$out" | grep -Eq " r .* crashed 255 \((page fault|segmentation fault).* at RIP 0x" ||
        fail "ps -a shows no crash line"
    [ "$(field r restarts)" = 2 ] || fail "restarts: $(field r restarts)"
    [ "$(field r run)" = 3 ] || fail "runs: $(field r run)"
    n=$(ing logs r | grep -c 'ingot: fatal:')
    [ "$n" = 3 ] || fail "$n crash reports in logs, expected 3"
    # always: runs again after a clean exit, until stop.
    start --name a --restart always "$IMAGE" -- exit 0 >/dev/null ||
        fail "run -d always"
    for ((i = 0; i < 1200; i++)); do
        [ "$(field a run)" -ge 2 ] 2>/dev/null && break
        sleep 0.1
    done
    [ "$(field a run)" -ge 2 ] || fail "always did not restart"
    ing stop a >/dev/null || fail "stop a"
    runs=$(field a run)
    sleep 1
    [ "$(field a run)" = "$runs" ] || fail "restarted after stop"
    ing ps -a | grep -q " a .* exited 0 " || fail "a after stop"
    ing rm r a >/dev/null
    all_gone
    ;;
race)
    for i in 1 2 3 4 5; do
        start --name x "$IMAGE" -- serve >"$tmp/out$i" 2>"$tmp/err$i" &
    done
    wait
    won=0
    for i in 1 2 3 4 5; do
        if [ -s "$tmp/out$i" ]; then
            won=$((won + 1))
        else
            grep -q '^ingot: --name x: already in use by instance [0-9a-f]*$' \
                "$tmp/err$i" || fail "loser $i said: $(cat "$tmp/err$i")"
        fi
    done
    [ $won = 1 ] || fail "$won winners"
    [ "$(ing ps -a | grep -c ' x ')" = 1 ] || fail "ps -a"
    # Without --name, concurrent starts get distinct names.
    for i in 1 2 3; do start "$IMAGE" -- exit 0 >/dev/null & done
    wait
    names=$(ing ps -a --json | sed -n 's/^ *"name": "\(.*\)",*$/\1/p' | sort)
    [ "$(echo "$names" | wc -l)" = 4 ] || fail "names: $names"
    [ "$(echo "$names" | uniq | wc -l)" = 4 ] || fail "a name reused: $names"
    track x
    ing rm -f $(ing ps -aq) >/dev/null || fail "rm -f"
    all_gone
    ;;
stale)
    start --name s "$IMAGE" -- serve >/dev/null || fail "run -d"
    track s
    wait_log s '^ready$'
    mon=$(field s monitor_pid)
    kill -KILL "$mon"
    sleep 0.5
    ing ps 2>"$tmp/err" | grep -q " s " && fail "ps lists s"
    grep -q "^ingot: s: dead: its monitor (pid $mon) died" "$tmp/err" ||
        fail "ps did not report the dead monitor"
    ing ps -a | grep -q " s .* dead (monitor $mon died)" || fail "ps -a"
    ing wait s 2>&1 | grep -q 'dead: its monitor' || fail "wait"
    ing wait s >/dev/null 2>&1
    [ $? = 125 ] || fail "wait's status for a dead instance"
    ing stop s >/dev/null || fail "stop of a dead instance"
    ing rm s >/dev/null || fail "rm"
    all_gone
    ;;
logs)
    start --name l --log-opt max-size=4K --log-opt max-file=2 "$IMAGE" \
        -- spam 300 >/dev/null || fail "run -d"
    [ "$(ing wait l)" = 0 ] || fail "wait"
    dir=$INGOT_STATE_DIR/$(ing ps -aq | head -1)*
    ls -l $dir
    [ "$(ls $dir | grep -c '^log')" -le 2 ] || fail "more than 2 log files"
    for f in $dir/log*; do
        [ "$(stat -c %s "$f")" -le 4096 ] || fail "$f above max-size"
    done
    [ "$(ing logs --tail 1 l)" = "spam done" ] || fail "--tail 1"
    [ "$(ing logs --tail 3 l | head -1)" = "spam 00298 ................................" ] ||
        fail "--tail 3"
    [ -z "$(ing logs --tail 0 l)" ] || fail "--tail 0"
    ing logs -t --tail 1 l | grep -Eq '^20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z spam done$' ||
        fail "--timestamps"
    # -f follows a running instance and ends with it.
    start --name f "$IMAGE" -- serve >/dev/null || fail "run -d f"
    track f
    timeout 120 "$INGOT" logs -f f >"$tmp/follow" 2>/dev/null &
    fpid=$!
    wait_log f '^ready$'
    ing stop f >/dev/null
    wait $fpid || fail "logs -f did not end with the instance"
    grep -q '^handled SIGTERM$' "$tmp/follow" || fail "logs -f missed output"
    ing rm l f >/dev/null
    all_gone
    ;;
oci)
    ing pkg "$IMAGE" -t svc:1.0 -o "$tmp/layout" -- exit 4 >/dev/null ||
        fail "ingot pkg"
    start --name o "oci:$tmp/layout:svc:1.0" >/dev/null || fail "run -d oci:"
    ing wait o
    [ $? = 4 ] || fail "wait's status for the oci: image"
    plat=$(field o platform)
    [ "$plat" = "$(basename "$(dirname "$IMAGE")")" ] || fail "platform '$plat'"
    ing ps -a | grep -q " o  *oci:$tmp/layout:svc:1.0 .* exited 4 " ||
        fail "ps -a for the oci: instance"
    ing logs o | grep -q '^exiting 4$' || fail "logs"
    ing rm o >/dev/null
    # An oci: reference that does not resolve: 125 and the runner's error.
    ing run -d "oci:$tmp/layout:nope" 2>"$tmp/err" >/dev/null
    [ $? = 125 ] || fail "bad oci: reference: status"
    [ "$(wc -l <"$tmp/err")" = 1 ] || fail "bad oci: reference: $(cat "$tmp/err")"
    all_gone
    ;;
httpd_tap)
    # pico has no QEMU user networking: each instance on its own tap
    # device in a private network namespace, reached there with curl.
    if [ "$(id -u)" != 0 ] || [ ! -c /dev/net/tun ] || ! command -v curl >/dev/null
    then
        echo "SKIP: needs root, /dev/net/tun and curl"
        exit 77
    fi
    ns=ingot-m$$
    ip netns add $ns 2>/dev/null || { echo "SKIP: no network namespace"; exit 77; }
    trap 'cleanup; ip netns del $ns 2>/dev/null' EXIT
    mkdir "$tmp/root"
    for n in 1 2 3; do
        echo "web $n" >"$tmp/root/$n.html"
        ip netns exec $ns ip tuntap add dev tap$n mode tap ||
            { echo "SKIP: no tap device"; exit 77; }
        ip netns exec $ns ip addr add 10.201.$n.1/24 dev tap$n
        ip netns exec $ns ip link set tap$n up
        # The monitor, and so the guest, stays in the namespace it started in.
        ip netns exec $ns "$INGOT" run -d --name web$n --net tap:tap$n \
            --ip 10.201.$n.2/24 --gw 10.201.$n.1 --rootfs "$tmp/root" \
            "$IMAGE" -- -p 80 >/dev/null || fail "web$n did not start"
        track web$n
    done
    for n in 1 2 3; do wait_log web$n 'httpd: serving'; done
    ing ps
    [ "$(ing ps -q | wc -l)" = 3 ] || fail "ps does not list three"
    for n in 1 2 3; do
        got=$(ip netns exec $ns curl -sS --max-time 60 "http://10.201.$n.2/$n.html") ||
            fail "curl web$n"
        [ "$got" = "web $n" ] || fail "web$n answered '$got'"
    done
    ing stop web1 web2 web3 >/dev/null || fail "stop"
    ing rm web1 web2 web3 >/dev/null || fail "rm"
    all_gone
    ;;
errors)
    for c in run ps logs stop kill rm wait inspect stats; do
        ing $c --help | grep -q "^Usage: ingot $c" || fail "$c --help"
    done
    check() { # STATUS MESSAGE-REGEX COMMAND...
        local want=$1 re=$2
        shift 2
        ing "$@" >"$tmp/o" 2>"$tmp/e"
        local got=$?
        [ $got = "$want" ] || fail "ingot $*: status $got, expected $want"
        [ "$(wc -l <"$tmp/e")" = 1 ] || fail "ingot $*: not one line: $(cat "$tmp/e")"
        grep -Eq "$re" "$tmp/e" || fail "ingot $*: $(cat "$tmp/e")"
    }
    check 125 '^ingot: --restart sometimes: must be' run -d --restart sometimes "$IMAGE"
    check 125 '^ingot: --name needs -d' run --name x "$IMAGE"
    check 125 '^ingot: --name a/b: must be' run -d --name a/b "$IMAGE"
    check 125 '^ingot: --log-opt max-size=1K: max-size must' run -d --log-opt max-size=1K "$IMAGE"
    check 1 '^ingot: -x: unknown option$' ps -x
    check 1 '^ingot: nope: no such instance$' logs nope
    check 1 '^ingot: --tail x: must be a number' logs --tail x nope
    check 1 '^ingot: missing NAME or ID' logs
    check 1 '^ingot: nope: no such instance$' stop nope
    check 1 '^ingot: -t x: must be whole seconds' stop -t x nope
    check 1 '^ingot: -s FOO: not a signal' kill -s FOO nope
    check 1 '^ingot: nope: no such instance$' rm nope
    check 125 '^ingot: nope: no such instance$' wait nope
    check 1 '^ingot: nope: no such image file or instance$' inspect nope
    check 1 '^ingot: nope: no such instance$' stats --no-stream nope
    check 1 '^ingot: --bogus: unknown option$' stats --bogus
    INGOT_STATE_DIR=rel check 1 '^ingot: INGOT_STATE_DIR=rel: not an absolute path$' ps
    # A start that fails: the runner's error, 125, nothing left.
    check 125 '^ingot: /nonexistent: ' run -d /nonexistent
    [ ! -s "$tmp/o" ] || fail "a failed start printed an ID"
    start --name busy "$IMAGE" -- serve >/dev/null || fail "run -d busy"
    track busy
    check 1 '^ingot: busy: running; stop it first or use rm -f$' rm busy
    check 125 '^ingot: --name busy: already in use' run -d --name busy "$IMAGE"
    ing rm -f busy >/dev/null || fail "rm -f"
    all_gone
    ;;
httpd)
    command -v curl >/dev/null || { echo "SKIP: no curl"; exit 77; }
    mkdir "$tmp/root"
    for n in 1 2 3; do
        echo "web $n" >"$tmp/root/$n.html"
    done
    for n in 1 2 3; do
        started=
        for attempt in 1 2 3; do
            port[$n]=$((20000 + RANDOM % 30000))
            if start --name web$n -p "127.0.0.1:${port[$n]}:80" \
                --rootfs "$tmp/root" "$IMAGE" -- -p 80 >/dev/null; then
                started=1
                break
            fi
        done
        [ -n "$started" ] || fail "web$n did not start"
        track web$n
    done
    for n in 1 2 3; do wait_log web$n 'httpd: serving'; done
    out=$(ing ps)
    echo "$out"
    for n in 1 2 3; do
        echo "$out" | grep -q " web$n .* running .*127.0.0.1:${port[$n]}->80/tcp" ||
            fail "ps does not show web$n's port"
        got=$(curl -sS --max-time 60 "http://127.0.0.1:${port[$n]}/$n.html") ||
            fail "curl web$n"
        [ "$got" = "web $n" ] || fail "web$n answered '$got'"
    done
    ing stop web1 web2 web3 >/dev/null || fail "stop"
    ing rm web1 web2 web3 >/dev/null || fail "rm"
    all_gone
    ;;
*)
    fail "unknown case $CASE"
    ;;
esac
echo PASS
