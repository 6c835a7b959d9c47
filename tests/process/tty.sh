#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# tty.sh: `ingot run -t` gives the guest the terminal, as natively.
#
#   tty.sh PTYDRIVE INGOT IMAGE NATIVE
#
# tty.c runs on a fresh pseudo-terminal, typed by ptydrive from tty.script,
# natively and under `ingot run -t`: the two transcripts (echoes, line
# editing, ^D, ^C, a raw key, a resize) must be byte for byte the same.
# Then: the terminal is restored after a guest left it raw; without -t
# isatty() is 1 exactly for the streams that are terminals.
set -u
drive=$1 ingot=$2 img=$3 native=$4
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
run="$ingot run --accel tcg"

env TERM=xterm "$drive" "$here/tty.script" -- "$native" >"$tmp/native" 2>&1
st=$?
[ $st = 0 ] || { echo "FAIL: native run: status $st"; cat "$tmp/native"; exit 1; }
"$drive" "$here/tty.script" -- $run -t --stop-timeout 1 "$img" >"$tmp/guest" 2>&1
st=$?
[ $st = 0 ] || { echo "FAIL: ingot run -t: status $st"; fail=1; }
if ! cmp -s "$tmp/native" "$tmp/guest"; then
    echo "FAIL: the transcripts differ (native, then ingot run -t):"
    diff <(cat -A "$tmp/native") <(cat -A "$tmp/guest")
    fail=1
fi
echo "--- transcript"; cat -A "$tmp/guest"

# A guest that leaves the terminal raw: ingot run restores it.
: >"$tmp/empty"
"$drive" "$tmp/empty" -- sh -c "$run -t '$img' -- raw-exit; stty -a" \
    >"$tmp/restore" 2>&1
grep -q -- '-icanon' "$tmp/restore" && {
    echo "FAIL: the terminal stayed raw:"; cat "$tmp/restore"; fail=1; }
grep -Eq '(^| )icanon' "$tmp/restore" || {
    echo "FAIL: no stty output:"; cat "$tmp/restore"; fail=1; }

# Without -t: terminals where the host has them (stdout is a pipe here).
"$drive" "$tmp/empty" -- sh -c "$run '$img' -- info | cat" >"$tmp/info" 2>&1
"$drive" "$tmp/empty" -- sh -c "'$native' info | cat" >"$tmp/ninfo" 2>&1
grep -q 'isatty 1 0 1' "$tmp/ninfo" || { echo "FAIL: native: $(cat "$tmp/ninfo")"; fail=1; }
cmp -s "$tmp/info" "$tmp/ninfo" || {
    echo "FAIL: without -t: $(cat -A "$tmp/info")"; fail=1; }

# -t needs a terminal.
out=$($run -t "$img" </dev/null 2>&1)
[ $? = 125 ] && grep -q 'standard input is not a terminal' <<<"$out" ||
    { echo "FAIL: -t without a terminal: $out"; fail=1; }
[ $fail = 0 ] && echo PASS
exit $fail
