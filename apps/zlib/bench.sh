# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# bench.sh: zlib's part of `ingot bench` (toolchain/bench/catalog.sh): no
# rows of its own in the apps suite; for the memory suite, minigzip
# compressing a file on a volume (zlib_bench_works).
zlib_bench_job="compress a 1 MiB file on a volume with minigzip"
zlib_bench_works() { # PLATFORM DIR MIB
    local d=$bench_work/zlib-min
    rm -rf "$d"
    mkdir -p "$d/vol"
    # 1 MiB: zlib's own sources (text that compresses), then random bytes.
    if [ ! -f "$bench_work/zlib-1m" ]; then
        { cat "$2"/src/tree/*.c "$2"/src/tree/*.h "$2"/src/tree/*.c |
            head -c 786432; head -c 262144 /dev/urandom; } >"$bench_work/zlib-1m"
    fi
    cp "$bench_work/zlib-1m" "$d/vol/f"
    if bench_guest_run "$1" "$3" -v "$d/vol:/data" "$2/minigzip" -- /data/f &&
        [ -f "$d/vol/f.gz" ] && [ ! -e "$d/vol/f" ] &&
        gzip -dc "$d/vol/f.gz" 2>/dev/null | cmp -s - "$bench_work/zlib-1m"; then
        return 0
    fi
    bench_works_why=$(tail -1 "$bench_guest_out")
    return 1
}
