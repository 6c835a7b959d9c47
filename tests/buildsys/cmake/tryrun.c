/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* tryrun.c: try_run's program: its output and status reach CMake. */
#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    printf("ran with %d argument\n", argc);
    return 7;
}
