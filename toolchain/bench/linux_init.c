/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* linux_init.c: /init of the bench's Linux VM: runs hello, then powers off. */
#include <stdio.h>
#include <sys/reboot.h>
#include <unistd.h>

/* apps/hello/hello.c's main, compiled with -Dmain=ingot_bench_hello. */
int ingot_bench_hello(int argc, char **argv);

/* As PID 1 there is nobody to return to (the kernel would panic), so after
 * hello the VM restarts, which QEMU's -no-reboot turns into its exit. */
int main(int argc, char **argv)
{
    int status = ingot_bench_hello(argc, argv);

    fflush(stdout);
    sync();
    reboot(RB_AUTOBOOT);
    return status;
}
