/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* main.c: prints what configure found and the generated table. */
#include "config.h"

#include <stdio.h>

#include "calc.h"
#include "table.h"

int main(void)
{
    printf("sizeof(long) %d, sizeof(void *) %d\n", SIZEOF_LONG, SIZEOF_VOID_P);
    printf("powers[10] %lu, hypot(3, 4) %g\n", powers[10], calc_hypot(3, 4));
    return 0;
}
