#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# hostsig.sh: a signal sent to `ingot run` reaches the guest.
#
#   hostsig.sh INGOT IMAGE SIGNAL STATUS [run options...] -- MODE...
#
# Starts the sigterm program (MODE: handle DIR | ignore | default) under
# ingot run with default signal dispositions, waits for its "ready", sends
# SIGNAL to ingot run and requires exit status STATUS.  With "handle", the
# handler must have written the file "stopped" into the volume given as
# `-v HOSTDIR:DIR` among the run options.
set -u
ingot=$1 image=$2 sig=$3 want=$4
shift 4
opts=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do opts+=("$1"); shift; done
shift
tmp=$(mktemp -d)
trap 'kill -KILL $pid 2>/dev/null; rm -rf "$tmp"' EXIT
vol=
for ((i = 0; i < ${#opts[@]}; i++)); do
    [ "${opts[$i]}" = -v ] && vol=${opts[$((i + 1))]%%:*}
done
[ -n "$vol" ] && mkdir -p "$vol" && rm -f "$vol/stopped"

# Background jobs of a script start with SIGINT ignored; env restores it.
env --default-signal=INT,TERM "$ingot" run --accel tcg "${opts[@]}" "$image" \
    -- "$@" >"$tmp/out" 2>"$tmp/err" &
pid=$!
for ((i = 0; i < 3000; i++)); do
    grep -q '^ready$' "$tmp/out" 2>/dev/null && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.1
done
kill -"$sig" $pid
wait $pid
got=$?
echo "--- stdout"; cat "$tmp/out"; echo "--- stderr"; cat "$tmp/err"; echo ---
fail=0
[ "$got" = "$want" ] || { echo "FAIL: exit status $got, expected $want"; fail=1; }
if [ "$1" = handle ]; then
    grep -qx "handled signal 15" "$vol/stopped" 2>/dev/null ||
        { echo "FAIL: the handler wrote no $vol/stopped"; fail=1; }
fi
[ $fail = 0 ] && echo PASS
exit $fail
