#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# oci.sh: images packaged by `ingot pkg`, read by independent tools (skopeo,
# umoci) and booted by `ingot run oci:`.
#
#   oci.sh CHECK INGOT WORKDIR HELLO_KVM HELLO_PICO ROOTFS_KVM ROOTFS_PICO \
#          ROOTFS_DIR
#
# CHECK names what to check: skopeo_inspect, skopeo_copy, umoci_unpack,
# run_kvm, run_pico, rootfs_kvm, rootfs_pico, archive, reproducible.  Each
# starts from a layout holding hello for kvm and pico under one tag "1.0"
# (kvm first, with default arguments; pico with an environment variable),
# and hello for kvm alone as "kvm".  Exits 77 when the tool is missing.
set -u
check=$1 ingot=$2 work=$3 kvm=$4 pico=$5 rkvm=$6 rpico=$7 tree=$8
rm -rf "$work"
mkdir -p "$work/tmp"
trap 'rm -rf "$work"' EXIT
export TMPDIR=$work/tmp
fail=0
no() { echo "FAIL: $*"; fail=1; }
need() {
    command -v "$1" >/dev/null || { echo "SKIP: $1 not installed"; exit 77; }
}
# pkg LAYOUT: the layout every check starts from.
pkg() {
    "$ingot" pkg "$kvm" -t hello:1.0 -o "$1" --source https://example.org/ingot \
        -- one "two words" || no "pkg kvm"
    "$ingot" pkg "$pico" -t hello:1.0 -o "$1" -e GREETING=hi -m 32M ||
        no "pkg pico"
    "$ingot" pkg "$kvm" -t hello:kvm -o "$1" || no "pkg kvm alone"
}
# boot WANT_STATUS REF [run options...]: runs, output in $work/out.
boot() {
    local want=$1
    shift
    timeout 300 "$ingot" run --accel tcg "$@" >"$work/out" 2>&1
    local st=$?
    cat "$work/out"
    [ $st = "$want" ] || no "ingot run $*: status $st, want $want"
}
has() { grep -Eq -- "$1" "$work/out" || no "no line matches: $1"; }
digest() { # digest N: the manifest digest of index entry N
    sed -n 's/.*"digest": "\(sha256:[0-9a-f]*\)".*/\1/p' \
        "$work/lay/index.json" | sed -n "$1p"
}

case $check in
skopeo_inspect)
    need skopeo
    pkg "$work/lay"
    skopeo inspect "oci:$work/lay:hello:kvm" >"$work/out" || no "skopeo inspect"
    cat "$work/out"
    has "\"Digest\": \"$(digest 3)\""
    has '"Architecture": "amd64"'
    has '"Os": "linux"'
    has '"org.ingot.platform": "kvm"'
    has '"Created": "1970-01-01T00:00:00Z"'
    # With two manifests under one tag skopeo takes the first (kvm).
    skopeo inspect --raw "oci:$work/lay:hello:1.0" >"$work/out" || no "skopeo --raw"
    [ "sha256:$(sha256sum <"$work/out" | cut -d' ' -f1)" = "$(digest 1)" ] ||
        no "skopeo --raw is not the kvm manifest"
    ;;
skopeo_copy)
    need skopeo
    pkg "$work/lay"
    skopeo copy -q "oci:$work/lay:hello:1.0" "docker-archive:$work/d.tar:hello:1.0" ||
        no "skopeo copy"
    tar -xOf "$work/d.tar" manifest.json >"$work/out" || no "no manifest.json"
    cat "$work/out"; echo
    has '"RepoTags":\["docker.io/library/hello:1.0"\]'
    # The docker-archive layer is our uncompressed layer: its name is the
    # diff_id, and it holds the kernel.
    id=$("$ingot" inspect "oci:$work/lay:kvm" | sed -n 's/^  diff_id  sha256://p')
    tar -xOf "$work/d.tar" "$id.tar" >"$work/layer.tar" || no "no layer $id"
    [ "$(sha256sum <"$work/layer.tar" | cut -d' ' -f1)" = "$id" ] ||
        no "layer digest is not the diff_id"
    tar -xOf "$work/layer.tar" ingot/kernel | cmp - "$kvm" ||
        no "kernel in the docker-archive differs"
    # A copy by skopeo keeps only ref.name in the index; the manifest's
    # own org.ingot.platform still says how to boot it.
    skopeo copy -q "oci:$work/lay:hello:1.0" "oci-archive:$work/c.tar:v1" ||
        no "skopeo copy to oci-archive"
    boot 0 "oci-archive:$work/c.tar:v1"
    has "^argv\[2\]=two words$"
    ;;
umoci_unpack)
    need umoci
    pkg "$work/lay"
    # umoci wants one manifest per tag: "hello:kvm" has one.
    umoci unpack --rootless --image "$work/lay:hello:kvm" "$work/bundle" ||
        no "umoci unpack"
    cmp "$work/bundle/rootfs/ingot/kernel" "$kvm" || no "kernel differs"
    [ -x "$work/bundle/rootfs/ingot/kernel" ] || no "kernel not executable"
    ;;
run_kvm)
    pkg "$work/lay"
    boot 0 --platform kvm "oci:$work/lay:1.0"
    has "^Hello from Ingot!$"
    has "^argv\[0\]=hello$"
    has "^argv\[2\]=two words$"
    boot 3 "oci:$work/lay:1.0" -- --exit 3
    has "^exit status 3$"
    ;;
run_pico)
    pkg "$work/lay"
    boot 0 --platform pico "oci:$work/lay:1.0"
    has "^Hello from Ingot!$"
    has "^argc=1$"
    has "^env GREETING=hi$"
    boot 0 --platform pico -e GREETING=bye "oci:$work/lay:1.0" -- x
    has "^env GREETING=bye$"
    has "^argv\[1\]=x$"
    ;;
rootfs_kvm | rootfs_pico)
    p=${check#rootfs_}
    img=$rkvm
    [ "$p" = pico ] && img=$rpico
    "$ingot" pkg "$img" -t rootfs:1 -o "$work/lay" --rootfs "$tree" ||
        no "pkg --rootfs"
    boot 0 "oci:$work/lay:1"
    has "^ls /: \. \.\. dev etc tmp www$"
    has "^/etc/motd: hello from the rootfs$"
    has "^/www/docs/a.txt: nested$"
    has "^rootfs: done$"
    ;;
archive)
    need skopeo
    "$ingot" pkg "$kvm" -t hello:1.0 --archive "$work/a.tar" -- arc ||
        no "pkg --archive"
    "$ingot" pkg "$pico" -t hello:1.0 --archive "$work/a.tar" || no "pkg pico"
    skopeo inspect "oci-archive:$work/a.tar:hello:1.0" >"$work/out" ||
        no "skopeo inspect oci-archive"
    has '"org.ingot.platform": "kvm"'
    boot 0 "oci-archive:$work/a.tar:1.0"
    has "^argv\[1\]=arc$"
    boot 0 --platform pico "oci-archive:$work/a.tar"
    has "^argc=1$"
    ;;
reproducible)
    pkg "$work/l1"
    touch "$kvm" "$pico"
    pkg "$work/l2"
    diff -r "$work/l1" "$work/l2" || no "two runs differ"
    SOURCE_DATE_EPOCH=1700000000 pkg "$work/l3"
    "$ingot" inspect "oci:$work/l3:kvm" >"$work/out"
    has "^  created  2023-11-14T22:13:20Z$"
    has "^    org.opencontainers.image.created=2023-11-14T22:13:20Z$"
    cmp -s "$work/l1/index.json" "$work/l3/index.json" &&
        no "SOURCE_DATE_EPOCH changed nothing"
    ;;
*)
    echo "oci.sh: $check: unknown check" >&2
    exit 2
    ;;
esac
[ -z "$(ls -A "$TMPDIR")" ] || no "temporary files left: $(ls "$TMPDIR")"
[ $fail = 0 ] && echo SUCCESS
exit $fail
