/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_ldfmt.c: host unit test of the exact long double conversions
 * (ldfmt.c) against the host's glibc printf, flag by flag. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ldfmt.h"
#include "unit.h"

static unsigned long long rng = 0x2545f4914f6cdd1dULL;
static unsigned long long rnd(void)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return rng * 2685821657736338717ULL;
}

static long double make(unsigned se, unsigned long long m)
{
    long double v = 0;
    memcpy(&v, &m, 8);
    memcpy((char *)&v + 8, &se, 2);
    return v;
}

static char want[40000];
static long compared;

/* ig_libc_ldfmt agrees with glibc for one conversion. */
static void same(long double v, unsigned flags, int width, int prec, char conv)
{
    char fmt[32], *p = fmt, *got = NULL;
    *p++ = '%';
    if (flags & IG_LD_MINUS)
        *p++ = '-';
    if (flags & IG_LD_PLUS)
        *p++ = '+';
    if (flags & IG_LD_SPACE)
        *p++ = ' ';
    if (flags & IG_LD_HASH)
        *p++ = '#';
    if (flags & IG_LD_ZERO)
        *p++ = '0';
    if (width)
        p += sprintf(p, "%d", width);
    if (prec >= 0)
        p += sprintf(p, ".%d", prec);
    sprintf(p, "L%c", conv);
    int wn = snprintf(want, sizeof want, fmt, v);
    int n = ig_libc_ldfmt(&got, v, flags, width, prec, conv);
    compared++;
    if (n != wn || !got || strcmp(got, want) != 0) {
        unsigned short se;
        unsigned long long m;
        memcpy(&m, &v, 8);
        memcpy(&se, (char *)&v + 8, 2);
        if (unit_failures < 60)
            fprintf(stderr,
                    "%04x:%016llx %s: got \"%.200s\" (%d), glibc \"%.200s\" "
                    "(%d)\n",
                    se, m, fmt, got ? got : "(null)", n, want, wn);
        unit_failures++;
    }
    free(got);
}

static const int precs[] = {-1, 0, 1, 2, 3, 5, 17, 18, 20, 25, 40, 60};
static const int widths[] = {0, 1, 8, 12, 30};

static void random_specs(long double v, int count, const char *convs)
{
    size_t nc = strlen(convs);
    for (int i = 0; i < count; i++) {
        unsigned long long r = rnd();
        same(v, (unsigned)(r & 31), widths[(r >> 5) % 5], precs[(r >> 10) % 12],
             convs[(r >> 20) % nc]);
    }
}

int main(void)
{
    long double edges[] = {0.0L,
                           -0.0L,
                           1.0L,
                           0.5L,
                           1.5L,
                           2.5L,
                           9.5L,
                           0.1L,
                           1.0L / 3,
                           999999.5L,
                           9.9999995e-5L,
                           0x1.fffffffffffffffep16383L,
                           0x1p-16382L,
                           make(0, 1),
                           make(0, 0x7fffffffffffffffULL),
                           make(0, 0x8000000000000000ULL),
                           make(0x8000, 0xc000000000000001ULL),
                           make(0x3fff, 0x4000000000000000ULL),
                           make(0x7fff, 0x8000000000000000ULL),
                           make(0xffff, 0xc000000000000000ULL),
                           make(0x7fff, 0),
                           make(0x7fff, 1),
                           make(0x3ffe, 0xffffffffffffffffULL),
                           make(0x3fff, 0xfffffffffffffff8ULL)};
    for (size_t i = 0; i < sizeof(edges) / sizeof(edges[0]); i++)
        for (const char *c = "aAeEfFgG"; *c; c++)
            for (unsigned f = 0; f < 32; f++)
                for (size_t p = 0; p < sizeof(precs) / sizeof(precs[0]); p++)
                    same(edges[i], f, widths[p % 5], precs[p], *c);
    same(edges[11], 0, 0, 4950, 'e');
    same(edges[13], 0, 0, 16450, 'f');
    same(edges[11], 0, 0, -1, 'f');
    for (int i = 0; i < 6000; i++) {
        unsigned long long m = rnd() | 1ULL << 63, r = rnd();
        unsigned se = (unsigned)(16383 - 1200 + (long)(r % 2400));
        se |= (unsigned)((r >> 20) & 1) << 15;
        random_specs(make(se, m), 24, "aAeEfFgG");
    }
    for (int i = 0; i < 600; i++) {
        unsigned long long m = rnd(), r = rnd();
        unsigned se = (unsigned)(r & 0xffff);
        if (i % 10 == 0)
            se &= 0x8000, m >>= r % 64;
        else if (i % 10 != 1)
            m |= 1ULL << 63;
        random_specs(make(se, m), 6, "aAeEgG");
        random_specs(make(se, m), 1, "fF");
    }
    printf("compared %ld conversions with glibc\n", compared);
    return unit_done();
}
