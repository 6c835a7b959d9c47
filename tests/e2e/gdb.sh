#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# gdb.sh: debugging an image with gdb (docs/debugging.md), on kvm (QEMU's
# gdb stub, TCG) and pico (gdbserver attached to the tender).
#
#   gdb.sh session PLATFORM INGOT IMAGE LIBDIR
#       a scripted gdb session: breakpoints in main's callee and in the
#       libos, a local, a global, TLS, threads, backtraces reaching main
#   gdb.sh core PLATFORM INGOT IMAGE LIBDIR
#       a crash with --core: gdb opens the core at the faulting line
#   gdb.sh bad PLATFORM INGOT IMAGE NODEBUG_IMAGE
#       misuses, each answered with one line; --gdb on an image without
#       DWARF warns and still runs
set -u
mode=$1 plat=$2 ingot=$3 image=$4 extra=$5
tools="gdb python3"
[ "$plat" = pico ] && [ "$mode" != core ] && tools="$tools gdbserver"
for tool in $tools; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed"; exit 77; }
done
tmp=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
    rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; for f in "$tmp"/*.txt; do echo "--- $f"; cat "$f"; done; exit 1; }

# A port nothing listens on: the kernel picks one, we give it back.
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# saw ERE WHY: fails with WHY unless a line of gdb's output matches ERE.
saw() { grep -Eq "$1" "$tmp/gdb.txt" || fail "$2"; }

wait_listening() { # $1: stderr file of ingot run
    for _ in $(seq 600); do
        grep -q 'waits for gdb' "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

helper=$extra/gdb/ingot-gdb.py

case $mode in
session)
    [ -f "$helper" ] || fail "no gdb helper at $helper"
    port=$(free_port)
    "$ingot" run --accel tcg --gdb="$port" "$image" >"$tmp/out.txt" 2>"$tmp/err.txt" &
    pids+=($!)
    run=$!
    wait_listening "$tmp/err.txt" || fail "ingot run never said it waits for gdb"
    # Connection retries (tcp auto-retry) cover the gdb server starting.
    timeout 300 gdb -nx -batch -x "$helper" \
        -ex 'set pagination off' -ex 'set confirm off' \
        -ex 'set exec-file-mismatch off' \
        -ex 'set tcp connect-timeout 60' \
        -ex "target remote 127.0.0.1:$port" \
        -ex 'break debug_compute' -ex 'continue' \
        -ex 'print x' -ex 'next' -ex 'next' -ex 'print doubled' \
        -ex 'print debug_counter' -ex 'print $ingot_tls("debug_tls")' \
        -ex 'print $ingot_tls("debug_tls", 2)' -ex 'ingot threads' \
        -ex 'ingot bt 2' -ex 'bt' \
        -ex 'break ig_plat_console_write' -ex 'continue' -ex 'bt' \
        -ex 'delete' -ex 'detach' \
        "$image" >"$tmp/gdb.txt" 2>&1 || fail "gdb failed"
    wait "$run"
    st=$?
    cat "$tmp/gdb.txt"
    saw '^Breakpoint 1, debug_compute \(x=21\) at .*debuggee.c:[0-9]*' \
        "no stop in debug_compute with x=21"
    saw '^\$1 = 21$' "print x"
    saw '^\$2 = 42$' "print doubled (a local, after stepping)"
    saw '^\$3 = 83$' "print debug_counter (a global)"
    saw '^\$4 = 8$' "\$ingot_tls(\"debug_tls\")"
    saw '^\$5 = 100$' "\$ingot_tls(\"debug_tls\", 2)"
    saw '^#[0-9] +0x[0-9a-f]+ in debug_worker at .*debuggee.c' \
        "ingot bt 2 does not reach debug_worker"
    saw '^  2 +blocked +0x[0-9a-f]+ in ' "ingot threads shows no blocked worker"
    saw '^#1 +0x[0-9a-f]+ in main \(argc=.*debuggee.c' \
        "bt from debug_compute does not reach main"
    saw '^Breakpoint 2[.0-9]*, ig_plat_console_write' \
        "no stop in the libos (ig_plat_console_write)"
    awk '/^Breakpoint 2[.0-9]*, ig_plat_console_write/ { on = 1 } on' "$tmp/gdb.txt" |
        grep -Eq '^#[0-9]+ +0x[0-9a-f]+ in main \(' ||
        fail "bt from ig_plat_console_write does not reach main"
    grep -q '^debuggee: 42 83 8$' "$tmp/out.txt" || fail "the program's output"
    [ "$st" = 0 ] || fail "ingot run exited $st, expected 0"
    ;;
core)
    mkdir "$tmp/cores"
    "$ingot" run --accel tcg --core "$tmp/cores" "$image" -- crash \
        >"$tmp/out.txt" 2>"$tmp/err.txt"
    st=$?
    [ "$st" = 255 ] || fail "ingot run exited $st, expected 255"
    core=$(ls "$tmp/cores"/core.* 2>/dev/null | head -n1)
    [ -n "$core" ] || fail "no core file in --core DIR"
    grep -q "^ingot: core file $core " "$tmp/err.txt" || fail "no notice naming the core"
    timeout 120 gdb -nx -batch -x "$extra/gdb/ingot-gdb.py" \
        -ex 'set pagination off' -ex 'bt' -ex 'print debug_counter' \
        -ex 'print $ingot_tls("debug_tls")' -ex 'info threads' \
        -ex 'thread apply all bt' "$image" "$core" >"$tmp/gdb.txt" 2>&1 ||
        fail "gdb failed"
    cat "$tmp/gdb.txt"
    line=$(grep -n 'the faulting line' "$(dirname "$0")/debuggee.c" | cut -d: -f1)
    saw 'Program terminated with signal SIGSEGV' "the core does not say SIGSEGV"
    saw "^#0 +(0x[0-9a-f]+ in )?debug_crash \(p=0x0\) at .*debuggee.c:$line" \
        "frame #0 is not debug_crash at debuggee.c:$line"
    saw '^#1 +0x[0-9a-f]+ in main ' "bt does not reach main"
    saw '^\$1 = 83$' "print debug_counter"
    saw '^\$2 = 8$' "\$ingot_tls(\"debug_tls\")"
    saw '^  2 +(LWP|process|Thread) ' "no second thread in the core"
    saw 'debug_worker' "the worker's backtrace is missing"
    ;;
bad)
    # A port in use: one line, nothing started.
    python3 -c 'import socket,sys,time; s=socket.socket(); s.bind(("127.0.0.1",0)); s.listen(1); print(s.getsockname()[1], flush=True); time.sleep(60)' >"$tmp/port.txt" &
    pids+=($!)
    for _ in $(seq 50); do [ -s "$tmp/port.txt" ] && break; sleep 0.1; done
    port=$(cat "$tmp/port.txt")
    "$ingot" run --accel tcg --gdb="$port" "$image" >"$tmp/out.txt" 2>"$tmp/err.txt"
    st=$?
    [ "$st" = 125 ] || fail "--gdb on a busy port: status $st, expected 125"
    [ "$(wc -l <"$tmp/err.txt")" = 1 ] || fail "--gdb on a busy port: not one line"
    grep -q "^ingot: --gdb=$port: cannot listen on 127.0.0.1:$port: Address already in use" "$tmp/err.txt" ||
        fail "--gdb on a busy port: message"
    cat "$tmp/err.txt"
    # --core to a directory no one can create files in (/proc), one that
    # does not exist and a file.
    for d in /proc "$tmp/missing" "$0"; do
        "$ingot" run --accel tcg --core "$d" "$image" >"$tmp/out.txt" 2>"$tmp/err.txt"
        st=$?
        [ "$st" = 125 ] || fail "--core $d: status $st, expected 125"
        [ "$(wc -l <"$tmp/err.txt")" = 1 ] || fail "--core $d: not one line"
        grep -q "^ingot: --core $d: " "$tmp/err.txt" || fail "--core $d: message"
        cat "$tmp/err.txt"
    done
    # --gdb=junk
    "$ingot" run --gdb=70000 "$image" 2>"$tmp/err.txt"
    [ $? = 125 ] && grep -q '^ingot: --gdb=70000: PORT must be a TCP port' "$tmp/err.txt" ||
        fail "--gdb=70000"
    cat "$tmp/err.txt"
    # An image without DWARF: a warning, and the run still waits for gdb.
    port=$(free_port)
    "$ingot" run --accel tcg --gdb="$port" "$extra" >"$tmp/out.txt" 2>"$tmp/err.txt" &
    pids+=($!)
    run=$!
    wait_listening "$tmp/err.txt" || fail "no-debug image: never waits for gdb"
    grep -q "^ingot: warning: $extra has no debug information (build it with ingot-cc -g)" "$tmp/err.txt" ||
        fail "no warning for an image without debug information"
    head -n1 "$tmp/err.txt"
    timeout 120 gdb -nx -batch -ex 'set exec-file-mismatch off' \
        -ex 'set tcp connect-timeout 60' \
        -ex "target remote 127.0.0.1:$port" -ex 'detach' "$extra" \
        >"$tmp/gdb.txt" 2>&1 || fail "gdb on the image without DWARF"
    wait "$run" || fail "the image without DWARF did not run to the end"
    ;;
*)
    echo "usage: gdb.sh session|core|bad PLATFORM INGOT IMAGE EXTRA" >&2
    exit 2
    ;;
esac
echo "PASS: gdb $mode"
