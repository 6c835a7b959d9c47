/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* crash.c: faults on purpose; the report and status 255 are under test
 * (and a failed assert(): its report and SIGABRT). */
#include <assert.h>
#include <stdio.h>
#include <string.h>

/* Each fault sits in its own non-inlined function so the backtrace must
 * show both it and its caller. */
__attribute__((noinline)) static int deref_null(int *volatile p)
{
    return *p;
}

__attribute__((noinline)) static void write_code(void)
{
    extern int main(int, char **);
    volatile unsigned char *code = (volatile unsigned char *)&main;
    *code = 0xc3;
}

/* Both operands volatile: gcc turns 1 / b into comparisons, no idiv.  The
 * result lives in the frame so the epilogue cannot be scheduled before the
 * idiv (a fault after `leave` would hide this frame from the walk). */
__attribute__((noinline)) static int divide(volatile int a, volatile int b)
{
    volatile int q = a / b;
    return q;
}

__attribute__((noinline)) static int recurse(int n)
{
    volatile char pad[512];
    pad[0] = (char)n;
    return recurse(n + 1) + pad[0];
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";
    /* NULL and zero known only at run time (argc is 2), so gcc compiles
     * ordinary code paths rather than clones specialised on the constant. */
    int zero = argc - 2;

    printf("crash: %s\n", what);
    fflush(stdout);
    if (strcmp(what, "null") == 0)
        return deref_null((int *)(long)zero);
    if (strcmp(what, "write-code") == 0)
        write_code();
    if (strcmp(what, "divide") == 0)
        return divide(100, zero);
    if (strcmp(what, "stack") == 0)
        return recurse(0);
    if (strcmp(what, "assert") == 0)
        assert(zero == 1);
    printf("crash: still alive\n");
    return 0;
}
