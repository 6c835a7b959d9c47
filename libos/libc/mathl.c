/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mathl.c: the long double rounding functions newlib's x86_64 libm lacks. */
#include <math.h>

/* x86_64's long double is the x87 80-bit format; newlib builds its long
 * double functions only where long double is double.  These round with
 * the x87's own FRNDINT under a chosen rounding mode. */

#define RC_NEAREST 0x0000
#define RC_DOWN 0x0400
#define RC_UP 0x0800
#define RC_ZERO 0x0c00

static long double rnd(long double x, unsigned short mode)
{
    unsigned short cw, tmp;

    __asm__ volatile("fnstcw %0" : "=m"(cw));
    tmp = (unsigned short)((cw & ~0x0c00) | mode);
    __asm__ volatile("fldcw %0" ::"m"(tmp));
    __asm__ volatile("frndint" : "+t"(x));
    __asm__ volatile("fldcw %0" ::"m"(cw));
    return x;
}

long double ceill(long double x)
{
    return rnd(x, RC_UP);
}

long double floorl(long double x)
{
    return rnd(x, RC_DOWN);
}

long double truncl(long double x)
{
    return rnd(x, RC_ZERO);
}

long double rintl(long double x)
{
    unsigned short cw;
    __asm__ volatile("fnstcw %0" : "=m"(cw));
    return rnd(x, cw & 0x0c00); /* the current mode */
}

long double nearbyintl(long double x)
{
    return rintl(x);
}

/* Halfway cases away from zero. */
long double roundl(long double x)
{
    long double t = truncl(x);
    long double d = x - t; /* exact: t and x share their high bits */
    if (d >= 0.5L)
        t += 1.0L;
    else if (d <= -0.5L)
        t -= 1.0L;
    return t;
}

/* Out of range (and NaN) give LONG_MIN, as x86's conversion does. */
long lroundl(long double x)
{
    return (long)roundl(x);
}

long long llroundl(long double x)
{
    return (long long)roundl(x);
}

long lrintl(long double x)
{
    return (long)rintl(x);
}

long long llrintl(long double x)
{
    return (long long)rintl(x);
}

long double fabsl(long double x)
{
    return __builtin_fabsl(x);
}
