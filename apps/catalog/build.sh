#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# build.sh: build one catalog app from its pinned Debian source, unmodified,
# by its own build system, for one platform.
#
#   build.sh APP PLATFORM OUTDIR [BINDIR]
#
# PLATFORM is kvm or pico (CC=ingot-cc --platform=...) or native (gcc
# -static, for the comparisons).  BINDIR, when given, goes first on PATH
# (a build tree's bin/ with ingot and ingot-cc).  OUTDIR is emptied, then
# holds:
#   src/           the unpacked, built source tree (test suites run there)
#   PROGRAM...     the programs of the app (apps/APP/recipe.sh names them)
#   APP.oci.tar    kvm and pico: the main program packaged by `ingot pkg`
#   build.log      the build's output
#
# apps/APP/recipe.sh defines, run in the source tree with $cc and $plat set:
#   recipe_programs   the programs to copy to OUTDIR (paths in the tree)
#   recipe_build      the build, with the app's own build system
#   recipe_sources    (optional) libraries the app needs, by their rows in
#                     sources.lock: each tarball is checked like the app's
#                     (missing: SKIP) and unpacked into OUTDIR/deps, with
#                     $deps/NAME naming its tree for recipe_build (which
#                     builds and installs them, e.g. into $deps/prefix)
# The build runs with -j${INGOT_JOBS:-2}.  Exit 0, 1 with the log's tail
# when the build fails, 77 (SKIP) without the source tarball or QEMU.
set -eu
[ $# -ge 3 ] || { echo "usage: build.sh APP PLATFORM OUTDIR [BINDIR]" >&2; exit 2; }
app=$1 plat=$2 out=$3
[ -z "${4:-}" ] || PATH=$(cd "$4" && pwd):$PATH
export PATH
catalog_dir=$(cd "$(dirname "$0")" && pwd)
. "$catalog_dir/lib.sh"
recipe=$catalog_dir/../$app/recipe.sh
[ -f "$recipe" ] || fail "$app: no $recipe"
cc=$(catalog_cc "$plat")
catalog_source "$app"
need_platform "$plat"
[ "$plat" = native ] || need ingot-cc ingot
jobs=${INGOT_JOBS:-2}
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -rf "${out:?}"/*
mkdir "$out/src"
tar -C "$out/src" -xf "$cat_tarball" || fail "cannot unpack $cat_tarball"
top=$(ls "$out/src")
[ "$(echo "$top" | wc -l)" = 1 ] || fail "$cat_file: not one top directory"
. "$recipe"
deps=$out/deps
app_pkg=$cat_pkg
for dep in ${recipe_sources:-}; do
    catalog_source "$dep"
    mkdir -p "$deps/.$dep"
    tar -C "$deps/.$dep" -xf "$cat_tarball" || fail "cannot unpack $cat_tarball"
    [ "$(ls "$deps/.$dep" | wc -l)" = 1 ] || fail "$cat_file: not one top directory"
    ln -sfn ".$dep/$(ls "$deps/.$dep")" "$deps/$dep"
    echo "catalog: $app needs $dep ($cat_pkg)"
done
cat_pkg=$app_pkg
echo "catalog: $app ($cat_pkg) for $plat with CC='$cc'"
start=$(date +%s)
if ! (cd "$out/src/$top" && recipe_build) >"$out/build.log" 2>&1; then
    tail -40 "$out/build.log"
    fail "$app: the build for $plat failed (whole log: $out/build.log)"
fi
ln -sfn "$top" "$out/src/tree"
for p in $recipe_programs; do
    cp "$out/src/$top/$p" "$out/" || fail "$app: $p was not built"
    echo "catalog: $(basename "$p"): $(stat -c %s "$out/$(basename "$p")") bytes"
done
if [ "$plat" != native ]; then
    main=$(basename "${recipe_programs%% *}")
    ver=${cat_pkg#*=}
    tag=$(printf '%s' "${ver#*:}" | tr -c 'A-Za-z0-9_.-' '-')
    ingot pkg "$out/$main" -t "$app:$tag" --archive "$out/$app.oci.tar" \
        --source "https://sources.debian.org/src/${cat_pkg%%=*}/${ver#*:}/" \
        >"$out/pkg.log" 2>&1 ||
        fail "$app: ingot pkg: $(cat "$out/pkg.log")"
    echo "catalog: $(cat "$out/pkg.log")"
fi
echo "catalog: $app for $plat built in $(($(date +%s) - start)) s"
