/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_calc.c: `make check`: passes (0) when the library computes right. */
#include <stdio.h>

#include "calc.h"

int main(void)
{
    double h = calc_hypot(5, 12);
    printf("hypot(5, 12) = %g\n", h);
    return h == 13 ? 0 : 1;
}
