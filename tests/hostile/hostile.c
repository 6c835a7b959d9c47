/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* hostile.c: a pico guest that attacks its own tender (pico only). */
#include <stdio.h>
#include <string.h>

/* Straight to the host kernel, bypassing the library OS. */
static long raw_syscall3(long nr, long a0, long a1, long a2)
{
    long ret;

    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(nr), "D"(a0), "S"(a1), "d"(a2)
                     : "rcx", "r11", "memory");
    return ret;
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";
    long r = 0;

    printf("hostile: %s\n", what);
    fflush(stdout);
    if (strcmp(what, "syscall-negative") == 0)
        r = raw_syscall3(-1, 0, 0, 0);
    printf("hostile: not stopped, returned %ld\n", r);
    return 0;
}
