#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# fuzz.sh [TARGET|all] [SECONDS]: builds the fuzz targets of tests/fuzz with
# clang and libFuzzer (ASan + UBSan) in build/fuzz-clang, then runs TARGET
# (default: all of them) for SECONDS each (default 60), starting from the
# seed corpus tests/fuzz/corpus/TARGET.  What the fuzzer finds is kept in
# build/fuzz-clang/corpus/TARGET for the next run; a crash leaves its input
# in build/fuzz-clang/crashes/ and makes the script fail.  Once the bug is
# fixed, add that input to tests/fuzz/corpus/TARGET: ctest's fuzz.TARGET
# then replays it on every test run.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(cmdline http cpio p9 run_args oci_layout oci_archive elf runtime_spec xenstore)
want=${1:-all}
secs=${2:-60}
case $want in
all) run=("${targets[@]}") ;;
-h | --help)
    sed -n '3,11s/^# \{0,1\}//p' "$0"
    exit 0
    ;;
*)
    [[ " ${targets[*]} " == *" $want "* ]] || {
        echo "fuzz.sh: $want: not a target (${targets[*]})" >&2
        exit 2
    }
    run=("$want")
    ;;
esac
[[ $secs =~ ^[1-9][0-9]*$ ]] || {
    echo "fuzz.sh: $secs: not a number of seconds" >&2
    exit 2
}
command -v clang >/dev/null || {
    echo "fuzz.sh: clang not found (scripts/deps.sh installs it)" >&2
    exit 1
}

B=build/fuzz-clang
cmake -S . -B "$B" -DCMAKE_C_COMPILER=clang -DINGOT_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$B" -j 2 --target "${run[@]/#/fuzz_}" >/dev/null
mkdir -p "$B/crashes"
fail=0
for t in "${run[@]}"; do
    mkdir -p "$B/corpus/$t"
    log=$B/fuzz-$t.log
    if "$B/tests/fuzz/fuzz_$t" -max_total_time="$secs" -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix="$B/crashes/$t-" \
        "$B/corpus/$t" "tests/fuzz/corpus/$t" >"$log" 2>&1; then
        runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log")
        echo "fuzz: $t: ${runs:-?} runs in ${secs}s, corpus of" \
            "$(ls "$B/corpus/$t" | wc -l) found inputs, no failure"
    else
        echo "fuzz: $t: FAILED (log $log, input in $B/crashes/):"
        grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | head -5
        fail=1
    fi
done
exit $fail
