#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# pico.sh: exec-to-exit time of hello on pico next to the same hello.c built
# natively (gcc -static), that binary under `runc run`, and hello on kvm
# (microvm, TCG), measured interleaved in one run.  Prints a Markdown table
# with each median's ratio to native.  A measurement, never a test.
#
#   tests/bench/pico.sh [BUILD_DIR] [RUNS]
#
# runc needs root; without runc (or root) its row says "skipped".
set -euo pipefail
build=${1:-build} runs=${2:-30}
src=$(cd "$(dirname "$0")/../.." && pwd)
ingot=$build/bin/ingot tender=$build/bin/ingot-pico cc=$build/bin/ingot-cc
hello_kvm=$build/apps/hello/hello
for f in "$ingot" "$tender" "$cc" "$hello_kvm"; do
    [ -e "$f" ] || { echo "pico.sh: $f: missing; build first" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cc" --platform=pico -O2 -o "$work/hello" "$src/apps/hello/hello.c"
gcc -static -O2 -o "$work/hello-native" "$src/apps/hello/hello.c"
# What `ingot run` hands the tender, so the direct row boots identically.
eval "tender_cmd=($("$ingot" run --dry-run "$work/hello"))"

use_runc=0
if command -v runc >/dev/null && [ "$(id -u)" = 0 ]; then
    use_runc=1
    mkdir -p "$work/bundle/rootfs"
    cp "$work/hello-native" "$work/bundle/rootfs/hello"
    (cd "$work/bundle" && runc spec)
    python3 - "$work/bundle/config.json" <<'PY'
import json, sys
p = sys.argv[1]
c = json.load(open(p))
c["process"]["terminal"] = False
c["process"]["args"] = ["/hello"]
json.dump(c, open(p, "w"))
PY
fi

# $EPOCHREALTIME costs no fork, so nothing but the command is timed.
declare -A t
us() { local s=${1/./}; echo $((10#$s)); }
timed() { # name status command...
    local name=$1 want=$2 a b st=0
    shift 2
    a=$(us "$EPOCHREALTIME")
    "$@" </dev/null >"$work/out" 2>&1 || st=$?
    b=$(us "$EPOCHREALTIME")
    if [ "$st" != "$want" ] || ! grep -q "Hello from Ingot" "$work/out"; then
        echo "pico.sh: $name exited $st:" >&2
        cat "$work/out" >&2
        exit 1
    fi
    t[$name]+="$((b - a)) "
}

for ((i = 0; i < runs; i++)); do
    printf '\rpico.sh: run %d/%d' $((i + 1)) "$runs" >&2
    timed native 0 "$work/hello-native"
    timed pico_direct 0 "${tender_cmd[@]}"
    timed pico 0 "$ingot" run "$work/hello"
    timed kvm 0 "$ingot" run --accel tcg "$hello_kvm"
    if [ $use_runc = 1 ]; then
        timed runc 0 runc run -b "$work/bundle" "ingot-bench-$$-$i"
    fi
done
echo >&2

stats() { # min median max in ms, from microseconds
    printf '%s\n' $1 | sort -n | awk '{v[NR]=$1} END {
        printf "%.2f %.2f %.2f", v[1]/1000, v[int((NR+1)/2)]/1000, v[NR]/1000}'
}
read -r _ native_med _ <<<"$(stats "${t[native]}")"
echo "hello, exec to exit, $runs runs each, interleaved ($(uname -r))"
echo
echo "| what | min ms | median ms | max ms | median / native |"
echo "|---|---|---|---|---|"
row() {
    local name=$1 label=$2 min med max
    if [ -z "${t[$name]:-}" ]; then
        echo "| $label | skipped | | | |"
        return
    fi
    read -r min med max <<<"$(stats "${t[$name]}")"
    echo "| $label | $min | $med | $max | $(awk -v m="$med" -v n="$native_med" \
        'BEGIN { printf "%.1fx", m / n }') |"
}
row native "native (gcc -static)"
row pico_direct "pico (ingot-pico directly)"
row pico "pico (ingot run)"
row runc "native under runc run"
row kvm "kvm microvm, TCG (ingot run)"
