#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# zlib.sh: zlib from Debian 12's source package, unmodified, built by its
# own `./configure && make && make test` with CC=ingot-cc: configure runs
# what it compiles and falls back to a static library, `make test` runs
# the images it built; then minigzip compresses and restores a file.
#
#   zlib.sh BINDIR PLATFORM STDIN [TARBALL]
#
# STDIN is yes when the platform passes standard input to an image run
# directly: then `make test`'s `echo hello world | ./minigzip | ./minigzip
# -d` must print "hello world" (without stdin that half of the test reads
# nothing and passes hollowly, so it is not counted).
# TARBALL defaults to /var/cache/ingot/src/zlib_1.2.13.dfsg.orig.tar.bz2
# (scripts/deps.sh fetches it with apt-get source); it must match the
# SHA-256 pinned here.  Skipped (77) when it is not there.
set -u
bin=$1 plat=$2 stdin=$3
tarball=${4:-/var/cache/ingot/src/zlib_1.2.13.dfsg.orig.tar.bz2}
pin=71feb7947e3c00ef125f83b79a4e529bde31171e5babe48b391f06758d1ab0a1
. "$(dirname "$0")/lib.sh"
[ -f "$tarball" ] || { echo "SKIP: $tarball not found (scripts/deps.sh)"; exit 77; }
need_platform "$plat"
got=$(sha256sum "$tarball" | cut -d' ' -f1)
[ "$got" = "$pin" ] || fail "$tarball: SHA-256 $got, pinned $pin"
workdir zlib
tar -C "$tmp" -xjf "$tarball" || fail "cannot unpack $tarball"
cd "$tmp"/zlib-* || exit 1
export PATH="$bin:$PATH"
CC="ingot-cc --platform=$plat" ./configure >"$tmp/configure.log" 2>&1 ||
    fail "configure: $(cat "$tmp/configure.log")"
cat "$tmp/configure.log"
grep -q "^Building static library libz.a" "$tmp/configure.log" ||
    fail "configure did not settle on a static library"
make -j2 >"$tmp/make.log" 2>&1 || fail "make: $(tail -30 "$tmp/make.log")"
make test >"$tmp/test.log" 2>&1 || fail "make test: $(cat "$tmp/test.log")"
cat "$tmp/test.log"
grep -q '\*\*\* zlib test OK \*\*\*' "$tmp/test.log" || fail "no 'zlib test OK'"
if [ "$stdin" = yes ]; then
    grep -qx "hello world" "$tmp/test.log" ||
        fail "the minigzip pipe did not restore 'hello world'"
fi
# minigzip on files in the working directory, as a program would be used.
cp README data && cp README data.orig
./minigzip data || fail "minigzip data"
[ -f data.gz ] && [ ! -e data ] || fail "minigzip did not replace data by data.gz"
./minigzip -d data.gz || fail "minigzip -d data.gz"
cmp data data.orig || fail "round trip through minigzip changed the file"
echo "minigzip: README ($(wc -c <data.orig) bytes) compressed and restored"
echo SUCCESS
