#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# size.sh: `ingot bench size`: every app's image size, whole and by component.
#
# Each app in apps/ is built with `ingot-cc -O2` for kvm and pico.  Rows per
# APP-PLATFORM: -file (bytes on disk), -loaded (text + data, what is loaded)
# and -comp-NAME: the loaded bytes each archive contributes (ingot-core,
# ingot-kvm, newlib's c, ...; "app" for the app's own objects), summed from
# the linker's map (-Wl,-Map) over every allocated output section but .bss.
# The catalog's apps (catalog.sh), as their own build systems linked them:
# APP-PLATFORM-file and -loaded of the main program (the one `ingot pkg`
# packages) and -comp-NAME from the size report in its manifest (`ingot
# inspect`: the app, newlib, the library OS's components); a --quick run
# has them only with INGOT_BENCH_APPS_BUILD's builds.
source "$(dirname "$0")/lib.sh"

mapfile -t apps < <(bench_app_dirs)
mapfile -t catalog < <(bench_catalog_apps)
bench_init size $(((${#apps[@]} + ${#catalog[@]}) * 2))
w=$bench_work
# The map's input-section lines, summed by archive: "NAME LOADED BSS".
mapsum() {
    awk '
        function hex(s,    i, c, v) {
            v = 0; s = tolower(substr(s, 3))
            for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
            return v
        }
        # sums input-section sizes by archive
        /^Linker script and memory map/ { on = 1; next }
        !on { next }
        /^[^ ]/ { split($0, f, /[ \t]+/); osec = f[1]; keep = (osec !~ /^(\.debug|\.comment|\/DISCARD\/|\.stab|\.note\.gnu|\.symtab|\.strtab|\.shstrtab)/); pending = ""; next }
        !keep { next }
        /^ \.[^ ]+$/ { pending = 1; next }
        {
            line = $0
            if (pending) { n = split(line, f, /[ \t]+/); addr = f[2]; sz = f[3]; file = f[4]; pending = "" }
            else if (line ~ /^ [.A-Za-z*]/) { n = split(line, f, /[ \t]+/); addr = f[3]; sz = f[4]; file = f[5] }
            else next
            if (addr !~ /^0x/ || sz !~ /^0x/ || file == "") next
            if (file ~ /\.a\(/) { sub(/\(.*/, "", file); sub(/.*\//, "", file); sub(/^lib/, "", file); sub(/\.a$/, "", file) }
            else if (file ~ /\.o$/) file = "app"
            else next
            if (osec ~ /bss/) bss[file] += hex(sz); else total[file] += hex(sz); seen[file] = 1
        }
        END { for (k in seen) printf "%s %d %d\n", k, total[k], bss[k] }
    ' "$1"
}
for dir in "${apps[@]}"; do
    app=${dir##*/}
    for p in kvm pico; do
        bench_step "$app for $p"
        img=$w/$app-$p
        if ! bench_build_app "$dir" $p "$img" -Wl,-Map,"$img.map"; then
            bench_skip "$app-$p-file" "$app ($p)" file_size B \
                "ingot-cc failed: $(head -1 "$img.log")"
            continue
        fi
        bench_value "$app-$p-file" "$app ($p), file" file_size B "" \
            "$(stat -c %s "$img")" "code and global symbols kept, debug info stripped"
        bench_value "$app-$p-loaded" "$app ($p), loaded" loaded B "" \
            "$(size "$img" | awk 'NR == 2 { print $1 + $2 }')" "text + data"
        while read -r name loaded _; do
            case $name in
            c) name=newlib-libc ;;
            m) name=newlib-libm ;;
            gcc) name=libgcc ;;
            esac
            bench_value "$app-$p-comp-$name" "$app ($p): $name" \
                component_loaded B "" "$loaded" "from the linker map"
        done < <(mapsum "$img.map" | sort -k2,2nr)
    done
done

# catalog_sizes APP PLATFORM IMAGE: the catalog rows of IMAGE.
catalog_sizes() {
    local app=$1 p=$2 img=$3 name loaded note
    note="${img##*/} as its build system linked it"
    readelf -S "$img" 2>/dev/null | grep -q '\.debug_info' &&
        note+=", debug info kept"
    bench_value "$app-$p-file" "$app ($p), file" file_size B "" \
        "$(stat -c %s "$img")" "$note"
    bench_value "$app-$p-loaded" "$app ($p), loaded" loaded B "" \
        "$(size "$img" | awk 'NR == 2 { print $1 + $2 }')" "text + data"
    # `ingot inspect`'s table: "size text data bss", a row per component,
    # "(padding)" and "total".
    if ! "$INGOT" inspect "$img" >"$w/inspect" 2>&1; then
        bench_skip "$app-$p-comp-app" "$app ($p): app" component_loaded B \
            "ingot inspect: $(tail -1 "$w/inspect")"
        return
    fi
    while read -r name loaded; do
        bench_value "$app-$p-comp-$name" "$app ($p): $name" \
            component_loaded B "" "$loaded" "from the image's manifest"
    done < <(awk '$1 == "size" && $2 == "text" { on = 1; next }
        on && $1 == "total" { exit }
        on && NF == 4 { sub(/^\(/, "", $1); sub(/\)$/, "", $1); print $1, $2 + $3 }' \
        "$w/inspect" | sort -k2,2nr)
}
catalog_why=$(bench_catalog_why)
for app in "${catalog[@]}"; do
    main=$(source "$bench_dir/apps/$app/recipe.sh" && echo "${recipe_programs%% *}")
    main=${main##*/}
    for p in kvm pico; do
        bench_step "$app ($main) for $p"
        why=$catalog_why
        if [ -z "$why" ] && ! apps_build "$app" $p; then
            why=$apps_why
        fi
        if [ -z "$why" ] && [ ! -f "$apps_dir/$main" ]; then
            why="$apps_dir/$main: not built"
        fi
        if [ -n "$why" ]; then
            bench_skip "$app-$p-file" "$app ($p), file" file_size B "$why"
            continue
        fi
        catalog_sizes "$app" $p "$apps_dir/$main"
    done
done
