/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* calc.c: a library function that needs libm. */
#include <math.h>

#include "calc.h"

double calc_hypot(double a, double b)
{
    return sqrt(a * a + b * b);
}
