#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# direct.sh: drive ingot-runc as an engine would, without an engine:
# bundles made here, runc's call sequence (create, start, state, ps,
# pause, resume, kill, delete), `run`, hooks, volumes, the memory limit,
# the --log JSON lines, refusals, and a busybox bundle handed to runc.
#
#   direct.sh BIN_DIR PROBE_IMAGE PLATFORM HTTPD_IMAGE
set -u
bin=$1 probe=$2 plat=$3 httpd=$4
rt=$bin/ingot-runc
command -v runc >/dev/null || { echo "SKIP: runc is not installed"; exit 77; }
command -v jq >/dev/null || { echo "SKIP: jq is not installed"; exit 77; }
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root (namespaces, cgroups)"; exit 77; }
work=$(mktemp -d)
root=$work/state
fails=0
export INGOT_ACCEL=tcg
ns=ingot-rt-$$
cleanup() {
    ip netns del "$ns" 2>/dev/null
    ip link del "rt$$" 2>/dev/null
    for d in "$root"/*/; do
        [ -d "$d" ] && "$rt" --root "$root" delete --force "$(basename "$d")" 2>/dev/null
    done
    runc --root "$work/runc" delete --force bb 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# bundle DIR JQ-FILTER: an Ingot bundle from runc's default spec.
bundle() {
    mkdir -p "$1/rootfs/ingot"
    cp "$probe" "$1/rootfs/ingot/kernel"
    rm -f "$1/config.json"
    runc spec --bundle "$1"
    jq ".process.terminal=false | .process.env+=[\"PROBE_A=one two\"] | $2" \
        "$1/config.json" >"$1/c.tmp" && mv "$1/c.tmp" "$1/config.json"
}
state() { "$rt" --root "$root" state "$1" 2>/dev/null | jq -r .status; }
wait_status() { # ID STATUS: up to 60 s
    for _ in $(seq 600); do
        [ "$(state "$1")" = "$2" ] && return 0
        sleep 0.1
    done
    return 1
}

# 1. run: arguments, environment, output.
bundle "$work/b1" '.process.args=["/ingot/kernel","echo","a b"]'
out=$("$rt" --root "$root" run --bundle "$work/b1" r1 2>&1)
st=$?
[ $st = 0 ] || fail "run: status $st: $out"
for want in "arg1=echo" "arg2=a b" "env PROBE_A=one two"; do
    grep -qxF "$want" <<<"$out" || fail "run: no '$want' in: $out"
done

# 1b. process.cwd, hostname and user become ingot run -w, --hostname, -u.
bundle "$work/b1b" '.process.args=["/ingot/kernel","ident"] | .process.cwd="/tmp" |
    .hostname="box1" | .process.user={uid:1000,gid:100}'
out=$("$rt" --root "$root" run --bundle "$work/b1b" r1b 2>&1)
for want in "cwd=/tmp" "hostname=box1" "uid=1000 gid=100"; do
    grep -qxF "$want" <<<"$out" || fail "cwd/hostname/user: no '$want' in: $out"
done

# 2. the app's exit status is the container's.
bundle "$work/b2" '.process.args=["/ingot/kernel","exit","3"]'
"$rt" --root "$root" run --bundle "$work/b2" r2 >/dev/null 2>&1
st=$?
[ $st = 3 ] || fail "run exit 3: status $st"

# 3. create ... delete, as the engines call it; hooks with the state JSON.
cat >"$work/hook.sh" <<'H'
#!/bin/sh
cat >"$1"
H
chmod +x "$work/hook.sh"
bundle "$work/b3" ".process.args=[\"/ingot/kernel\",\"wait\"] |
  .hooks={prestart:[{path:\"$work/hook.sh\",args:[\"hook\",\"$work/prestart.json\"]}],
          poststart:[{path:\"$work/hook.sh\",args:[\"hook\",\"$work/poststart.json\"]}],
          poststop:[{path:\"$work/hook.sh\",args:[\"hook\",\"$work/poststop.json\"]}]}"
log=$work/log.json
"$rt" --root "$root" --log "$log" --log-format json create --bundle "$work/b3" \
    --pid-file "$work/b3.pid" c3 >"$work/c3.out" 2>&1 </dev/null
st=$?
[ $st = 0 ] || fail "create: status $st: $(cat "$work/c3.out")"
pid=$(cat "$work/b3.pid" 2>/dev/null)
[ "$(state c3)" = created ] || fail "after create: state $(state c3)"
[ "$(jq -r .pid "$work/prestart.json" 2>/dev/null)" = "$pid" ] ||
    fail "prestart hook: no state JSON with pid $pid on stdin"
"$rt" --root "$root" start c3 || fail "start"
[ "$(state c3)" = running ] || fail "after start: state $(state c3)"
[ "$(jq -r .id "$work/poststart.json" 2>/dev/null)" = c3 ] ||
    fail "poststart hook did not run"
"$rt" --root "$root" ps --format json c3 | jq -e "index($pid)" >/dev/null ||
    fail "ps --format json does not list $pid"
"$rt" --root "$root" pause c3 && [ "$(state c3)" = paused ] ||
    fail "pause: state $(state c3)"
"$rt" --root "$root" resume c3 && [ "$(state c3)" = running ] ||
    fail "resume: state $(state c3)"
msg=$("$rt" --root "$root" --log "$log" --log-format json exec c3 /bin/sh 2>&1)
[ $? = 1 ] && grep -q "no second process" <<<"$msg" ||
    fail "exec not refused cleanly: $msg"
tail -1 "$log" | jq -e '.level == "error" and (.msg | test("exec c3"))' \
    >/dev/null || fail "--log: no JSON error line for exec: $(tail -1 "$log")"
for _ in $(seq 300); do grep -q waiting "$work/c3.out" && break; sleep 0.1; done
grep -q waiting "$work/c3.out" || fail "guest output: $(cat "$work/c3.out")"
"$rt" --root "$root" kill c3 TERM || fail "kill TERM"
wait_status c3 stopped || fail "after kill TERM: state $(state c3)"
if [ "$plat" = pico ]; then
    grep -q "got SIGTERM" "$work/c3.out" || fail "kill TERM did not reach the guest: $(cat "$work/c3.out")"
fi
"$rt" --root "$root" delete c3 || fail "delete"
[ -e "$root/c3" ] && fail "delete left $root/c3"
[ "$(jq -r .status "$work/poststop.json" 2>/dev/null)" = stopped ] ||
    fail "poststop hook did not run"
"$rt" --root "$root" delete c3 >/dev/null 2>&1 && fail "delete of a deleted container succeeded"

# cgroupsPath: the container process joins the group on every hierarchy
# (here the memory one, v1 or v2); delete removes the group.
cg=/ingot-rt-test-$$
memcg=$(awk '$3 == "cgroup" && $4 ~ /memory/ { print $2; exit }
    $3 == "cgroup2" { v2 = $2 } END { if (v2) print v2 }' /proc/mounts | head -1)
if [ -n "$memcg" ]; then
    bundle "$work/b9" ".process.args=[\"/ingot/kernel\",\"wait\"] | .linux.cgroupsPath=\"$cg/c9\" |
      .linux.resources.memory.limit=33554432"
    "$rt" --root "$root" create --bundle "$work/b9" --pid-file "$work/b9.pid" c9 \
        >/dev/null 2>&1 </dev/null || fail "cgroup create"
    grep -qx "$(cat "$work/b9.pid")" "$memcg$cg/c9/cgroup.procs" ||
        fail "cgroup: $(cat "$work/b9.pid") not in $memcg$cg/c9"
    "$rt" --root "$root" delete --force c9 || fail "cgroup delete"
    [ -e "$memcg$cg/c9" ] && fail "cgroup: delete left $memcg$cg/c9"
    for d in /sys/fs/cgroup/*"$cg" /sys/fs/cgroup"$cg"; do [ -d "$d" ] && rmdir "$d"; done
fi

# 4. a bind mount read and written; read-only stays read-only.
mkdir -p "$work/vol" "$work/volro"
echo "from the host" >"$work/vol/in.txt"
echo "from the host" >"$work/volro/in.txt"
bundle "$work/b4" ".process.args=[\"/ingot/kernel\",\"vol\",\"/data\"] |
  .mounts+=[{destination:\"/data\",type:\"bind\",source:\"$work/vol\",options:[\"rbind\",\"rw\"]}]"
out=$("$rt" --root "$root" run --bundle "$work/b4" r4 2>&1)
grep -qx "read from the host" <<<"$out" && grep -qx "written by the guest" "$work/vol/out.txt" ||
    fail "volume: $out"
bundle "$work/b5" ".process.args=[\"/ingot/kernel\",\"vol\",\"/data\"] |
  .mounts+=[{destination:\"/data\",type:\"bind\",source:\"$work/volro\",options:[\"rbind\",\"ro\"]}]"
out=$("$rt" --root "$root" run --bundle "$work/b5" r5 2>&1)
st=$?
[ $st = 1 ] && [ ! -e "$work/volro/out.txt" ] || fail "ro volume written ($st): $out"

# 5. linux.resources.memory.limit is the guest's memory.
bundle "$work/b6" '.process.args=["/ingot/kernel","mem"] | .linux.resources.memory.limit=33554432'
out=$("$rt" --root "$root" run --bundle "$work/b6" r6 2>&1)
mib=$(sed -n 's/^heap_mib=//p' <<<"$out")
[ -n "$mib" ] && [ "$mib" -lt 32 ] && [ "$mib" -gt 8 ] || fail "memory limit 32M: heap $mib MiB: $out"

# 6. malformed config.json: one clear line, and nothing left behind.
bundle "$work/b7" '.process.args=["/ingot/kernel"]'
jq '.process.args="x"' "$work/b7/config.json" >"$work/b7/c" && mv "$work/b7/c" "$work/b7/config.json"
# (not readable as Ingot: runc gets it and reports)
"$rt" --root "$root" create --bundle "$work/b7" c7 >/dev/null 2>&1 </dev/null &&
    fail "malformed config.json accepted"

# 7. a busybox bundle goes to runc unchanged.
if [ -x /bin/busybox ]; then
    mkdir -p "$work/bb/rootfs/bin"
    cp /bin/busybox "$work/bb/rootfs/bin/"
    runc spec --bundle "$work/bb"
    jq '.process.terminal=false | .process.args=["/bin/busybox","echo","from runc"]' \
        "$work/bb/config.json" >"$work/bb/c" && mv "$work/bb/c" "$work/bb/config.json"
    out=$("$rt" --root "$work/runc" run --bundle "$work/bb" bb 2>&1 </dev/null)
    [ "$out" = "from runc" ] || fail "busybox through runc: $out"
    [ -e "$work/runc/bb/ingot-state.json" ] && fail "busybox bundle treated as Ingot"
fi

# 8. networking in a namespace the "engine" made: the guest takes over the
# interface (address, gateway, MAC) and answers on it; delete gives the
# interface back, so the namespace works for the next container.
if command -v curl >/dev/null && ip netns add "$ns" 2>/dev/null; then
    ip link add "rt$$" type veth peer name eth0 netns "$ns"
    ip addr add 10.79.0.1/30 dev "rt$$" && ip link set "rt$$" up
    ip -n "$ns" addr add 10.79.0.2/30 dev eth0 && ip -n "$ns" link set eth0 up
    ip -n "$ns" route add default via 10.79.0.1
    mac=$(ip -n "$ns" -j link show eth0 | jq -r '.[0].address')
    bundle "$work/b8" ".process.args=[\"/ingot/kernel\",\"-p\",\"80\"] |
      .linux.namespaces=[{type:\"network\",path:\"/run/netns/$ns\"}]"
    cp "$httpd" "$work/b8/rootfs/ingot/kernel"
    for round in 1 2; do
        "$rt" --root "$root" create --bundle "$work/b8" c8 >"$work/c8.out" 2>&1 </dev/null ||
            fail "net create: $(cat "$work/c8.out")"
        "$rt" --root "$root" start c8 || fail "net start"
        code=
        for _ in $(seq 150); do
            code=$(curl -s -m 2 -o /dev/null -w '%{http_code}' http://10.79.0.2/)
            [ "$code" = 200 ] && break
            sleep 0.2
        done
        [ "$code" = 200 ] || fail "net round $round: curl got '$code': $(cat "$work/c8.out")"
        got=$(ip neigh show 10.79.0.2 dev "rt$$" | grep -o 'lladdr [0-9a-f:]*')
        [ "$got" = "lladdr $mac" ] || fail "net: the guest answers as '$got', not $mac"
        "$rt" --root "$root" delete --force c8 || fail "net delete"
        ip -n "$ns" -4 addr show eth0 | grep -q 10.79.0.2/30 ||
            fail "net: delete did not give eth0 its address back"
        ip -n "$ns" link show ingottap0 >/dev/null 2>&1 && fail "net: tap left"
    done
    echo "network: two containers in turn answered on 10.79.0.2 as $mac"
fi

# 9. malformed input: one line, status 1, nothing created.
one_line() { # WHAT REGEX COMMAND...
    local what=$1 re=$2 out st
    shift 2
    # A file, not a pipe: a container that wrongly starts keeps its stdio.
    "$@" >"$work/one_line.out" 2>&1 </dev/null
    st=$?
    out=$(cat "$work/one_line.out")
    [ $st = 1 ] && [ "$(wc -l <<<"$out")" = 1 ] && grep -Eq -- "$re" <<<"$out" ||
        fail "$what: status $st: $out"
}
# (a config.json this runtime cannot read is runc's, which refuses it too)
bundle "$work/b10" '.process.args=["/ingot/kernel"] | .process.user={uid:-1}'
one_line "user" 'process\.user\.uid' \
    "$rt" --root "$root" create --bundle "$work/b10" c10
bundle "$work/b11" '.process.args=["/ingot/kernel"] | .linux.resources.memory.limit=1048576'
one_line "tiny memory" 'needs at least 2 MiB' "$rt" --root "$root" create --bundle "$work/b11" c11
one_line "bad ID" 'a/b: not a valid container ID' "$rt" --root "$root" create --bundle "$work/b11" a/b
one_line "no ID" 'missing container ID' "$rt" --root "$root" create --bundle "$work/b11"
one_line "preserve-fds" 'take no extra descriptors' \
    "$rt" --root "$root" create --preserve-fds 2 --bundle "$work/b11" c12
one_line "global option" '^ingot-runc: --frob: unknown global option$' "$rt" --frob state x
one_line "missing value" '^ingot-runc: --root: missing value$' "$rt" --root
jq '.process.terminal=true' "$work/b1/config.json" >"$work/b1/c" && mv "$work/b1/c" "$work/b1/config.json"
one_line "terminal" 'process.terminal needs --console-socket' \
    "$rt" --root "$root" create --bundle "$work/b1" c13
"$rt" features | jq -e '.hooks | index("prestart")' >/dev/null || fail "features is not JSON"
"$rt" --help | grep -q '^Usage: ingot-runc' || fail "--help"

leftover=$(ls "$root" 2>/dev/null)
[ -z "$leftover" ] || fail "state left: $leftover"
[ $fails = 0 ] && echo "PASS ($plat)"
exit $((fails > 0))
