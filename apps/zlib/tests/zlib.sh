#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# zlib.sh: zlib from Debian 12's source package, built unmodified by its
# own `./configure && make` with CC=ingot-cc (apps/catalog/build.sh), judged
# by its own tools.
#
#   zlib.sh CHECK BINDIR PLATFORM IMAGEDIR NATIVEDIR
#
# CHECK is one of
#   maketest  configure (which runs what it compiles) settled on the static
#             library by itself, and zlib's own `make test` passes: it runs
#             the images it built directly, including `echo hello world |
#             ./minigzip | ./minigzip -d` through standard input
#   minigzip  minigzip compresses a large file on a volume (byte for byte
#             what the native minigzip writes, and the host's gzip reads
#             it), then restores a file the host's gzip compressed
set -u
check=$1 bin=$2 plat=$3 idir=$4 ndir=$5
here=$(cd "$(dirname "$0")" && pwd)
catalog_dir=$here/../../catalog
. "$catalog_dir/lib.sh"
need_platform "$plat"
need_built "$idir/minigzip"
export PATH="$bin:$PATH"
case $check in
maketest)
    grep -q "^Building static library libz.a" "$idir/build.log" ||
        fail "configure did not settle on a static library: $(head -5 "$idir/build.log")"
    workdir zlib
    cd "$idir/src/tree" || exit 1
    make test >"$tmp/test.log" 2>&1 || fail "make test: $(cat "$tmp/test.log")"
    cat "$tmp/test.log"
    grep -q '\*\*\* zlib test OK \*\*\*' "$tmp/test.log" || fail "no 'zlib test OK'"
    grep -qx "hello world" "$tmp/test.log" ||
        fail "the minigzip pipe did not restore 'hello world'"
    ;;
minigzip)
    need gzip
    need_built "$ndir/minigzip"
    workdir zlib
    mkdir "$tmp/vol" "$tmp/nat"
    # 24 MiB: text that compresses well, then bytes that do not.
    i=0
    while [ $i -lt 40 ]; do
        cat "$idir"/src/tree/*.c "$idir"/src/tree/*.h
        i=$((i + 1))
    done | head -c 20971520 >"$tmp/big"
    head -c 4194304 /dev/urandom >>"$tmp/big"
    cp "$tmp/big" "$tmp/vol/big"
    cp "$tmp/big" "$tmp/nat/big"
    catalog_run "$plat" -v "$tmp/vol:/data" "$idir/minigzip" -- /data/big ||
        fail "minigzip /data/big on $plat"
    [ -f "$tmp/vol/big.gz" ] && [ ! -e "$tmp/vol/big" ] ||
        fail "minigzip did not replace big by big.gz"
    "$ndir/minigzip" "$tmp/nat/big" || fail "native minigzip"
    cmp "$tmp/nat/big.gz" "$tmp/vol/big.gz" ||
        fail "the image's big.gz differs from the native minigzip's"
    gzip -t "$tmp/vol/big.gz" || fail "host gzip: big.gz is not valid"
    gzip -dc "$tmp/vol/big.gz" | cmp - "$tmp/big" ||
        fail "host gzip -d does not restore the file"
    echo "ok: $(stat -c %s "$tmp/big") bytes compressed to $(stat -c %s "$tmp/vol/big.gz") on $plat, identical to native, read by host gzip"
    gzip -c "$tmp/big" >"$tmp/vol/host.gz"
    catalog_run "$plat" -v "$tmp/vol:/data" "$idir/minigzip" -- -d /data/host.gz ||
        fail "minigzip -d /data/host.gz on $plat"
    cmp "$tmp/vol/host" "$tmp/big" || fail "minigzip -d did not restore host gzip's file"
    echo "ok: a file compressed by host gzip restored by minigzip -d on $plat"
    ;;
*) fail "$check: not a check (maketest, minigzip)" ;;
esac
echo SUCCESS
