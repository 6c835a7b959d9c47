/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* exit.c: exit() from deep in the program runs atexit and flushes stdio. */
#include <stdio.h>
#include <stdlib.h>

static void goodbye(void)
{
    printf("atexit handler ran\n");
}

__attribute__((noinline)) static void leave(int status)
{
    /* No newline: only the flush at exit can make this line appear. */
    printf("leaving with %d", status);
    exit(status);
}

int main(int argc, char **argv)
{
    atexit(goodbye);
    leave(argc > 1 ? atoi(argv[1]) : 42);
    return 1;
}
