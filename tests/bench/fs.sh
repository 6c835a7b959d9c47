#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# fs.sh: sequential write (with the final fsync) and read throughput and
# the file create rate of the same program (fs.c) on ramfs and on a volume
# (-v: host directory on pico, virtio-9p on kvm under TCG), next to Linux
# natively on the same host directory.  Prints a table of medians.
#
#   tests/bench/fs.sh [BUILD_DIR] [RUNS] [MIB] [CHUNK_KIB] [FILES]
set -euo pipefail
build=${1:-build} runs=${2:-3} mib=${3:-64} chunk=${4:-64} files=${5:-1000}
src=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bin/ingot-cc" --platform=pico -O2 -o "$work/pico" "$src/fs.c"
"$build/bin/ingot-cc" --platform=kvm -O2 -o "$work/kvm" "$src/fs.c"
gcc -O2 -o "$work/native" "$src/fs.c"
mkdir "$work/vol"
mem=$((mib * 2 + 64))M
args=("$mib" "$chunk" "$files")

declare -A W R C
run() { # name command...
    local name=$1 w=() r=() c=()
    shift
    for ((i = 0; i < runs; i++)); do
        printf '\rfs.sh: %s %d/%d          ' "$name" $((i + 1)) "$runs" >&2
        read -r _ _ w1 _ _ r1 _ _ c1 _ < <("$@" | grep '^fs:')
        w+=("$w1"); r+=("$r1"); c+=("$c1")
    done
    med() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
    W[$name]=$(med "${w[@]}"); R[$name]=$(med "${r[@]}"); C[$name]=$(med "${c[@]}")
}
run "native (host dir)" "$work/native" "$work/vol" "${args[@]}"
run "pico ramfs" "$build/bin/ingot" run -m "$mem" "$work/pico" -- /bench "${args[@]}"
run "pico volume" "$build/bin/ingot" run -m "$mem" -v "$work/vol:/data" \
    "$work/pico" -- /data "${args[@]}"
run "kvm ramfs (TCG)" "$build/bin/ingot" run --accel tcg -m "$mem" \
    "$work/kvm" -- /bench "${args[@]}"
run "kvm volume (TCG, 9P)" "$build/bin/ingot" run --accel tcg -m "$mem" \
    -v "$work/vol:/data" "$work/kvm" -- /data "${args[@]}"
echo >&2

n="native (host dir)"
echo "| where | write MiB/s | vs native | read MiB/s | vs native | creates/s | vs native |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for k in "$n" "pico ramfs" "pico volume" "kvm ramfs (TCG)" "kvm volume (TCG, 9P)"; do
    awk -v k="$k" -v w="${W[$k]}" -v r="${R[$k]}" -v c="${C[$k]}" \
        -v nw="${W[$n]}" -v nr="${R[$n]}" -v nc="${C[$n]}" 'BEGIN {
        printf "| %s | %.0f | %.2fx | %.0f | %.2fx | %.0f | %.2fx |\n",
            k, w, w / nw, r, r / nr, c, c / nc }'
done
echo
echo "median of $runs runs; $mib MiB in $chunk KiB chunks, $files empty files;"
echo "write includes the final fsync; reads come from the host page cache."
echo "$(nproc) cores, $(uname -r), $(df -T "$work" | awk 'NR==2 {print $2}') under the volume"
