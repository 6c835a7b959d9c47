/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* hello.c: prints its arguments and environment; exits with a given status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

/* Usage: hello [--exit N] [words…]
 * Prints a greeting, each argument and each environment variable, then exits
 * with N (default 0). */
int main(int argc, char **argv)
{
    int status = 0;

    printf("Hello from Ingot!\n");
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--exit") == 0 && i + 1 < argc)
            status = atoi(argv[i + 1]);
        printf("argv[%d]=%s\n", i, argv[i]);
    }
    for (char **e = environ; e && *e; e++)
        printf("env %s\n", *e);
    printf("exit status %d\n", status);
    return status;
}
