/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* app.c: passes (0) when the generated table is right. */
#include <stdio.h>
#include <stdlib.h>

#include "table.h"

int main(int argc, char **argv)
{
    int i = argc > 1 ? atoi(argv[1]) : 0;
    printf("cubes[%d] = %d\n", i, cubes[i]);
    return cubes[i] == i * i * i ? 0 : 1;
}
