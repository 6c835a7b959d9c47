# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# catalog.sh: the catalog's builds and runs, for every suite that measures
# them (memory, size, apps).
#
# Sourced by lib.sh.  The catalog apps are the folders apps/APP with a
# recipe.sh (apps/catalog/build.sh builds them); each may have a hook
# apps/APP/bench.sh, which bench_catalog_hooks sources.  A hook may define
#   bench_app_APP            its part of the apps suite (apps.sh)
#   APP_bench_steps          that part's progress steps (default 4)
#   APP_bench_works PLATFORM DIR MIB
#                            0 when APP built in DIR does its real job on
#                            PLATFORM (pico or kvm) with `ingot run -m
#                            MIBM`; otherwise 1, with the reason in
#                            bench_works_why when it is not the memory
#                            (the memory suite bisects -m with it)
# and uses these:
#   apps_build APP PLATFORM  builds APP for kvm, pico or native (runc:
#                            native) once per `ingot bench` run, whichever
#                            suite asks first; sets apps_dir; 1 with the
#                            reason in apps_why on failure
#   apps_run PLATFORM DIR PROG ARGS...
#                            runs PROG of build DIR: pico and kvm with
#                            `ingot run -m $apps_mem` (default 256M),
#                            native directly, runc: the native PROG as the
#                            only file of a runc bundle
# Builds go to DIR/APP/PLATFORM: DIR is INGOT_BENCH_APPS_BUILD when set (a
# build tree's apps/ after `ctest -L catalog`: reused, never rebuilt), else
# the run's shared directory INGOT_BENCH_SHARED (made by `ingot bench` for
# all its suites, removed at its end), else the suite's own work directory.

apps_mem=256M
apps_built=" "
apps_build() {
    local app=$1 plat=$2 log
    [ "$plat" = runc ] && plat=native
    apps_dir=${INGOT_BENCH_APPS_BUILD:-${INGOT_BENCH_SHARED:-$bench_work}/apps}/$app/$plat
    case $apps_built in *" $app/$plat "*) return 0 ;; esac
    # A build of this run (another suite's) or of the build tree.
    if [ -f "$apps_dir/build.log" ] && { [ -n "${INGOT_BENCH_APPS_BUILD:-}" ] ||
        [ -f "$apps_dir/bench.done" ]; }; then
        apps_built+="$app/$plat "
        return 0
    fi
    if [ -f "$apps_dir.failed" ]; then
        apps_why=$(cat "$apps_dir.failed")
        return 1
    fi
    bench_note "building $app for $plat (apps/catalog/build.sh)"
    log=$(dirname "$apps_dir")/build-$plat.log
    mkdir -p "$(dirname "$apps_dir")"
    if ! sh "$bench_dir/apps/catalog/build.sh" "$app" "$plat" "$apps_dir" \
        "$(dirname "$INGOT_CC")" >"$log" 2>&1; then
        apps_why="$app for $plat did not build: $(grep -m1 -E 'SKIP|FAIL' "$log")"
        # Said once per run, not rebuilt by the next suite.
        [ -n "${INGOT_BENCH_APPS_BUILD:-}" ] || echo "$apps_why" >"$apps_dir.failed"
        return 1
    fi
    : >"$apps_dir/bench.done"
    apps_built+="$app/$plat "
}

apps_run() {
    local plat=$1 dir=$2 prog=$3
    shift 3
    case $plat in
    pico) "$INGOT" run -m "$apps_mem" "$dir/$prog" -- "$@" ;;
    kvm) "$INGOT" run -m "$apps_mem" --accel "$INGOT_BENCH_ACCEL" \
        "$dir/$prog" -- "$@" ;;
    native) "$dir/$prog" "$@" ;;
    runc)
        local b=$bench_work/runc-$prog
        rm -rf "$b"
        bench_runc_bundle "$b" "$dir/$prog" "$@" >/dev/null
        runc run -b "$b" "ingot-bench-$$-$RANDOM" </dev/null
        ;;
    esac
}

# bench_catalog_apps: the catalog's apps, one per line (all of them, or
# those INGOT_BENCH_APPS names).
bench_catalog_apps() {
    local r app
    for r in "$bench_dir"/apps/*/recipe.sh; do
        [ -f "$r" ] || continue
        app=$(basename "$(dirname "$r")")
        case " ${INGOT_BENCH_APPS:-$app} " in
        *" $app "*) echo "$app" ;;
        esac
    done
    return 0
}

# bench_catalog_hooks APP...: sources each APP's apps/APP/bench.sh (not in a
# subshell: they define functions).
bench_catalog_hooks() {
    local app
    for app in "$@"; do
        if [ -f "$bench_dir/apps/$app/bench.sh" ]; then
            source "$bench_dir/apps/$app/bench.sh"
        fi
    done
}

# bench_catalog_why: why a --quick run leaves the catalog out, or nothing
# when it measures it (not quick, or builds to reuse).
bench_catalog_why() {
    if [ "$INGOT_BENCH_QUICK" = 1 ] && [ -z "${INGOT_BENCH_APPS_BUILD:-}" ]; then
        echo "not built in a quick run (INGOT_BENCH_APPS_BUILD=DIR reuses builds)"
    fi
}
