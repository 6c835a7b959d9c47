#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# stdio.sh: standard streams of a guest, like a process's.
#
#   stdio.sh INGOT CAT_IMAGE STREAMS_IMAGE [BYTES]
#
# BYTES (default a megabyte) of random bytes piped through the guest's cat
# come out
# byte-identical on stdout, with cat's count on stderr only; the streams
# program's stdout and stderr lines arrive on ingot run's stdout and stderr
# respectively, and isatty() is 0 for pipes and files.
set -u
ingot=$1 cat_img=$2 streams_img=$3 size=${4:-1048576}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
run() { timeout 300 "$ingot" run --accel tcg "$@"; }

head -c "$size" /dev/urandom >"$tmp/in"
run "$cat_img" <"$tmp/in" >"$tmp/out" 2>"$tmp/err"
st=$?
[ $st = 0 ] || { echo "FAIL: cat exited $st"; fail=1; }
cmp "$tmp/in" "$tmp/out" || { echo "FAIL: output differs from input"; fail=1; }
grep -qx "cat: $size bytes" "$tmp/err" ||
    { echo "FAIL: stderr lacks the count:"; cat "$tmp/err"; fail=1; }

# Empty input is end of file at once.
run "$cat_img" </dev/null >"$tmp/out" 2>"$tmp/err"
[ -s "$tmp/out" ] && { echo "FAIL: output from empty input"; fail=1; }
grep -qx 'cat: 0 bytes' "$tmp/err" || { echo "FAIL: empty input"; fail=1; }

run "$streams_img" </dev/null >"$tmp/out" 2>"$tmp/err"
echo "--- stdout"; cat "$tmp/out"; echo "--- stderr"; cat "$tmp/err"; echo ---
grep -qx 'to stdout; isatty 0 0 1 0 2 0' "$tmp/out" ||
    { echo "FAIL: stdout"; fail=1; }
grep -q 'to stderr' "$tmp/out" && { echo "FAIL: stderr on stdout"; fail=1; }
grep -qx 'to stderr' "$tmp/err" || { echo "FAIL: stderr"; fail=1; }
grep -q 'to stdout' "$tmp/err" && { echo "FAIL: stdout on stderr"; fail=1; }
[ $fail = 0 ] && echo PASS
exit $fail
