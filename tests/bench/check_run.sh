#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# check_run.sh: runs `ingot bench` and checks what it wrote is well formed.
# Judges files, never timings.
#
#   check_run.sh INGOT WORKDIR SUITE "IDS OK" "IDS SKIPPED" -- BENCH-ARGS...
#
# Passes when `ingot bench SUITE -o WORKDIR/out BENCH-ARGS...` exits 0;
# SUITE.csv starts with the documented header and has a row for each ID,
# with status ok for the first list and skipped for the second (an ID
# written "a|b" may be either); every PNG is a PNG; summary.md has the
# targets and the suite's table; and --markdown into a file with
# hand-written text keeps that text around the generated part.
set -u
ingot=$1 work=$2 suite=$3 ok_ids=$4 skip_ids=$5
shift 5
[ "$1" = -- ] && shift
rm -rf "$work"
mkdir -p "$work"
out=$work/out
fail() { echo "FAIL: $*"; exit 1; }

printf 'Hand-written intro.\n' >"$work/doc.md"
"$ingot" bench "$suite" -o "$out" --markdown "$work/doc.md" "$@" \
    2>"$work/err" || { cat "$work/err"; fail "ingot bench exited $?"; }
grep -Eq "^\[$suite 1/[0-9]+\] " "$work/err" || fail "no progress lines"
csv=$out/$suite.csv
header=suite,id,label,metric,unit,x,runs,min,median,max,status,note
[ "$(head -1 "$csv")" = "$header" ] || fail "$csv: header"
for id in $ok_ids; do
    grep -Eq "^$suite,($id),.*,ok," "$csv" || fail "$csv: no ok row $id"
done
for id in $skip_ids; do
    grep -Eq "^$suite,($id),.*,skipped," "$csv" || fail "$csv: no skipped row $id"
done
n=0
for png in "$out"/*.png; do
    [ -e "$png" ] || fail "no PNG written"
    [ "$(head -c 4 "$png" | od -An -c | tr -d ' ')" = '211PNG' ] ||
        fail "$png: not a PNG"
    grep -q "(${png##*/})" "$out/summary.md" || fail "summary.md: no ${png##*/}"
    n=$((n + 1))
done
grep -q '^### Targets$' "$out/summary.md" || fail "summary.md: no targets"
grep -q "^### $suite$" "$out/summary.md" || fail "summary.md: no $suite table"
grep -q '^Machine: .*cores.*QEMU' "$out/summary.md" || fail "summary.md: machine"
[ "$(head -1 "$work/doc.md")" = "Hand-written intro." ] || fail "doc.md: intro lost"
grep -c '^<!-- ingot bench: begin (generated) -->$' "$work/doc.md" |
    grep -qx 1 || fail "doc.md: begin marker"
grep -q "^### $suite$" "$work/doc.md" || fail "doc.md: no $suite table"
# `ingot bench report` sums the same CSV up again, naming the run's
# machine and command (run.txt), not its own.
cmdline=$(grep -m1 '^Command: ' "$out/summary.md")
mv "$out/summary.md" "$work/summary.first"
printf 'Second intro.\n' >"$work/doc2.md"
"$ingot" bench report -o "$out" --markdown "$work/doc2.md" 2>"$work/err2" ||
    { cat "$work/err2"; fail "ingot bench report exited $?"; }
[ "$(sed -n 2p "$out/run.txt")" = "ingot bench $suite -o $out --markdown $work/doc.md $*" ] ||
    fail "run.txt: command: $(sed -n 2p "$out/run.txt")"
cmp -s "$work/summary.first" "$out/summary.md" ||
    fail "report: summary.md differs from the run's"
[ "$(grep -m1 '^Command: ' "$work/doc2.md")" = "$cmdline" ] ||
    fail "report --markdown: command line"
grep -q "^### $suite$" "$work/doc2.md" || fail "doc2.md: no $suite table"
echo "PASS: $n plots, $(($(wc -l <"$csv") - 1)) rows"
