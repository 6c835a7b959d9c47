#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# sqlite.sh: SQLite's own programs in an image, judged against the same
# source built natively and against the host's sqlite3.
#
#   sqlite.sh CHECK BINDIR PLATFORM IMAGEDIR NATIVEDIR
#
# CHECK is one of
#   workload    the sqlite3 shell runs workload.sql (100,000 rows in a
#               transaction, indexes, joins, aggregates) from standard
#               input: output identical to native
#   volume      the shell writes a database file on a volume with the
#               default VFS (record locks, journal, VACUUM; a second
#               connection finds the database locked): output identical to
#               native, then the host's sqlite3 checks the file
#   speedtest1  speedtest1 from the source package, --verify on a small
#               size, in memory and on a volume: the same results as native
set -u
check=$1 bin=$2 plat=$3 idir=$4 ndir=$5
here=$(cd "$(dirname "$0")" && pwd)
catalog_dir=$here/../../catalog
. "$catalog_dir/lib.sh"
need_platform "$plat"
need_built "$idir/sqlite3" "$ndir/sqlite3" "$idir/speedtest1" "$ndir/speedtest1"
workdir sqlite
export PATH="$bin:$PATH"
run() { catalog_run "$plat" -m 256M "$@"; }
compare() { # NAME: $tmp/NAME.native and $tmp/NAME.image must be equal
    same_output "$1" "$tmp/$1.native" "$tmp/$1.image" || exit 1
}
case $check in
workload)
    "$ndir/sqlite3" :memory: <"$here/workload.sql" >"$tmp/workload.native" 2>&1
    echo "status $?" >>"$tmp/workload.native"
    run "$idir/sqlite3" -- :memory: <"$here/workload.sql" >"$tmp/workload.image" 2>&1
    echo "status $?" >>"$tmp/workload.image"
    compare workload
    grep -q "^100000|" "$tmp/workload.image" || fail "no 100000 rows counted"
    ;;
volume)
    mkdir "$tmp/n" "$tmp/i"
    sed "s|@DB@|$tmp/n/test.db|" "$here/volume.sql" >"$tmp/n.sql"
    sed "s|@DB@|/data/test.db|" "$here/volume.sql" >"$tmp/i.sql"
    "$ndir/sqlite3" "$tmp/n/test.db" <"$tmp/n.sql" >"$tmp/volume.native" 2>&1
    echo "status $?" >>"$tmp/volume.native"
    run -v "$tmp/i:/data" "$idir/sqlite3" -- /data/test.db <"$tmp/i.sql" \
        >"$tmp/volume.image" 2>&1
    echo "status $?" >>"$tmp/volume.image"
    compare volume
    grep -q "database is locked" "$tmp/volume.image" ||
        fail "the second connection was not refused while the first held the lock"
    [ ! -e "$tmp/i/test.db-journal" ] || fail "a hot journal was left behind"
    need sqlite3
    host=$(sqlite3 "$tmp/i/test.db" "PRAGMA integrity_check; SELECT count(*), sum(n) FROM kv; SELECT count(*) FROM sqlite_schema WHERE name = 'kv_n';") ||
        fail "the host's sqlite3 cannot read the image's database"
    want=$(printf 'ok\n%s\n1' "$(tail -2 "$tmp/volume.image" | head -1)")
    [ "$host" = "$want" ] || fail "host sqlite3 read '$host', expected '$want'"
    echo "ok: the host's sqlite3 $(sqlite3 --version | cut -d' ' -f1) reads the image's database: $(echo "$host" | tr '\n' ' ')"
    ;;
speedtest1)
    # Timings differ; the statements and their results must not.
    strip() { sed -n 's/^ *\([0-9]* - .*[^.]\)\.*  *[0-9.]*s$/\1/p; /[Vv]erif/p' "$1"; }
    "$ndir/speedtest1" --verify --size 3 --memdb >"$tmp/mem.nraw" 2>&1 ||
        fail "native speedtest1: $(tail -3 "$tmp/mem.nraw")"
    run "$idir/speedtest1" -- --verify --size 3 --memdb >"$tmp/mem.iraw" 2>&1 ||
        fail "speedtest1 --memdb on $plat: $(tail -5 "$tmp/mem.iraw")"
    strip "$tmp/mem.nraw" >"$tmp/memdb.native"
    strip "$tmp/mem.iraw" >"$tmp/memdb.image"
    compare memdb
    mkdir "$tmp/n" "$tmp/i"
    "$ndir/speedtest1" --verify --size 2 "$tmp/n/st.db" >"$tmp/file.nraw" 2>&1 ||
        fail "native speedtest1 on a file: $(tail -3 "$tmp/file.nraw")"
    run -v "$tmp/i:/data" "$idir/speedtest1" -- --verify --size 2 /data/st.db \
        >"$tmp/file.iraw" 2>&1 ||
        fail "speedtest1 on a volume on $plat: $(tail -5 "$tmp/file.iraw")"
    strip "$tmp/file.nraw" >"$tmp/volume.native"
    strip "$tmp/file.iraw" >"$tmp/volume.image"
    compare volume
    grep "TOTAL" "$tmp/mem.iraw" "$tmp/file.iraw"
    ;;
*) fail "$check: not a check (workload, volume, speedtest1)" ;;
esac
echo SUCCESS
