#!/bin/busybox sh
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# dom0-init.sh: /init of the test dom0: starts the Xen toolstack, runs every
# /batch/jobs/*/cmd, reports on COM1 (harness.sh parses it), powers off.
/bin/busybox --install -s /bin
export PATH=/batch/bin:/sbin:/bin
export LD_LIBRARY_PATH=/batch/lib/x86_64-linux-gnu
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts # xenconsoled opens ptys
mount -t tmpfs run /run
mount -t tmpfs tmp /tmp
ln -s /run /var/run
mkdir -p /run/xen /run/xenstored /run/lock
ln -s /run/lock /var/lock # xenconsole locks its domain there

# The report channel: COM1 as a raw byte pipe (Xen keeps COM2 for itself).
report=/dev/ttyS0
stty -F $report raw -echo 115200 2>/dev/null
say() { echo "$*" >$report; }

# privcmd before xenfs: xenfs needs its device.
for m in xen-evtchn xen-privcmd xenfs xen-gntdev xen-gntalloc xen-netback \
    llc stp bridge; do
    insmod /lib/modules/$m.ko || say "@@dom0 insmod $m failed"
done
mount -t xenfs xenfs /proc/xen
ip link set lo up
# Guests' vifs join this bridge (vif-bridge); dom0 reaches them through it.
brctl addbr xenbr0
ip addr add 10.0.9.1/24 dev xenbr0
ip link set xenbr0 up

xenstored --pid-file=/run/xenstored.pid || say "@@dom0 xenstored failed"
xen-init-dom0 >/tmp/init-dom0.log 2>&1 || say "@@dom0 xen-init-dom0 failed"
xenconsoled --log=guest --log-dir=/var/log/xen/console ||
    say "@@dom0 xenconsoled failed"
say "@@dom0 toolstack up after $(cut -d' ' -f1 /proc/uptime) s"

# A job normally takes seconds; the bound is for a stuck guest, and is
# generous because dom0 runs under nested TCG on machines that may be busy.
for j in /batch/jobs/*/; do
    name=$(basename "$j")
    (cd "$j" && timeout -s KILL 150 sh ./cmd >"$j/out" 2>&1)
    rc=$?
    # A job killed mid-guest leaves its domain; clear the stage.
    for d in $(xl list 2>/dev/null | awk 'NR > 2 { print $2 }'); do
        xl destroy "$d" >/dev/null 2>&1
    done
    say "@@job $name"
    cat "$j/out" >$report
    say "@@end"
    say "@@rc $name $rc"
done
dmesg | grep -iE 'error|fail|warn' | sed 's/^/@@dom0 /' >$report
say "@@done"
sync
poweroff -f
