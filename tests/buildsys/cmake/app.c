/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* app.c: links a sysroot library; ctest checks what it prints. */
#include <greet.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 0;
    printf("%s, %d squared is %d\n", greet(), n, n * n);
    return 0;
}
