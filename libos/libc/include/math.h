/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* math.h: newlib's math.h plus the long double rounding functions. */
#ifndef INGOT_MATH_H
#define INGOT_MATH_H

#include_next <math.h>

/* newlib declares long double functions only where long double is double;
 * on x86_64 the library OS defines these (libos/libc/mathl.c). */
#if __ISO_C_VISIBLE >= 1999
long double ceill(long double);
long double floorl(long double);
long double truncl(long double);
long double roundl(long double);
long double rintl(long double);
long double nearbyintl(long double);
long double fabsl(long double);
long lroundl(long double);
long long llroundl(long double);
long lrintl(long double);
long long llrintl(long double);
#endif

#endif /* INGOT_MATH_H */
