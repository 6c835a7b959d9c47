/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* app.c: uses the generated table and what configure found. */
#include <stdio.h>
#include <stdlib.h>

#include "config.h"
#include "squares.h"

int main(int argc, char **argv)
{
    int k = argc > 1 ? atoi(argv[1]) : NSQUARES - 1;
    if (k < 0 || k >= NSQUARES)
        return 1;
    printf("sizeof(long) %d, squares[%d] = %ld\n", SIZEOF_LONG, k, squares[k]);
    return 0;
}
