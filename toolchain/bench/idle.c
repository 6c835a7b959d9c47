/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* idle.c: says "ready", then sleeps, so the bench can read its memory. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Usage: idle [SECONDS] (default 30). */
int main(int argc, char **argv)
{
    printf("ready\n");
    fflush(stdout);
    sleep(argc > 1 ? (unsigned)atoi(argv[1]) : 30u);
    return 0;
}
