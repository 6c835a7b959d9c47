#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# run.sh: build the multi-file project with `make CC=ingot-cc`, then boot it.
#   run.sh BINDIR [PLATFORM]   (the platform goes in LDFLAGS, as a user's
#                               Makefile would take it; default kvm)
set -eu
bindir=$1 platform=${2:-kvm} src=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$src"/*.c "$src"/*.h "$src"/Makefile "$work"/
make -C "$work" CC="$bindir/ingot-cc" LDFLAGS="--platform=$platform"
for f in main.o util.o main.d util.d app; do
    [ -f "$work/$f" ] || { echo "FAIL: make did not produce $f"; exit 1; }
done
# A second make must find everything up to date.
make -C "$work" CC="$bindir/ingot-cc" LDFLAGS="--platform=$platform" -q app || { echo "FAIL: not up to date"; exit 1; }
# One step, several sources: -MD's file holds every source's rules (gcc
# would keep the last source's only), in the form make reads.
(cd "$work" && "$bindir/ingot-cc" --platform="$platform" -DGREETING="\"x\"" -MMD -MF one.d \
    -o one main.c util.c)
for dep in 'one: main.c' 'one: util.c' ' util.h'; do
    grep -q "$dep" "$work/one.d" || { echo "FAIL: one.d lacks '$dep'"; cat "$work/one.d"; exit 1; }
done
ls "$work" | grep -q ingot-cc-tmp && { echo "FAIL: a temporary file was left"; exit 1; }
printf 'one: ; @true\ninclude one.d\n' >"$work/deps.mk"
make -C "$work" -f deps.mk -q one || { echo "FAIL: make cannot read one.d"; exit 1; }
"$src/../check.sh" "$bindir/ingot" 0 "$work/app" \
    --expect '^multifile: built by make 42$'
