# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# lib.sh: what every `ingot bench` suite script shares: progress, CSV rows.
#
# `ingot bench` runs each suite as `bash SUITE.sh` with these variables set:
#   INGOT, INGOT_CC        the ingot and ingot-cc to measure
#   INGOT_LIBDIR           its library directory (this file is in its bench/ directory)
#   INGOT_BENCH_OUT        output directory; the suite appends to SUITE.csv
#   INGOT_BENCH_RUNS       runs per timed row
#   INGOT_BENCH_QUICK      1: smallest useful run (tests, smoke checks)
#   INGOT_BENCH_CACHE      downloads kept between runs (the Linux kernel)
#   INGOT_BENCH_ACCEL      --accel for kvm rows (auto, kvm or tcg)
#   INGOT_BENCH_CAP        density: most instances per platform ("" = default)
#   INGOT_BENCH_KEEP_FREE_MIB  density: MemAvailable to leave ("" = 1024)
#   INGOT_BENCH_PLATFORMS  density: "pico kvm" (default), "pico" or "kvm"
# The CSV columns are documented in docs/benchmarks.md; `ingot bench` writes
# the header.  A row that cannot be measured is written with status
# "skipped" and the reason, never with a made-up figure.

set -euo pipefail
: "${INGOT:?}" "${INGOT_CC:?}" "${INGOT_LIBDIR:?}" "${INGOT_BENCH_OUT:?}"
: "${INGOT_BENCH_RUNS:=10}" "${INGOT_BENCH_QUICK:=0}" "${INGOT_BENCH_ACCEL:=auto}"
: "${INGOT_BENCH_CACHE:=${XDG_CACHE_HOME:-$HOME/.cache}/ingot/bench}"
: "${INGOT_BENCH_CAP:=}" "${INGOT_BENCH_KEEP_FREE_MIB:=}" "${INGOT_BENCH_PLATFORMS:=}"
bench_dir=$INGOT_LIBDIR/bench
bench_work=$(mktemp -d "${TMPDIR:-/tmp}/ingot-bench.XXXXXX")
bench_cleanup_hooks=()
bench_cleanup() {
    local i
    # Last registered first: processes stop before the taps they use go.
    for ((i = ${#bench_cleanup_hooks[@]} - 1; i >= 0; i--)); do
        ${bench_cleanup_hooks[i]} || true
    done
    rm -rf "$bench_work"
}
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# bench_init SUITE STEPS: names the suite and how many progress steps it has.
bench_init() {
    bench_suite=$1 bench_steps=$2 bench_stepno=0
    bench_csv=$INGOT_BENCH_OUT/$1.csv
}

# bench_step MESSAGE: one progress line on stderr, "[boot 3/7] MESSAGE".
bench_step() {
    bench_stepno=$((bench_stepno + 1))
    printf '[%s %d/%d] %s\n' "$bench_suite" "$bench_stepno" "$bench_steps" \
        "$*" >&2
}

# bench_note MESSAGE: a progress line that is not a step.
bench_note() { printf '[%s] %s\n' "$bench_suite" "$*" >&2; }

# One CSV field: quoted when it holds a comma, a quote or a newline.
bench_field() {
    local v=$1
    case $v in
    *[,\"$'\n']*) v=${v//\"/\"\"}; printf '"%s"' "$v" ;;
    *) printf '%s' "$v" ;;
    esac
}

# bench_row ID LABEL METRIC UNIT X RUNS MIN MEDIAN MAX STATUS NOTE
bench_row() {
    local out=$bench_suite f
    for f in "$@"; do out+=,$(bench_field "$f"); done
    printf '%s\n' "$out" >>"$bench_csv"
}

# bench_skip ID LABEL METRIC UNIT REASON: a row that could not be measured.
bench_skip() {
    bench_note "$2: skipped: $5"
    bench_row "$1" "$2" "$3" "$4" "" 0 "" "" "" skipped "$5"
}

# bench_value ID LABEL METRIC UNIT X VALUE [NOTE]: a single measured figure.
bench_value() {
    bench_row "$1" "$2" "$3" "$4" "$5" 1 "$6" "$6" "$6" ok "${7:-}"
}

# bench_stats SAMPLES...: "min median max" (the lower median for even counts).
bench_stats() {
    printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {
        if (NR == 0) exit 1
        printf "%s %s %s\n", v[1], v[int((NR + 1) / 2)], v[NR] }'
}

# bench_samples ID LABEL METRIC UNIT X NOTE SAMPLES...: a row from samples.
bench_samples() {
    local id=$1 label=$2 metric=$3 unit=$4 x=$5 note=$6 min med max
    shift 6
    read -r min med max <<<"$(bench_stats "$@")"
    bench_row "$id" "$label" "$metric" "$unit" "$x" $# "$min" "$med" "$max" \
        ok "$note"
}

# bench_us: microseconds on the wall clock, without forking.
bench_us() {
    local s=${EPOCHREALTIME/./}
    echo $((10#$s))
}

# bench_ms_since START_US: milliseconds since START_US, three decimals.
bench_ms_since() {
    local d=$(($(bench_us) - $1))
    printf '%d.%03d' $((d / 1000)) $((d % 1000))
}

# bench_have_runc: true when `runc run` can work here (runc, root); sets
# bench_runc_why otherwise.
bench_have_runc() {
    if ! command -v runc >/dev/null; then
        bench_runc_why="runc not installed"
        return 1
    fi
    if [ "$(id -u)" != 0 ]; then
        bench_runc_why="runc run needs root"
        return 1
    fi
}

# bench_runc_pid NAME: prints the host pid of runc container NAME's process
# once runc reports one (waiting up to 60 s: a loaded host can take more
# than 10), or nothing.
bench_runc_pid() {
    local k cpid
    for ((k = 0; k < 1200; k++)); do
        cpid=$(runc state "$1" 2>/dev/null |
            sed -n 's/^ *"pid": \([0-9]*\),*$/\1/p') || true
        if [ -n "$cpid" ] && [ "$cpid" != 0 ]; then
            echo "$cpid"
            return 0
        fi
        sleep 0.05
    done
}

# bench_runc_stop NAME PID: ends runc container NAME and reaps PID, the
# `runc run` that started it (this shell's child).  On a loaded host runc
# may still be creating the container when the bench gives up on it, and
# a kill before the container exists does nothing, leaving `wait` for
# ever: the kill is repeated until `runc run` ends (60 s at most, then
# runc run itself is killed and the container deleted by force).
bench_runc_stop() {
    local k
    for ((k = 0; k < 1200; k++)); do
        kill -0 "$2" 2>/dev/null || break
        runc kill "$1" KILL 2>/dev/null || true
        sleep 0.05
    done
    kill -0 "$2" 2>/dev/null && kill -9 "$2" 2>/dev/null
    wait "$2" 2>/dev/null || true
    runc delete -f "$1" 2>/dev/null || true
}

# bench_runc_bundle DIR BINARY [ARGS...]: a runc bundle in DIR whose only
# content is BINARY, run as /app with ARGS and no terminal, with the shared
# libraries BINARY needs when it is not static (a program whose build
# system links with libtool, e.g. SQLite's, stays dynamic under gcc
# -static); the default `runc spec` otherwise (own namespaces, network
# included).
bench_runc_bundle() {
    local dir=$1 bin=$2 args lib
    shift 2
    mkdir -p "$dir/rootfs"
    cp "$bin" "$dir/rootfs/app"
    # ldd's "name => /path (addr)" lines and the interpreter's "/path (addr)".
    for lib in $(ldd "$bin" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 }
        $1 ~ /^\// { print $1 }'); do
        mkdir -p "$dir/rootfs$(dirname "$lib")"
        cp -L "$lib" "$dir/rootfs$lib"
    done
    (cd "$dir" && runc spec)
    args='["/app"'
    for a in "$@"; do args+=",\"$a\""; done
    args+=']'
    # runc spec writes "terminal": true and args ["sh"].
    sed -i -e 's/"terminal": true/"terminal": false/' \
        -e '/"args": \[/,/\]/c\		"args": '"$args"',' "$dir/config.json"
}

# bench_app_dirs: the apps the bench knows, one directory per line.
bench_app_dirs() {
    local d
    for d in "$bench_dir"/apps/*/; do
        [ -d "$d" ] && ls "$d"*.c >/dev/null 2>&1 && echo "${d%/}"
    done
    return 0
}

# bench_build_app DIR PLATFORM OUT [FLAGS...]: builds app DIR's .c files
# with ingot-cc -O2 (the way apps/ builds them) and FLAGS for PLATFORM
# ("native": gcc -static).  Returns the compiler's status; its messages go
# to OUT.log.
bench_build_app() {
    local dir=$1 plat=$2 out=$3
    shift 3
    if [ "$plat" = native ]; then
        gcc -static -O2 "$@" -o "$out" "$dir"/*.c >"$out.log" 2>&1
    else
        "$INGOT_CC" --platform="$plat" -O2 "$@" -o "$out" "$dir"/*.c \
            >"$out.log" 2>&1
    fi
}

# bench_kvm_accel: what --accel auto picks here, "kvm" or "tcg".
bench_kvm_accel() {
    local img=$1
    case $("$INGOT" run --accel "$INGOT_BENCH_ACCEL" --dry-run "$img" \
        2>/dev/null) in
    *accel=kvm* | *"-accel kvm"* | *"-enable-kvm"*) echo kvm ;;
    *) echo tcg ;;
    esac
}

# bench_smallest TEST LO HI ARGS...: sets bench_min to the smallest whole
# number in [LO, HI] for which "TEST ARGS... N" succeeds (a binary search:
# TEST is taken as monotonic in N, e.g. an app that does its job with -m N
# MiB does it with more); empty when even HI fails.  Not in a subshell:
# tests may keep state, such as taps.
bench_smallest() {
    local test=$1 lo=$2 hi=$3 mid
    shift 3
    bench_min=
    "$test" "$@" "$hi" || return 0
    while [ "$lo" -lt "$hi" ]; do
        mid=$(((lo + hi) / 2))
        if "$test" "$@" "$mid"; then hi=$mid; else lo=$((mid + 1)); fi
    done
    bench_min=$hi
}

# bench_guest_run PLATFORM MIB RUN-ARGS...: `ingot run -m MIBM RUN-ARGS`
# (with --accel for kvm), no input, its output in $bench_guest_out, killed
# after $bench_guest_limit seconds (default 120: a guest short of memory
# may hang rather than fail); returns its status.
bench_guest_out=$bench_work/guest.out
bench_guest_run() {
    local plat=$1 mib=$2 accel=()
    shift 2
    [ "$plat" = kvm ] && accel=(--accel "$INGOT_BENCH_ACCEL")
    timeout "${bench_guest_limit:-120}" "$INGOT" run -m "${mib}M" \
        "${accel[@]}" "$@" </dev/null >"$bench_guest_out" 2>&1
}

# The httpd helpers, for the suites that serve (memory, density, net); the
# catalog's builds and hooks (memory, size, apps).
source "$bench_dir/httpd.sh"
source "$bench_dir/catalog.sh"
