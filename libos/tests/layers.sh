#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# layers.sh: the library OS's archives form layers, as components.json says.
#
# Usage: layers.sh LIBDIR COMPONENTS_JSON NM LD
#
# 1. Every use of one archive's symbols by another (nm) is listed in the
#    user's "depends", every listed dependency is used, and each component
#    depends only on components listed below it in the file: no cycles.
# 2. The archives link in that order in one pass, without --start-group:
#    `ld -r` of the archives, seeded with what newlib, the platforms and an
#    application call, leaves no symbol undefined that an archive defines.
# newlib <-> libc/sched is the one intended cycle (system calls, locks);
# the platform archive is linked whole, before everything.
set -euo pipefail
[ $# = 4 ] || { echo "usage: layers.sh LIBDIR COMPONENTS_JSON NM LD" >&2; exit 2; }
libdir=$1 json=$2 nm=$3 ld=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# name archive depends..., one line per component, in file order.  The
# file keeps each component's "name", "archive" and "depends" on one line
# each; a component without "depends" is an error.
awk '
  function flush() { if (name != "") { if (!hasdep) { print "ERR " name; }
                     else print name, archive, deps } }
  /"name":/ { flush(); match($0, /"name": *"[^"]*"/);
              s = substr($0, RSTART, RLENGTH); sub(/.*: *"/, "", s);
              sub(/"$/, "", s); name = s; archive = ""; deps = ""; hasdep = 0 }
  /"archive":/ { match($0, /"archive": *"[^"]*"/);
                 s = substr($0, RSTART, RLENGTH); sub(/.*: *"/, "", s);
                 sub(/"$/, "", s); archive = s }
  /"depends":/ { hasdep = 1; s = $0; sub(/.*"depends": *\[/, "", s);
                 sub(/\].*/, "", s); gsub(/[",]/, " ", s); deps = s }
  END { flush() }' "$json" >"$tmp/comps"
if grep -q '^ERR ' "$tmp/comps"; then
    sed -n 's/^ERR \(.*\)/layers.sh: component \1 has no "depends" in components.json/p' \
        "$tmp/comps"
    exit 1
fi
[ -s "$tmp/comps" ] || { echo "layers.sh: no components in $json"; exit 1; }

fail=0
order=() archives=()
while read -r name archive _; do
    [ -f "$libdir/$archive" ] || { echo "layers.sh: $libdir/$archive: not built"; exit 1; }
    order+=("$name")
    archives+=("$libdir/$archive")
    # symbol component
    "$nm" -g --defined-only "$libdir/$archive" 2>/dev/null |
        awk -v c="$name" 'NF == 3 { print $3, c }' >>"$tmp/defs"
    # component member symbol
    "$nm" -A -u "$libdir/$archive" 2>/dev/null |
        awk -v c="$name" '$(NF-1) == "U" { split($1, p, ":");
                                            print c, p[2], $NF }' >>"$tmp/undef"
done <"$tmp/comps"

# A symbol two archives define would link twice or not at all.
sort "$tmp/defs" | awk '$1 == prev && $2 != prevc {
    print "layers.sh: " $1 " is defined by both " prevc " and " $2; bad = 1 }
    { prev = $1; prevc = $2 } END { exit bad }' || fail=1

# Edges: user used member symbol (first example of each pair).
awk 'NR == FNR { def[$1] = $2; next }
     ($3 in def) && def[$3] != $1 && !seen[$1 " " def[$3]]++ {
         print $1, def[$3], $3, $2 }' "$tmp/defs" "$tmp/undef" >"$tmp/edges"

pos() {
    local i
    for i in "${!order[@]}"; do
        if [ "${order[$i]}" = "$1" ]; then echo "$i"; fi
    done
}
while read -r name archive deps; do
    for d in $deps; do
        p=$(pos "$d")
        if [ -z "$p" ]; then
            echo "layers.sh: $name depends on $d, which is not a component"
            fail=1
        elif [ "$p" -le "$(pos "$name")" ]; then
            echo "layers.sh: $name depends on $d, listed above it: a cycle or the wrong order"
            fail=1
        fi
        grep -q "^$name $d " "$tmp/edges" ||
            { echo "layers.sh: $name lists $d in \"depends\" but uses none of its symbols"; fail=1; }
    done
done <"$tmp/comps"
while read -r user used sym member; do
    deps=$(awk -v n="$user" '$1 == n { $1 = $2 = ""; print }' "$tmp/comps")
    case " $deps " in
    *" $used "*) ;;
    *) echo "layers.sh: $user uses $used ($sym in $member) but does not list it in \"depends\""
       fail=1 ;;
    esac
done <"$tmp/edges"

# The one-pass link.  Seeds: the library OS's symbols that newlib or a
# platform references, and every name an application may call (those not
# in the ig_ name space).
: >"$tmp/outside"
for a in "$libdir"/newlib/*/lib/libc.a "$libdir"/newlib/*/lib/libm.a \
    "$libdir"/*/libingot-*.a; do
    [ -f "$a" ] && "$nm" -u "$a" 2>/dev/null | awk '$1 == "U" { print $2 }' >>"$tmp/outside"
done
awk 'NR == FNR { out[$1] = 1; next } (($1 in out) || $1 !~ /^_*ig_/) { print $1 }' \
    "$tmp/outside" "$tmp/defs" | sort -u >"$tmp/seeds"
seeds=()
while read -r s; do seeds+=(-u "$s"); done <"$tmp/seeds"
if ! "$ld" -r -o "$tmp/libos.o" "${seeds[@]}" "${archives[@]}" 2>"$tmp/ld.err"; then
    echo "layers.sh: ld -r of the archives in components.json's order failed:"
    cat "$tmp/ld.err"
    fail=1
else
    "$nm" -u "$tmp/libos.o" | awk '$1 == "U" { print $2 }' | sort >"$tmp/left"
    awk 'NR == FNR { def[$1] = $2; next } ($1 in def) {
        print "layers.sh: one pass in components.json order leaves " $1 \
              " (" def[$1] ") undefined: a component uses one listed above it"
        bad = 1 } END { exit bad }' "$tmp/defs" "$tmp/left" || fail=1
fi

[ $fail = 0 ] || exit 1
echo "layers: ${order[*]}: $(wc -l <"$tmp/edges") dependencies, all listed; one pass links"
