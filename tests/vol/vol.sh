#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# vol.sh: volume tests that need the host to prepare or check a directory.
#
#   vol.sh fileops INGOT IMAGE NATIVE_FILEOPS   differential test in a volume
#   vol.sh modes INGOT IMAGE NATIVE_MODES       chmod/chown, differential,
#                                               the mode left on the host
#   vol.sh persist INGOT IMAGE NATIVE_PERSIST [write-threads]
#                                               1,000 fsynced files, checked
#                                               (by 4 threads at once)
#   vol.sh kill INGOT IMAGE NATIVE_PERSIST      SIGKILL mid-write
#   vol.sh readonly INGOT IMAGE [second]        EROFS from every change
#                                               (second: as volume v1,
#                                               after a read-write v0)
#   vol.sh escape INGOT IMAGE [raw]             no way out of the volume
#   vol.sh nodir INGOT IMAGE                    -v with a missing HOSTDIR
#   vol.sh nodevice INGOT PICO_IMAGE            vol. option, no such device
#
# Each works in a fresh temporary directory and exits 0 on success.
# $VOL_OPTS holds extra `ingot run` options (e.g. --machine q35).
set -u
what=$1 ingot=$2 image=$3
shift 3
tmp=$(mktemp -d)
pid=
cleanup() {
    [ -n "$pid" ] && kill -KILL -- "-$pid" 2>/dev/null
    chmod -R u+w "$tmp" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
# shellcheck disable=SC2086 # VOL_OPTS is a list of options
run() { timeout 300 "$ingot" run --accel tcg ${VOL_OPTS:-} "$@"; }

case $what in
fileops)
    native=$1
    mkdir "$tmp/vol"
    run -v "$tmp/vol:$tmp/vol" "$image" -- "$tmp/vol" >"$tmp/guest.out" 2>&1 ||
        { cat "$tmp/guest.out"; fail "guest exited $?"; }
    "$native" "$tmp/vol" >"$tmp/native.out"
    diff -u "$tmp/native.out" "$tmp/guest.out" ||
        fail "guest output differs from the native run"
    grep -q "^fileops: done$" "$tmp/guest.out" || fail "did not finish"
    [ -z "$(ls -A "$tmp/vol")" ] || fail "left files behind: $(ls "$tmp/vol")"
    ;;
modes)
    native=$1
    mkdir "$tmp/vol" "$tmp/nat"
    run -v "$tmp/vol:/data" "$image" -- /data >"$tmp/guest.out" 2>&1 ||
        { cat "$tmp/guest.out"; fail "guest exited $?"; }
    "$native" "$tmp/nat" >"$tmp/native.out"
    diff -u "$tmp/native.out" "$tmp/guest.out" ||
        fail "guest output differs from the native run"
    grep -q "^modes: done$" "$tmp/guest.out" || fail "did not finish"
    [ "$(stat -c %a "$tmp/vol/kept")" = 604 ] ||
        fail "host file mode $(stat -c %a "$tmp/vol/kept"), not 604"
    [ "$(ls -A "$tmp/vol")" = kept ] || fail "left behind: $(ls "$tmp/vol")"
    ;;
persist)
    native=$1 seed=$RANDOM mode=${2:-write}
    mkdir "$tmp/vol"
    run -v "$tmp/vol:/data" "$image" -- "$mode" /data 1000 "$seed" ||
        fail "guest exited $?"
    # The host reads every file back, byte by byte, with the native build.
    "$native" check "$tmp/vol" 1000 "$seed" || fail "host check (seed $seed)"
    [ "$(ls "$tmp/vol" | wc -l)" = 1000 ] || fail "not exactly 1000 files"
    ;;
kill)
    native=$1 seed=$RANDOM n=200
    mkdir "$tmp/vol"
    # Its own process group, so the kill reaches ingot run and the tender
    # (or QEMU) at once, as a crash or power cut would.
    setsid "$ingot" run --accel tcg -v "$tmp/vol:/data" "$image" -- \
        write-spin /data $n "$seed" >"$tmp/out" 2>&1 &
    pid=$!
    for _ in $(seq 600); do
        grep -q "^synced $n$" "$tmp/out" && break
        kill -0 $pid 2>/dev/null || break
        sleep 0.1
    done
    grep -q "^synced $n$" "$tmp/out" || { cat "$tmp/out"; fail "no 'synced'"; }
    # Well into the big file: it never shrinks once written.
    for _ in $(seq 300); do
        [ "$(stat -c %s "$tmp/vol/big" 2>/dev/null || echo 0)" -gt 1000000 ] &&
            break
        sleep 0.1
    done
    [ -s "$tmp/vol/big" ] || fail "the guest was not writing when killed"
    kill -0 $pid 2>/dev/null || fail "the guest stopped before the kill"
    kill -KILL -- "-$pid"
    wait $pid 2>/dev/null
    pid=
    "$native" check "$tmp/vol" $n "$seed" || fail "synced files damaged"
    ;;
readonly)
    mkdir -p "$tmp/vol/d" "$tmp/vol/e"
    echo hello >"$tmp/vol/f"
    echo inner >"$tmp/vol/d/x"
    (cd "$tmp/vol" && find . -exec stat -c '%n %s %Y %a' {} + | sort) \
        >"$tmp/before"
    extra=()
    if [ "${1:-}" = second ]; then
        mkdir "$tmp/other"
        extra=(-v "$tmp/other:/other")
    fi
    run "${extra[@]}" -v "$tmp/vol:/ro:ro" "$image" -- /ro >"$tmp/out" 2>&1
    st=$?
    cat "$tmp/out"
    [ $st = 0 ] || fail "guest exited $st"
    grep -q "^readonly: SUCCESS$" "$tmp/out" || fail "not SUCCESS"
    (cd "$tmp/vol" && find . -exec stat -c '%n %s %Y %a' {} + | sort) \
        >"$tmp/after"
    diff -u "$tmp/before" "$tmp/after" || fail "the volume changed"
    ;;
escape)
    mkdir -p "$tmp/vol/sub"
    echo TOPSECRET >"$tmp/secret"
    echo inside >"$tmp/vol/inside.txt"
    ln -s inside.txt "$tmp/vol/ok"
    ln -s ../secret "$tmp/vol/rel"
    ln -s .. "$tmp/vol/up"
    ln -s ../../secret "$tmp/vol/sub/deep"
    ln -s "$tmp/secret" "$tmp/vol/abs"
    ln -s /etc "$tmp/vol/etc"
    mkfifo "$tmp/vol/fifo"
    mknod "$tmp/vol/devzero" c 1 5 2>/dev/null || true # root only
    run -v "$tmp/vol:/vol" "$image" -- /vol "$tmp/secret" "$@" \
        >"$tmp/out" 2>&1
    st=$?
    cat "$tmp/out"
    [ $st = 0 ] || fail "guest exited $st"
    grep -q "^escape: SUCCESS$" "$tmp/out" || fail "not SUCCESS"
    grep -q "^inside link: inside$" "$tmp/out" || fail "inside link broken"
    grep -q "^lstat abs: a symbolic link$" "$tmp/out" || fail "lstat"
    grep -q TOPSECRET "$tmp/out" && fail "the secret was read"
    [ "$(cat "$tmp/secret")" = TOPSECRET ] || fail "the secret changed"
    [ "$(ls "$tmp")" = "$(printf 'out\nsecret\nvol')" ] ||
        fail "something appeared next to the volume: $(ls "$tmp")"
    [ "$(readlink "$tmp/vol/mine")" = ../secret ] ||
        fail "the guest's own link is not on the host"
    ;;
nodir)
    out=$("$ingot" run -v "$tmp/missing:/data" "$image" 2>&1)
    st=$?
    echo "$out"
    [ $st = 125 ] || fail "status $st, expected 125"
    [ "$out" = "ingot: -v $tmp/missing:/data: $tmp/missing: No such file or directory" ] ||
        fail "unexpected message"
    echo x >"$tmp/file"
    out=$("$ingot" run -v "$tmp/file:/data" "$image" 2>&1)
    st=$?
    echo "$out"
    [ $st = 125 ] || fail "status $st, expected 125"
    [ "$out" = "ingot: -v $tmp/file:/data: $tmp/file: Not a directory" ] ||
        fail "unexpected message"
    ;;
nodevice)
    out=$(timeout 60 "$(dirname "$ingot")/ingot-pico" -- "$image" \
        "vol.v0=/data -- /data" 2>&1)
    st=$?
    echo "$out"
    [ $st = 255 ] || fail "status $st, expected 255"
    [ "$out" = "ingot: volume v0 (/data): no such device" ] ||
        fail "unexpected output"
    # A malformed option stops the image the same way.
    out=$(timeout 60 "$(dirname "$ingot")/ingot-pico" -- "$image" \
        "vol.v0=data -- /data" 2>&1)
    st=$?
    echo "$out"
    [ $st = 255 ] || fail "status $st, expected 255"
    [ "$out" = "ingot: bad volume option 'vol.v0=data': expected vol.TAG=/DIR[:ro]" ] ||
        fail "unexpected output"
    ;;
*)
    fail "unknown test $what"
    ;;
esac
echo PASS
