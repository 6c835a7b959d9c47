#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# rootfs_temp.sh: `ingot run --rootfs DIR` on pico packs DIR into a
# temporary archive and still becomes the tender (one process); the tender
# removes the archive as soon as it has opened it, so none is left behind
# while the guest runs or after it ends.
#
#   rootfs_temp.sh INGOT SLEEPER_IMAGE ROOTFS_IMAGE DIR
set -u
ingot=$1 sleeper=$2 rootfs=$3 dir=$4
TMPDIR=$(mktemp -d)
export TMPDIR
out=$TMPDIR.out
trap 'kill -KILL $pid 2>/dev/null; rm -rf "$TMPDIR" "$out"' EXIT
fail=0

# The guest reads the packed files (rootfs.c), then nothing is left.
"$ingot" run --rootfs "$dir" "$rootfs" >"$out" 2>&1
st=$?
[ $st = 0 ] || { echo "FAIL: rootfs run: status $st"; cat "$out"; fail=1; }
[ -z "$(ls -A "$TMPDIR")" ] || { echo "FAIL: left $(ls "$TMPDIR")"; fail=1; }

# While a guest runs: one process, the tender, and no archive on disk.
set -m
"$ingot" run --rootfs "$dir" "$sleeper" >"$out" 2>&1 &
pid=$!
for _ in $(seq 300); do
    grep -q '^sleeping$' "$out" && break
    sleep 0.1
done
grep -q '^sleeping$' "$out" || { echo "FAIL: guest never started"; cat "$out"; exit 1; }
case $(readlink "/proc/$pid/exe") in
*/ingot-pico) ;;
*) echo "FAIL: ingot run did not become the tender"; fail=1 ;;
esac
[ -z "$(ls -A "$TMPDIR")" ] || { echo "FAIL: archive still there: $(ls "$TMPDIR")"; fail=1; }
kill -INT $pid
wait $pid
st=$?
[ $st = 130 ] || { echo "FAIL: status $st after SIGINT, expected 130"; fail=1; }
[ $fail = 0 ] && echo PASS
exit $fail
