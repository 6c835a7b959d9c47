#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# installed.sh: `ingot bench` from an install, away from the source tree:
# the suites, the apps' sources and the floor kernel must all be installed.
set -u
build=$1
prefix=$(mktemp -d) work=$(mktemp -d)
trap 'rm -rf "$prefix" "$work"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null || exit 1
for f in lib.sh boot.sh memory.sh density.sh size.sh net.sh floor.elf \
    linux_init.c idle.c apps/hello/hello.c; do
    [ -e "$prefix/lib/ingot/bench/$f" ] ||
        { echo "FAIL: lib/ingot/bench/$f not installed"; exit 1; }
done
cd "$work"
env -u INGOT_LIBDIR "$prefix/bin/ingot" bench size --quick -o out ||
    { echo "FAIL: ingot bench size exited $?"; exit 1; }
grep -q "^size,hello-kvm-file,.*,ok," out/size.csv ||
    { echo "FAIL: no hello-kvm-file row"; cat out/size.csv; exit 1; }
echo PASS
