/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* ldouble.c: long double (x87 80-bit): strtold() to the last bit, printf's
 * %L formats within double's precision, x87 arithmetic; the output must be
 * identical on Ingot and on Linux, a differential test. */
#include <errno.h>
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The 80 significant bits of an x87 long double, sign and exponent first:
 * equal bits mean an exactly equal conversion. */
static void bits(long double v)
{
    unsigned char b[sizeof v];
    memcpy(b, &v, sizeof v);
    for (int i = 9; i >= 0; i--)
        printf("%02x", b[i]);
}

static void parse(const char *s)
{
    char *end;
    errno = 0;
    long double v = strtold(s, &end);
    printf("strtold(\"%s\") = ", s);
    bits(v);
    printf(" used %d%s\n", (int)(end - s), errno == ERANGE ? " ERANGE" : "");
}

/* printf's %L conversions go through double in the image (newlib,
 * docs/porting.md): values within double's range, at most 15 significant
 * digits, print as on Linux. */
static void print(long double v)
{
    static const char *const fmts[] = {"%Lg", "%.10Le", "%.15Lg", "%.3Lf"};
    size_t nf = v > -1e15L && v < 1e15L ? 4 : 3; /* %f: exact expansions */
    bits(v);
    for (size_t i = 0; i < nf; i++) {
        char buf[128];
        snprintf(buf, sizeof buf, fmts[i], v);
        printf(" %s=%s", fmts[i], buf);
    }
    printf("\n");
}

int main(void)
{
    static const char *const in[] = {"0.024390243902439025",
                                     "-0.024390243902439025",
                                     "1.1",
                                     "0.1",
                                     "3.14159265358979323846264338327950288",
                                     "1e4932",
                                     "1.2e4932",
                                     "1e-4950",
                                     "3.6e-4951",
                                     "1e-5000",
                                     "0x1.8p3",
                                     "0x1.fffffffffffffffep16383",
                                     "inf",
                                     "-infinity",
                                     "12345678901234567890123",
                                     "18446744073709551615",
                                     "18446744073709551617",
                                     "4.9406564584124654e-324",
                                     "  +42abc",
                                     "1e",
                                     "-0",
                                     ".5e-3",
                                     "nan",
                                     "x"};
    for (size_t i = 0; i < sizeof in / sizeof *in; i++)
        parse(in[i]);

    long double vals[] = {0.0L,           -0.0L,  1.0L / 3, 2.0L / 3,
                          0.1L,           1e-10L, -1.5L,    0.5L,
                          123456789.125L, 1e18L,  1e300L,   1e-300L};
    for (size_t i = 0; i < sizeof vals / sizeof *vals; i++)
        print(vals[i]);

    /* Arithmetic is the x87's: 1/41 - 1/41 parsed as long doubles. */
    long double a = strtold("0.024390243902439025", NULL);
    long double b = strtold("-0.024390243902439025", NULL);
    printf("sum of 1/41 and -1/41: ");
    bits(a + b);
    printf("\nldouble: done\n");
    return 0;
}
