#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# runtest.sh: redis's own test suite (`./runtest` of the source package)
# against redis-server booted on a tap in a private network namespace, as
# an external server (--host): the suite skips by itself every test that
# must start, restart or configure its own server (tag external:skip).
#
#   runtest.sh BINDIR PLATFORM APPDIR NATIVEDIR
#
# Units: REDIS_UNITS (default below: the data types, keyspace, expiry,
# transactions, pub/sub, scripting, info), each a --single.  Skipped tags,
# and why:
#   needs:debug    DEBUG is refused (enable-debug-command defaults to no)
#   needs:pfdebug  PFDEBUG, likewise a debugging command
#   needs:repl     replication: the suite's replica needs a second server
#                  that forks for the initial sync
#   needs:save     tests that BGSAVE, which needs fork (fails with ENOSYS)
#   needs:reset, needs:config-resetstat, needs:config-maxmemory
#                  reset the server between tests, which the suite does
#                  not do to an external server
#   needs:latency, needs:local-process
#                  read the server's process from the host
# and one test by name: "No negative zero" (newlib's strtold() parses with
# double precision only; apps/redis/README).
set -u
bin=$1 plat=$2 app=$3 native=$4
export PATH="$bin:$PATH"
server=$app/redis-server
tree=$native/src/tree
[ -x "$server" ] || { echo "FAIL: $server not built"; exit 1; }
[ -x "$tree/runtest" ] || { echo "FAIL: $tree/runtest missing"; exit 1; }
command -v tclsh >/dev/null || { echo "SKIP: tclsh is not installed"; exit 77; }
[ "$plat" != kvm ] || command -v "${INGOT_QEMU:-qemu-system-x86_64}" >/dev/null ||
    { echo "SKIP: no QEMU"; exit 77; }
. "$(dirname "$0")/../../../tests/net/netns.sh"

units=${REDIS_UNITS:-"unit/type/string unit/type/incr unit/type/list
    unit/type/hash unit/type/set unit/type/zset unit/keyspace unit/expire
    unit/multi unit/pubsub unit/info-command"}
start_guest "$(command -v ingot)" -m 256M "$server" \
    -- --protected-mode no --port 6379 --save ""
wait_for "Ready to accept connections" 120
args=()
for u in $units; do args+=(--single "$u"); done
tags="-needs:debug -needs:pfdebug -needs:repl -needs:save -needs:reset"
tags="$tags -needs:config-resetstat -needs:config-maxmemory"
tags="$tags -needs:latency -needs:local-process"
# The suite runs in the namespace, from the native build's tree (its
# helpers and redis-cli/redis-benchmark are the native ones).
(cd "$tree" && in_ns tclsh tests/test_helper.tcl --host "$GUEST_IP" \
    --port 6379 --tags "$tags" --skiptest "No negative zero" --timeout 600 \
    "${args[@]}") \
    >"$TMP/runtest.out" 2>&1
status=$?
# The suite colours its output.
sed -i 's/\x1b\[[0-9;]*m//g' "$TMP/runtest.out"
grep -E '^\[(err|exception)\]|^\[[0-9]+/[0-9]+ done\]|tests failed' \
    "$TMP/runtest.out" | tail -40
oks=$(grep -c '^\[ok\]' "$TMP/runtest.out")
errs=$(grep -cE '^\[(err|exception)\]' "$TMP/runtest.out")
echo "runtest: $oks passed, $errs failed, status $status"
[ "$status" = 0 ] && [ "$errs" = 0 ] && [ "$oks" -gt 0 ] ||
    { tail -60 "$TMP/runtest.out"; fail "redis runtest"; }
echo SUCCESS
