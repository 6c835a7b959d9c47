#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# k8s_config.sh: the containerd configuration docs/cloud.md gives for a
# Kubernetes RuntimeClass loads: a private containerd imports it, its CRI
# plugin starts ("ok") with an "ingot" handler whose BinaryName is
# ingot-runc, and the RuntimeClass manifest names that handler.  (No
# kubelet or CRI client is packaged in Debian 12: pods are not run here.)
#
#   k8s_config.sh SOURCE_DIR BIN_DIR
set -u
src=$1 bin=$(cd "$2" && pwd)
command -v containerd >/dev/null || { echo "SKIP: containerd is not installed"; exit 77; }
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root"; exit 77; }
work=$(mktemp -d /tmp/ingot-k8s-XXXXXX)
pid=
cleanup() {
    if [ -n "$pid" ]; then
        kill "$pid"
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$work"
}
trap cleanup EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }

k8s=$src/toolchain/runtime/kubernetes
sed "s|/usr/local/bin/ingot-runc|$bin/ingot-runc|" "$k8s/containerd-ingot.toml" \
    >"$work/ingot.toml"
cat >"$work/config.toml" <<C
version = 2
root = "$work/root"
state = "$work/state"
imports = ["$work/ingot.toml"]
[grpc]
  address = "$work/containerd.sock"
C
containerd --config "$work/config.toml" >"$work/log" 2>&1 &
pid=$!
for _ in $(seq 100); do [ -S "$work/containerd.sock" ] && break; sleep 0.1; done
ctr -a "$work/containerd.sock" plugins ls | grep -Eq 'grpc\.v1 +cri .* ok' ||
    no "the CRI plugin did not load: $(grep -i 'cri' "$work/log" | grep -i fail)"
grep -q "ingot:{Type:io.containerd.runc.v2 .*BinaryName:$bin/ingot-runc" "$work/log" ||
    no "the CRI plugin has no ingot handler running $bin/ingot-runc"
grep -q '^handler: ingot$' "$k8s/runtimeclass.yaml" || no "RuntimeClass handler"
[ $fail = 0 ] && echo PASS
exit $fail
