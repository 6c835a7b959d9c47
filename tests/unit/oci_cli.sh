#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# oci_cli.sh: `ingot pkg`, `ingot inspect` and `ingot run oci:` from the
# command line, and what `ingot run` says about broken layouts.
#
#   oci_cli.sh INGOT KVM_IMAGE PICO_IMAGE WORKDIR
#
# Broken layouts (a flipped byte in a blob, a missing blob, a malformed
# index.json) must make `ingot run` exit 125 with one line naming the
# problem, leaving no temporary files.
set -u
ingot=$1 kvm=$2 pico=$3 work=$4
rm -rf "$work"
mkdir -p "$work/tmp"
trap 'rm -rf "$work"' EXIT
export TMPDIR="$work/tmp"
fail=0
no() { echo "FAIL: $*"; fail=1; }

"$ingot" pkg "$kvm" -t app:1.0 -o "$work/lay" -m 32M -- a "b c" >"$work/out" ||
    no "pkg kvm"
grep -Eq "^oci:$work/lay:app:1.0 kvm sha256:[0-9a-f]{64}$" "$work/out" ||
    no "pkg printed: $(cat "$work/out")"
grep -q "\"digest\": \"$(cut -d' ' -f3 "$work/out")\"" "$work/lay/index.json" ||
    no "the printed digest is not in index.json"
"$ingot" pkg "$pico" -t app:1.0 -o "$work/lay" -e X=1 -p 53/udp ||
    no "pkg pico"
"$ingot" inspect "oci:$work/lay:1.0" >"$work/out" || no "inspect"
grep -Eq '^  app:1\.0 +kvm +sha256:[0-9a-f]{64}  [0-9]+ bytes$' "$work/out" ||
    no "inspect: no kvm entry"
grep -Eq '^  app:1\.0 +pico ' "$work/out" || no "inspect: no pico entry"
grep -q '^    org.ingot.args=\["a","b c"\]$' "$work/out" || no "inspect: args"
grep -q '^    org.ingot.ports=53/udp$' "$work/out" || no "inspect: ports"
"$ingot" inspect --json "oci:$work/lay" >"$work/json" || no "inspect --json"
grep -q '"org.ingot.memory": "33554432"' "$work/json" || no "json: memory"
# What engines need: an entrypoint (the kernel) and the app's arguments.
jq -e '[.. | objects | select(has("Entrypoint"))][0] |
    .Entrypoint == ["/ingot/kernel"] and .Cmd == ["a", "b c"]' \
    "$work/json" >/dev/null || no "json: Entrypoint/Cmd"
# The reference as skopeo reads it: NAME:TAG after the first colon.
"$ingot" inspect "oci:$work/lay:app:1.0" >/dev/null || no "inspect NAME:TAG"
"$ingot" inspect "oci:$work/lay:other:1.0" 2>/dev/null && no "inspect other:1.0"

# The annotations are the defaults of a dry run; options override them.
"$ingot" run --dry-run --accel tcg "oci:$work/lay:1.0" >"$work/out" 2>"$work/err" ||
    no "dry run"
grep -Eq " -m 32M .*-kernel $TMPDIR/ingot-run-[^/]+/app -append 'argv0=app -- a \"b c\"'$" \
    "$work/out" || { no "dry run command"; cat "$work/out"; }
grep -q "^ingot: kept the extracted image in $TMPDIR/ingot-run-" "$work/err" ||
    no "dry run: no note about the kept directory"
rm -rf "$TMPDIR"/*
"$ingot" run --dry-run --platform pico -m 16M "oci:$work/lay:1.0" -- z \
    >"$work/out" 2>/dev/null || no "dry run pico"
grep -Eq "ingot-pico -m 16777216 -- .*/app 'argv0=app env.X=1 -- z'$" \
    "$work/out" || { no "pico dry run command"; cat "$work/out"; }
rm -rf "$TMPDIR"/*

# expect_fail NAME PATTERN: `ingot run` on $work/bad must say PATTERN.
expect_fail() {
    "$ingot" run --accel tcg "oci:$work/bad:1.0" >"$work/out" 2>"$work/err"
    st=$?
    [ $st = 125 ] || no "$1: exit status $st, want 125"
    [ "$(wc -l <"$work/err")" = 1 ] || no "$1: stderr is not one line"
    grep -Eq "$2" "$work/err" || { no "$1: stderr: $(cat "$work/err")"; }
    [ -z "$(ls -A "$TMPDIR")" ] || no "$1: left $(ls "$TMPDIR")"
}
spoil() { rm -rf "$work/bad"; cp -a "$work/lay" "$work/bad"; }
man=$(sed -n 's/.*"digest": "sha256:\([0-9a-f]*\)".*/\1/p' \
    "$work/lay/index.json" | head -1)
layer=$(sed -n 's/.*"layers":\[{"digest":"sha256:\([0-9a-f]*\)".*/\1/p' \
    "$work/lay/blobs/sha256/$man")
[ -n "$man" ] && [ -n "$layer" ] || no "cannot find the blobs to spoil"

spoil
printf '\377' | dd of="$work/bad/blobs/sha256/$layer" bs=1 seek=100 \
    conv=notrunc 2>/dev/null
expect_fail "flipped byte" \
    "^ingot: oci:$work/bad:1.0: blob sha256:$layer does not match its digest"
spoil
rm "$work/bad/blobs/sha256/$layer"
expect_fail "missing blob" \
    "^ingot: oci:$work/bad:1.0: missing blob sha256:$layer$"
spoil
sed -i '3s/{/{{/' "$work/bad/index.json"
expect_fail "malformed index" \
    "^ingot: oci:$work/bad:1.0: index.json: not valid JSON at line 3: "
spoil
: >"$work/bad/index.json"
expect_fail "empty index" "^ingot: oci:$work/bad:1.0: index.json: not valid JSON"
spoil
"$ingot" run --platform kvm "oci:$work/bad:nope" 2>"$work/err"
grep -q "^ingot: oci:$work/bad:nope: no manifest tagged nope$" "$work/err" ||
    no "missing tag: $(cat "$work/err")"
"$ingot" pkg "$kvm" -t app:2.0 -o "$work/bad"
"$ingot" run --platform pico "oci:$work/bad:2.0" 2>"$work/err"
grep -q "^ingot: oci:$work/bad:2.0: no manifest tagged app:2.0 for platform pico (found: kvm)$" \
    "$work/err" || no "missing platform: $(cat "$work/err")"

# A failed pkg into a new directory leaves nothing; into an existing
# layout, the index is untouched.
"$ingot" pkg "$kvm" -t app:1.0 -o "$work/new" --rootfs /nonexistent 2>"$work/err" &&
    no "pkg with a missing rootfs succeeded"
grep -q "^ingot: --rootfs /nonexistent: No such file or directory$" "$work/err" ||
    no "pkg rootfs: $(cat "$work/err")"
[ ! -e "$work/new" ] || no "a failed pkg left $work/new"
cp "$work/lay/index.json" "$work/index.before"
"$ingot" pkg "$kvm" -t app:1.0 -o "$work/lay" --rootfs /nonexistent 2>/dev/null
cmp -s "$work/lay/index.json" "$work/index.before" ||
    no "a failed pkg changed index.json"

[ $fail = 0 ] && echo SUCCESS
exit $fail
