#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# exec.sh: an image executed directly behaves like the native program.
#
#   exec.sh INGOT-CC PLATFORM PROBE.c
#
# Builds PROBE.c natively and with ingot-cc, runs both directly (./prog)
# with the same arguments, environment and working directory, and compares
# output, the file written beneath the working directory, the exit
# status, and failing writes to standard output.  Then the image alone: it may not create files outside the
# working directory, and a missing launcher or a missing `ingot` fail in
# one line with status 127.
set -u
cc=$1 plat=$2 src=$3
. "$(dirname "$0")/lib.sh"
need_platform "$plat"
workdir exec
mkdir "$tmp/native" "$tmp/image" "$tmp/native/sub" "$tmp/image/sub"
cc -o "$tmp/native/prog" "$src" || fail "native build"
"$cc" --platform="$plat" -o "$tmp/image/prog" "$src" || fail "ingot-cc"

for k in native image; do
    (cd "$tmp/$k" && PROBE_CWD="$tmp/$k" PROBE_FILE="$src" \
        PROBE_TEXT='two  words "quoted" \back' ./prog "a b" '' 'c"d' >out 2>err
     echo "status $?" >>out)
done
diff -u "$tmp/native/out" "$tmp/image/out" || fail "outputs differ (- native, + image)"
cmp "$tmp/native/sub/made.txt" "$tmp/image/sub/made.txt" ||
    fail "written files differ"
[ ! -s "$tmp/image/err" ] || fail "image wrote to stderr: $(cat "$tmp/image/err")"
cat "$tmp/image/out"

# Standard output to a pipe is buffered in blocks, as glibc's, not lines.
for k in native image; do
    (cd "$tmp/$k" && ./prog order | cat >order.out)
done
diff -u "$tmp/native/order.out" "$tmp/image/order.out" ||
    fail "stdout's buffering differs (- native, + image)"

# Standard output that fails: /dev/full (ENOSPC), a reader that has gone
# (SIGPIPE, or EPIPE when ignored), reported to the app as natively.  pico
# only: a kvm guest's serial line cannot fail (QEMU writes to the host).
[ "$plat" = pico ] && for k in native image; do
    (cd "$tmp/$k" && {
        ./prog flood >/dev/full 2>e1; echo "full: status $?"; cat e1
        { ./prog flood 2>e2; echo "pipe: status $?" >st; } | head -1
        cat st # (e2: the image says which signal ended it, natively none)
        { ./prog flood ign 2>e3; echo "ignored: status $?" >st; } | head -1
        cat st e3
    } >fail.out 2>&1)
done
if [ "$plat" = pico ]; then
    diff -u "$tmp/native/fail.out" "$tmp/image/fail.out" ||
        fail "failing stdout differs (- native, + image)"
    cat "$tmp/image/fail.out"
fi

# Outside the working directory the host is read-only.
(cd "$tmp/image/sub" && ./../prog outside "$tmp/native/escaped") >"$tmp/o" 2>&1
grep -q "^create $tmp/native/escaped: Read-only file system$" "$tmp/o" ||
    fail "write outside the working directory: $(cat "$tmp/o")"
[ ! -e "$tmp/native/escaped" ] || fail "the image created a file outside"

# No launcher (an image copied to a machine without Ingot): the shell
# reports one line, status 127.  The image names <libdir>/ingot-exec, so
# link against a library directory without one.
libdir=$(dirname "$(dirname "$cc")")/lib/ingot
mkdir -p "$tmp/nolaunch/lib/ingot" "$tmp/copy/lib/ingot"
for f in "$libdir"/*; do
    [ "$(basename "$f")" = ingot-exec ] && continue
    ln -s "$f" "$tmp/nolaunch/lib/ingot/" && ln -s "$f" "$tmp/copy/lib/ingot/"
done
INGOT_LIBDIR="$tmp/nolaunch/lib/ingot" "$cc" --platform="$plat" \
    -o "$tmp/orphan" "$src" || fail "ingot-cc with another libdir"
(cd "$tmp" && sh -c ./orphan) >"$tmp/o" 2>"$tmp/e"
st=$?
[ $st = 127 ] && [ "$(wc -l <"$tmp/e")" = 1 ] ||
    fail "without a launcher: status $st, stderr: $(cat "$tmp/e")"
echo "without a launcher: $(cat "$tmp/e")"
# A launcher without its `ingot` (../../bin/ingot): its own one line.
cp "$libdir/ingot-exec" "$tmp/copy/lib/ingot/"
INGOT_LIBDIR="$tmp/copy/lib/ingot" "$cc" --platform="$plat" \
    -o "$tmp/stray" "$src" || fail "ingot-cc with a copied libdir"
(cd "$tmp" && ./stray) >"$tmp/o" 2>"$tmp/e"
st=$?
grep -qx "ingot-exec: $tmp/copy/lib/ingot/../../bin/ingot: No such file or directory" \
    "$tmp/e" && [ $st = 127 ] && [ "$(wc -l <"$tmp/e")" = 1 ] ||
    fail "without ingot: status $st, stderr: $(cat "$tmp/e")"
echo "without ingot: $(cat "$tmp/e")"
echo SUCCESS
