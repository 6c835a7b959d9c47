/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* streams.c: one line to each output stream, and which are terminals. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    printf("to stdout; isatty 0 %d 1 %d 2 %d\n", isatty(0), isatty(1),
           isatty(2));
    fflush(stdout);
    fprintf(stderr, "to stderr\n");
    return 0;
}
