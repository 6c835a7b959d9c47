/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* ldouble.c: long double (x87 80-bit) conversions: strtold, printf's %L
 * formats, scanf's %Lf and the round trips programs build on them (redis's
 * INCRBYFLOAT); the output must be identical on Ingot and on Linux, a
 * differential test. */
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

/* newlib converts a long double to at most 42 significant digits and
 * pads with zeros after them, where glibc prints the exact expansion:
 * the %f formats are compared below 1e40 only (docs/porting.md). */
static void print(long double v)
{
    static const char *const fmts[] = {"%.21Lg", "%.25Le", "%Lg",
                                       "%.17Lf", "%.0Lf",  "%.30Lf"};
    int nf = v > -1e40L && v < 1e40L ? 6 : 3;
    bits(v);
    for (int i = 0; i < nf; i++) {
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

    long double vals[] = {0.0L,
                          -0.0L,
                          1.0L / 3,
                          2.0L / 3,
                          0.1L,
                          1e-10L,
                          123456789.125L,
                          1e18L,
                          18446744073709551615.0L,
                          1e300L * 1e300L,
                          LDBL_MAX,
                          LDBL_MIN,
                          LDBL_TRUE_MIN,
                          -1.5L,
                          0.5L,
                          2.5L,
                          1e4000L};
    for (size_t i = 0; i < sizeof vals / sizeof *vals; i++)
        print(vals[i]);

    /* INCRBYFLOAT by 1/41 then by -1/41, as redis does it: the sum is
     * printed with %.17Lf, parsed again and added to; it must come back to
     * exactly zero. */
    long double a = strtold("0.024390243902439025", NULL);
    char buf[64];
    snprintf(buf, sizeof buf, "%.17Lf", a);
    long double sum =
        strtold(buf, NULL) + strtold("-0.024390243902439025", NULL);
    printf("incrbyfloat: %s then %.17Lf (%.17Lg)\n", buf, sum, sum);

    long double s1 = 0, s2 = 0;
    int n = sscanf("2.718281828459045235360287 -7e-4000", "%Lf %Lg", &s1, &s2);
    printf("sscanf: %d ", n);
    bits(s1);
    printf(" ");
    bits(s2);
    printf("\nldouble: done\n");
    return 0;
}
