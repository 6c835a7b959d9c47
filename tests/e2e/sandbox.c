/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sandbox.c: raw system calls the pico sandbox must stop (pico only). */
#include <stdio.h>
#include <string.h>

/* Straight to the host kernel, bypassing the library OS, as hostile or
 * buggy code could. */
static long raw_syscall3(long nr, long a0, long a1, long a2)
{
    long ret;

    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(nr), "D"(a0), "S"(a1), "d"(a2)
                     : "rcx", "r11", "memory");
    return ret;
}

#define NR_WRITE 1
#define NR_MPROTECT 10
#define NR_SOCKET 41
#define NR_FORK 57
#define NR_ALARM 37
#define NR_OPENAT 257
#define NR_FCHMOD 91
#define NR_FCHMODAT 268
#define AT_FDCWD_ (-100)

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";
    long r = 0;

    printf("sandbox: %s\n", what);
    fflush(stdout);
    if (strcmp(what, "open") == 0)
        r = raw_syscall3(NR_OPENAT, AT_FDCWD_, (long)"/etc/passwd", 0);
    else if (strcmp(what, "socket") == 0)
        r = raw_syscall3(NR_SOCKET, 2 /* AF_INET */, 1 /* SOCK_STREAM */, 0);
    else if (strcmp(what, "write-fd") == 0)
        r = raw_syscall3(NR_WRITE, 3, (long)"x", 1);
    else if (strcmp(what, "mprotect") == 0) /* make our own code writable */
        r = raw_syscall3(NR_MPROTECT, (long)&main & ~4095L, 4096, 7);
    else if (strcmp(what, "fork") == 0)
        r = raw_syscall3(NR_FORK, 0, 0, 0);
    /* With a volume, fchmod is allowed on descriptors from 3 on only, and
     * never with a path, which could lead out of the volume. */
    else if (strcmp(what, "fchmodat") == 0)
        r = raw_syscall3(NR_FCHMODAT, 3, (long)"no-such-file", 0777);
    else if (strcmp(what, "fchmod-stdout") == 0)
        r = raw_syscall3(NR_FCHMOD, 1, 0777, 0);
    else if (strcmp(what, "alarm-cancel") == 0) /* the stop timer's call */
        r = raw_syscall3(NR_ALARM, 0, 0, 0);
    printf("sandbox: not stopped, returned %ld\n", r);
    return 0;
}
