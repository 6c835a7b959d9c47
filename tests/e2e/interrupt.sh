#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# interrupt.sh: Ctrl-C stops the image.  SIGINT goes to the whole process
# group (what a terminal does) or to `ingot run` alone (kvm: forwarded to
# its child, QEMU; pico: `ingot run` has become the tender, one process per
# guest, which this checks too); either way `ingot run` exits 130 promptly
# and leaves no child behind.
#
#   interrupt.sh INGOT IMAGE group|process kvm|pico
set -u
ingot=$1 image=$2 how=$3 plat=$4
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# Job control gives the job a process group of its own, as a terminal does;
# without it bash starts background jobs with SIGINT ignored (and ingot run,
# like any tool under nohup, leaves an ignored SIGINT ignored).
set -m
"$ingot" run --accel tcg "$image" >"$out" 2>&1 &
pid=$!
for _ in $(seq 300); do
    grep -q '^sleeping$' "$out" && break
    sleep 0.1
done
grep -q '^sleeping$' "$out" || { echo "FAIL: guest never started"; cat "$out"; exit 1; }
if [ "$plat" = pico ]; then
    exe=$(readlink "/proc/$pid/exe")
    case $exe in */ingot-pico) ;; *)
        echo "FAIL: ingot run is $exe, not the tender it should exec"; exit 1 ;;
    esac
    child=$pid
    pgrep -P "$pid" >/dev/null && { echo "FAIL: the tender has a child"; exit 1; }
else
    child=$(pgrep -P "$pid") || { echo "FAIL: ingot run has no child"; exit 1; }
fi
if [ "$how" = group ]; then kill -INT -- "-$pid"; else kill -INT "$pid"; fi
start=$(date +%s%N)
wait "$pid"
st=$?
ms=$((($(date +%s%N) - start) / 1000000))
cat "$out"
echo "ingot run exited $st after ${ms} ms"
[ "$st" = 130 ] || { echo "FAIL: status $st, expected 130"; exit 1; }
[ "$ms" -lt 5000 ] || { echo "FAIL: took ${ms} ms to stop"; exit 1; }
for c in $child; do
    if kill -0 "$c" 2>/dev/null; then
        echo "FAIL: child $c still running"
        kill -KILL "$c"
        exit 1
    fi
done
grep -q '^woke up$' "$out" && { echo "FAIL: guest was not stopped"; exit 1; }
echo PASS
