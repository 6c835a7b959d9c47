/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* ldouble.c: long double (x87 80-bit): strtold() to the last bit; printf's
 * and scanf's %L conversions, exact, for edge values with every flag and
 * thousands of pseudo-random ones (their text hashed), in every function
 * of the two families; x87 arithmetic.  The output must be identical on
 * Ingot and on Linux (glibc), a differential test. */
#define _GNU_SOURCE
#include <errno.h>
#include <float.h>
#include <stdarg.h>
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

/* A long double from its sign-and-exponent word and significand. */
static long double make(unsigned se, unsigned long long m)
{
    long double v = 0;
    memcpy(&v, &m, 8);
    memcpy((char *)&v + 8, &se, 2);
    return v;
}

/* Deterministic pseudo-random numbers (xorshift64*), the same everywhere. */
static unsigned long long rng = 0x9e3779b97f4a7c15ULL;
static unsigned long long rnd(void)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return rng * 2685821657736338717ULL;
}

/* FNV-1a over a conversion's text and count, for the bulk values. */
static unsigned long long fnv(unsigned long long h, const char *s, int n)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return (h ^ (unsigned)n) * 0x100000001b3ULL;
}

static char big[20000];

/* Every format on the edge values, printed in full. */
static const char *const edge_fmts[] = {
    "%Lf",    "%.0Lf",       "%#.0Lf",      "%Le",      "%#.0Le", "%.0Le",
    "%Lg",    "%#Lg",        "%.17Lg",      "%.17Lf",   "%.20Le", "%.0Lg",
    "%#.0Lg", "%+ 020.10Lf", "%-30.5Le|",   "%030.3Le", "%La",    "%.3La",
    "%#.0La", "%.0La",       "%LA",         "%LE",      "%LG",    "%LF",
    "% Lf",   "%+.3Lg",      "%012.4Lg",    "%-12Lg|",  "%.60Lf", "%.30Lg",
    "%'Lf",   "%25.15La",    "%-+#25.2La|", "%020La",   "%.40Le",
};

static void edge(long double v)
{
    bits(v);
    printf("\n");
    for (size_t i = 0; i < sizeof edge_fmts / sizeof *edge_fmts; i++) {
        int n = snprintf(big, sizeof big, edge_fmts[i], v);
        printf("  %s=%s (%d)\n", edge_fmts[i], big, n);
    }
}

/* Formats of the bulk: moderate exponents take them all, the full
 * range the cheaper ones (an exact %Lf of 1e-4000 is 16,000 digits). */
static const char *const bulk_fmts[] = {
    "%.17Lg", "%Le",    "%.25Le", "%La",   "%.5La",       "%Lg",    "%#.3Lg",
    "%.0Le",  "%.40Le", "%.21Lg", "%.0Lf", "%+ 020.10Lf", "%.30Lf", "%Lf",
};

static unsigned long long bulk_one(long double v, size_t nf,
                                   unsigned long long *rt)
{
    unsigned long long h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < nf; i++) {
        int n = snprintf(big, sizeof big, bulk_fmts[i], v);
        h = fnv(h, big, n);
    }
    /* Round trips through sscanf: %.21Lg and %La give the bits back. */
    static const char *const back[] = {"%.21Lg", "%La"};
    for (int i = 0; i < 2; i++) {
        long double w = -1;
        char txt[64];
        snprintf(txt, sizeof txt, back[i], v);
        int n = sscanf(txt, i ? "%La" : "%Lf", &w);
        h = fnv(h, "", n);
        if (n == 1 && (memcmp(&w, &v, 10) == 0 || (v != v && w != w)))
            (*rt)++;
    }
    return h;
}

static void bulk(void)
{
    unsigned long long rt = 0, all = 0;
    int count = 0;
    for (int i = 0; i < 3300; i++) {
        unsigned long long m = rnd(), r = rnd();
        unsigned se;
        size_t nf = sizeof bulk_fmts / sizeof *bulk_fmts;
        if (i < 3000) { /* |v| within about 1e-360 .. 1e360 */
            se = (unsigned)(16383 - 1200 + (long)(r % 2400));
            m |= 1ULL << 63;
        } else { /* any exponent; subnormals, unnormals, NaNs too */
            se = (unsigned)(r & 0x7fff);
            if (i % 10 == 0)
                se = 0, m >>= r % 64;
            else if (i % 10 != 1)
                m |= 1ULL << 63;
            nf = 10;
        }
        se |= (unsigned)((r >> 20) & 1) << 15;
        long double v = make(se, m);
        unsigned long long h = bulk_one(v, nf, &rt);
        all = fnv(all, "", (int)h) ^ h;
        count += (int)nf;
        bits(v);
        printf(" %016llx\n", h);
    }
    printf("bulk: %d conversions, %llu exact round trips, %016llx\n", count, rt,
           all);
}

/* The rest of the family, star widths and precisions, positions, %n. */
static int via_v(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return r;
}

static int via_vf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vfprintf(stdout, fmt, ap);
    va_end(ap);
    return r;
}

static void family(void)
{
    long double third = 1.0L / 3, big_v = 0x1.fffffffffffffffep16383L;
    char buf[256], *s = NULL;
    int n1 = -1, n2 = -1;

    for (int w = -25; w <= 25; w += 10)
        for (int p = -2; p <= 22; p += 6) {
            snprintf(buf, sizeof buf, "[%-*.*Le] [%*.*Lf] [%*.*La]", w, p,
                     third, w, p, -third, w, p, third);
            printf("w=%d p=%d %s\n", w, p, buf);
        }
    int r =
        snprintf(buf, sizeof buf, "%2$Lf %1$d %3$.*4$Le %5$s %3$La %2$.3Lg%%",
                 7, 2.5L, third, 12, "str");
    printf("positional: %s (%d)\n", buf, r);
    r = snprintf(buf, sizeof buf, "%d %Lf%n %s %.3f %lld %Lg%hhn %c|", -4,
                 third, &n1, "x", 0.1, 1LL << 40, 1e-5L, &n2, 'z');
    printf("mixed: %s (%d) n=%d,%d\n", buf, r, n1, (int)(signed char)n2);
    r = snprintf(buf, 12, "%.30Lf", third);
    printf("truncated: %s (%d)\n", buf, r);
    r = snprintf(NULL, 0, "%LF", big_v);
    printf("snprintf(NULL, 0) of LDBL_MAX with %%LF: %d\n", r);
    r = sprintf(buf, "%.19Lg|%Ld|%Lu", third, -5LL, 6ULL);
    printf("sprintf: %s (%d)\n", buf, r);
    r = via_v(buf, sizeof buf, "%+.25Le %s", -third, "v");
    printf("vsnprintf: %s (%d)\n", buf, r);
    r = asprintf(&s, "%.50Lf", third);
    printf("asprintf: %s (%d)\n", s, r);
    free(s);
    fflush(stdout);
    r = dprintf(1, "dprintf: %.22Lg\n", third);
    r += fprintf(stdout, "fprintf: %.22Le\n", third);
    r += printf("printf: %.22La\n", third);
    r += via_vf("vfprintf: %.2Lf %d\n", 2.675L, 42);
    fflush(stdout);
    printf("counts %d\n", r);
    fprintf(stderr, "stderr %Lg\n", third); /* unbuffered */
    printf("LDBL_MAX %%Lf: %Lf\n", big_v);
    printf("LDBL_MAX %%.4950Le: %.4950Le\n", big_v);
    printf("true min %%.4950Le: %.4950Le\n", make(0, 1));
    printf("true min %%.16450Lf: %.16450Lf\n", make(0, 1));
    printf("doubles: %f %.17g %a %e\n", 1e300, 0.1, 1.0, 123.456);
}

static void scans(void)
{
    long double a = 0, b = 0, c = 0;
    int i = 0, n = -1;
    char w[16] = "";
    int r = sscanf("12 3.5 abc 1e4932 tail", "%d %Lf %15s %Lg%n", &i, &a, w, &b,
                   &n);
    printf("sscanf %d: %d %.20Lg %s %.20Lg %d\n", r, i, a, w, b, n);
    r = sscanf("0.1 7", "%2$Lf %1$d", &i, &a);
    printf("positional %d: %.25Lf %d\n", r, a, i);
    r = sscanf("123456789 -0x1.8p3 infinity -nan 1e+x", "%5Lf%*Lf %La %Le %Le",
               &a, &b, &c, &a);
    printf("widths %d: %Lg %Lg %Lg\n", r, a, b, c);
    r = sscanf("", "%Lf", &a);
    printf("empty %d\n", r);
    r = sscanf("x", "%Lf", &a);
    printf("no number %d\n", r);
    r = sscanf("  -0  ", "%Lf", &a);
    printf("minus zero %d %Lg\n", r, a);
    r = sscanf("4.9406564584124654e-4951 1.18973149535723176502e+4932",
               "%Lf %Lf", &a, &b);
    printf("extremes %d: %.21Lg %.21Lg\n", r, a, b);
    char text[] = "3.25 , 0x1p-16445 nan(12)";
    FILE *f = fmemopen(text, strlen(text), "r");
    if (f) {
        r = fscanf(f, "%Lf ,%La %Lg", &a, &b, &c);
        printf("fscanf %d: %Lg %La %Lg\n", r, a, b, c);
        fclose(f);
    }
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
                          1.0L,
                          -1.0L,
                          0.1L,
                          1.0L / 3,
                          2.0L / 3,
                          0.5L,
                          1.5L,
                          2.5L,
                          9.5L,
                          0.125L,
                          123456789.125L,
                          1e18L,
                          18446744073709551616.0L,
                          1e300L,
                          1e-300L,
                          1e-5L,
                          9.9999999999999999999e-5L,
                          999999.5L,
                          0.00009999995L,
                          LDBL_MAX,
                          -LDBL_MAX,
                          LDBL_MIN,
                          LDBL_EPSILON,
                          1e4932L,
                          make(0, 1),                          /* true min */
                          make(0x8000, 0x7fffffffffffffffULL), /* subnormal */
                          make(0, 0x8000000000000000ULL), /* pseudo-denormal */
                          make(0, 0xc000000000000001ULL), /* pseudo-denormal */
                          make(0x3fff, 0x4000000000000000ULL), /* unnormal */
                          make(0x7fff, 0x8000000000000000ULL), /* inf */
                          make(0xffff, 0x8000000000000000ULL), /* -inf */
                          make(0x7fff, 0xc000000000000000ULL), /* nan */
                          make(0xffff, 0xc000000000000000ULL), /* -nan */
                          make(0x7fff, 0x8000000000000001ULL), /* snan */
                          make(0x7fff, 0),                     /* pseudo-inf */
                          make(0x7fff, 0x4000000000000000ULL), /* pseudo-nan */
                          make(0x3ffe, 0xffffffffffffffffULL),
                          make(0x4000, 0xfffffffffffffff8ULL)};
    for (size_t i = 0; i < sizeof vals / sizeof *vals; i++)
        edge(vals[i]);
    family();
    scans();
    bulk();

    /* Arithmetic is the x87's: 1/41 - 1/41 parsed as long doubles. */
    long double a = strtold("0.024390243902439025", NULL);
    long double b = strtold("-0.024390243902439025", NULL);
    printf("sum of 1/41 and -1/41: ");
    bits(a + b);
    printf("\nldouble: done\n");
    return 0;
}
