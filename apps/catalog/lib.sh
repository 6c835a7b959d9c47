# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# lib.sh: what the catalog's scripts share (sourced by POSIX sh, not run):
# the pinned sources of apps/catalog/sources.lock, the compiler for each
# platform, and the small helpers of the catalog's tests.
#
#   catalog_row APP        sets cat_pkg, cat_file, cat_sha from sources.lock
#                          (exits 1 with a line when APP has no row)
#   catalog_source APP     sets cat_tarball to APP's tarball in the source
#                          cache after checking its SHA-256 (a mismatch:
#                          exit 1; missing: SKIP, exit 77)
#   catalog_cc PLATFORM    prints the C compiler for PLATFORM: ingot-cc
#                          --platform=kvm|pico, or "gcc -static" for native
#                          (static, so the same binary runs under runc)
#   catalog_run PLATFORM ARGS...
#                          `ingot run ARGS` (ingot from PATH), with --accel
#                          tcg for kvm as every test boots (docs/platforms.md)
#   need CMD...            SKIP (77) unless every CMD is installed
#   need_platform P        SKIP (77) for kvm without QEMU
#   workdir NAME           $tmp: a fresh directory under /tmp, removed at exit
#   fail WHY...            print FAIL and exit 1
#
# The source cache is $INGOT_SRC_CACHE, default /var/cache/ingot/src.
# Set catalog_dir (this directory) before sourcing:
#   catalog_dir=$(cd "$(dirname "$0")/../catalog" && pwd); . "$catalog_dir/lib.sh"

: "${catalog_dir:?set catalog_dir before sourcing lib.sh}"
: "${INGOT_SRC_CACHE:=/var/cache/ingot/src}"

fail() {
    echo "FAIL: $*"
    exit 1
}

need() {
    for c in "$@"; do
        command -v "$c" >/dev/null 2>&1 ||
            { echo "SKIP: $c is not installed"; exit 77; }
    done
}

need_platform() {
    [ "$1" != kvm ] || need "${INGOT_QEMU:-qemu-system-x86_64}"
}

# need_built FILE...: skip unless every FILE is an executable the catalog's
# build tests (catalog.APP.build.PLATFORM) made.
need_built() {
    for f in "$@"; do
        [ -x "$f" ] ||
            { echo "SKIP: $f not built (see the catalog.*.build tests)"; exit 77; }
    done
}

# same_output WHAT NATIVE IMAGE: 0 with an "ok" line when the files are
# equal and IMAGE is not empty; else the diff (native -, image +) and 1.
same_output() {
    if cmp -s "$2" "$3" && [ -s "$3" ]; then
        echo "ok: $1: $(wc -l <"$3") lines identical to native"
        return 0
    fi
    diff -u "$2" "$3"
    echo "FAIL: $1: the image's output differs from native (native -, image +)"
    return 1
}

workdir() {
    tmp=$(mktemp -d "/tmp/ingot-$1.XXXXXX") || exit 1
    trap 'rm -rf "$tmp"' EXIT
}

catalog_row() {
    row=$(awk -v a="$1" '$1 == a && !/^#/ { print $2, $3, $4; exit }' \
        "$catalog_dir/sources.lock")
    [ -n "$row" ] || fail "$1: no row in $catalog_dir/sources.lock"
    set -- $row
    cat_pkg=$1 cat_file=$2 cat_sha=$3
}

catalog_source() {
    catalog_row "$1"
    cat_tarball=$INGOT_SRC_CACHE/$cat_file
    if [ ! -f "$cat_tarball" ]; then
        echo "SKIP: $cat_tarball not found (scripts/deps.sh, or" \
            "apps/catalog/fetch.sh $1)"
        exit 77
    fi
    got=$(sha256sum "$cat_tarball" | cut -d' ' -f1)
    [ "$got" = "$cat_sha" ] ||
        fail "$cat_tarball: SHA-256 $got, pinned $cat_sha"
}

catalog_run() {
    if [ "$1" = kvm ]; then
        shift
        ingot run --accel tcg "$@"
    else
        shift
        ingot run "$@"
    fi
}

catalog_cc() {
    case $1 in
    native) echo "gcc -static" ;;
    kvm | pico) echo "ingot-cc --platform=$1" ;;
    *) fail "$1: not a platform (kvm, pico or native)" ;;
    esac
}
