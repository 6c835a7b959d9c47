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
# The server is configured as redis's own CI configures its external
# server (.github/workflows/external.yml: --save "" --enable-debug-command
# yes --enable-protected-configs yes), so the tests that use DEBUG run too.
#
# Units: REDIS_UNITS, or the platform's default below (kvm runs under TCG,
# several times slower: fewer units), each a --single.  Skipped, and why:
#   tag slow        as in redis's CI for an external server: long fuzzing
#                   and stress loops (minutes of round trips)
#   tag needs:repl  a replica's initial sync is a BGSAVE, which needs fork()
#   tag needs:save  BGSAVE and BGREWRITEAOF need fork() (ENOSYS: one
#                   process per image)
#   every test that reads the replication stream
#                   (attach_to_replication_stream: a SYNC, answered with a
#                   BGSAVE, so a fork), found in the units' sources: in
#                   7.0 most lack the needs:repl tag
#   test "SET - use KEEPTTL option, TTL should not be removed after loadaof"
#                   CONFIG SET appendonly yes starts an AOF rewrite in the
#                   background (a fork), likewise untagged
#   test "GETEX use of PERSIST option should remove TTL after loadaof"
#                   DEBUG LOADAOF needs the AOF the test above turns on
#                   (without one redis exits, on Linux too)
#   on kvm, "GETEX PXAT option": it sets an expiry 10,000 ms after the
#                   host's clock and wants PTTL at most 10,000, so it allows
#                   the guest's clock no lag at all; kvm's follows the
#                   host's from readings that arrive after they are taken
#                   (platforms/kvm/wallclock.c): a few ms behind under
#                   load (10006 seen).  The other EXAT/PXAT/EXPIREAT tests,
#                   in whole seconds, run on kvm too.

# Everything tagged external:skip (tests that start, restart or
# reconfigure their own server) is skipped by the suite itself.
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

skips=()
if [ "$plat" = kvm ]; then
    units=${REDIS_UNITS:-"unit/printver unit/auth unit/protocol unit/keyspace
        unit/info-command unit/type/incr unit/type/string unit/type/hash
        unit/type/set unit/type/list unit/expire unit/multi unit/pubsub
        unit/functions unit/bitops"}
    skips+=(--skiptest "GETEX PXAT option")
else
    units=${REDIS_UNITS:-"unit/printver unit/dump unit/auth unit/protocol
        unit/keyspace unit/info-command unit/type/incr unit/type/string
        unit/type/hash unit/type/set unit/type/list unit/expire unit/multi
        unit/pubsub unit/scripting unit/functions unit/bitops"}
fi
start_guest "$(command -v ingot)" -m 256M "$server" \
    -- --protected-mode no --port 6379 --save "" --enable-debug-command yes \
    --enable-protected-configs yes
wait_for "Ready to accept connections" 120
args=()
for u in $units; do args+=(--single "$u"); done
tags="-slow -needs:repl -needs:save"
# The tests whose code reads the replication stream: the name of the last
# `test` line before each attach_to_replication_stream call.
for u in $units; do
    awk '/^[ \t]*test [{"]/ {
            name = $0
            sub(/^[ \t]*test [{"]/, "", name)
            sub(/[}"] *\{[ \t]*$/, "", name)
        }
        /attach_to_replication_stream/ && name != "" { print name }' \
        "$tree/tests/$u.tcl"
done | sort -u >"$TMP/skip"
echo "runtest: $(wc -l <"$TMP/skip") tests read the replication stream, skipped"
# The suite runs in the namespace, from the native build's tree (its
# helpers and redis-cli/redis-benchmark are the native ones).
(cd "$tree" && in_ns tclsh tests/test_helper.tcl --host "$GUEST_IP" \
    --port 6379 --tags "$tags" --timeout 600 \
    --skipfile "$TMP/skip" \
    --skiptest "SET - use KEEPTTL option, TTL should not be removed after loadaof" \
    --skiptest "GETEX use of PERSIST option should remove TTL after loadaof" \
    "${skips[@]}" "${args[@]}") \
    >"$TMP/runtest.out" 2>&1
status=$?
# The suite colours its output.
sed -i 's/\x1b\[[0-9;]*m//g' "$TMP/runtest.out"
grep -E '^\[(err|exception)\]|^\[[0-9]+/[0-9]+ done\]|tests failed' \
    "$TMP/runtest.out" | tail -40
oks=$(grep -c '^\[ok\]' "$TMP/runtest.out")
errs=$(grep -cE '^\[(err|exception)\]' "$TMP/runtest.out")
ign=$(grep -c '^\[ignore\]' "$TMP/runtest.out")
echo "runtest: $oks passed, $errs failed, $ign skipped (tags), status $status"
[ "$status" = 0 ] && [ "$errs" = 0 ] && [ "$oks" -gt 0 ] ||
    { tail -60 "$TMP/runtest.out"; fail "redis runtest"; }
echo SUCCESS
