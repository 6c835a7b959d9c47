/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* memops.c: memory and string routines at every alignment and size. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Sizes around every boundary the implementations switch at (8, 16, 32,
 * 64, 2048) and a large block. */
static const unsigned sizes[] = {
    0,   1,   2,   3,    4,    5,    7,    8,    9,    15,   16,  17,
    31,  32,  33,  47,   63,   64,   65,   95,   127,  128,  129, 255,
    256, 257, 511, 1000, 2047, 2048, 2049, 4096, 5000, 70001};
#define NSIZES (sizeof(sizes) / sizeof(sizes[0]))
#define PAD 64
#define BUFSZ (70001 + 3 * PAD)

static unsigned char *buf, *ref, *src;
static unsigned long failures, cases;

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(seed + i * 7 + (i >> 8) * 13);
}

/* The reference copies go through volatile bytes, so the compiler cannot
 * turn them into calls to the functions under test. */
static void ref_copy(volatile unsigned char *d, const unsigned char *s,
                     size_t n)
{
    for (size_t i = 0; i < n; i++)
        d[i] = s[i];
}

/* Compares buf with ref byte by byte (memcmp is tested on its own) over
 * the window every case writes in: the n bytes and the padding around. */
static void check(const char *what, size_t n, size_t a, size_t b)
{
    cases++;
    for (size_t i = 0; i < n + 3 * PAD; i++)
        if (buf[i] != ref[i]) {
            if (failures++ < 10)
                printf("%s: n=%zu align %zu/%zu: byte %zu differs\n", what, n,
                       a, b, i);
            return;
        }
}

static void test_copy(void)
{
    for (size_t k = 0; k < NSIZES; k++)
        for (size_t da = 0; da < 16; da++)
            for (size_t sa = 0; sa < 16; sa += (sizes[k] > 5000 ? 5 : 1)) {
                size_t n = sizes[k];
                fill(buf, n + 3 * PAD, 1);
                fill(ref, n + 3 * PAD, 1);
                fill(src, n + 3 * PAD, 99);
                memcpy(buf + PAD + da, src + sa, n);
                ref_copy(ref + PAD + da, src + sa, n);
                check("memcpy", n, da, sa);
            }
}

/* Overlapping moves both ways: dst = src + shift. */
static void test_move(void)
{
    static const long shifts[] = {-33, -17, -16, -15, -8, -1, 1,
                                  3,   8,   15,  16,  17, 31, 100};
    for (size_t k = 0; k < NSIZES; k++)
        for (size_t j = 0; j < sizeof(shifts) / sizeof(shifts[0]); j++)
            for (size_t a = 0; a < 16; a += (sizes[k] > 5000 ? 7 : 1)) {
                size_t n = sizes[k], s = 2 * PAD + a;
                size_t d = (size_t)((long)s + shifts[j]);
                if (n + s + PAD > BUFSZ || n + d + PAD > BUFSZ)
                    continue;
                fill(buf, n + 3 * PAD, 5);
                fill(ref, n + 3 * PAD, 5);
                memmove(buf + d, buf + s, n);
                unsigned char *tmp = malloc(n ? n : 1);
                ref_copy(tmp, ref + s, n);
                ref_copy(ref + d, tmp, n);
                free(tmp);
                check("memmove", n, d, s);
            }
}

static void test_set(void)
{
    for (size_t k = 0; k < NSIZES; k++)
        for (size_t a = 0; a < 16; a++) {
            size_t n = sizes[k];
            int c = (int)(0x1a5 + a * 17); /* only the low byte counts */
            fill(buf, n + 3 * PAD, 3);
            fill(ref, n + 3 * PAD, 3);
            memset(buf + PAD + a, c, n);
            volatile unsigned char *r = ref + PAD + a;
            for (size_t i = 0; i < n; i++)
                r[i] = (unsigned char)c;
            check("memset", n, a, 0);
        }
}

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

static void test_cmp(void)
{
    unsigned long sum = 0;
    for (size_t k = 0; k < NSIZES; k++)
        for (size_t a = 0; a < 16; a += (sizes[k] > 5000 ? 5 : 1)) {
            size_t n = sizes[k];
            fill(buf, n + 3 * PAD, 11);
            ref_copy(ref + a, buf + PAD, n);
            cases++;
            if (memcmp(buf + PAD, ref + a, n) != 0 && failures++ < 10)
                printf("memcmp: n=%zu align %zu: equal blocks differ\n", n, a);
            /* One byte changed at each of a few places: the sign must be
             * the byte's, whatever lies after it. */
            for (size_t at = 0; at < n; at += n / 5 + 1) {
                for (int delta = -1; delta <= 1; delta += 2) {
                    ref[a + at] = (unsigned char)(buf[PAD + at] + delta);
                    if (n > at + 1)
                        ref[a + n - 1] ^= 0x80; /* a later difference */
                    int want = buf[PAD + at] < ref[a + at] ? -1 : 1;
                    int got = sign(memcmp(buf + PAD, ref + a, n));
                    cases++;
                    if (got != want && failures++ < 10)
                        printf("memcmp: n=%zu align %zu at %zu: %d, not %d\n",
                               n, a, at, got, want);
                    sum = sum * 3 + (unsigned)(got + 1);
                    ref_copy(ref + a, buf + PAD, n);
                }
            }
        }
    printf("memcmp signs: %lu\n", sum % 1000003);
}

static void test_str(void)
{
    static const char *sets[] = {"",           "a",   " \t",
                                 "0123456789", ",;:", "\x80\xff\x01"};
    unsigned long sum = 0;
    for (size_t len = 0; len < 300; len += (len < 70 ? 1 : 37))
        for (size_t a = 0; a < 16; a++) {
            char *s = (char *)buf + PAD + a;
            for (size_t i = 0; i < len; i++)
                s[i] = (char)("ab c;1\t\x80z"[(i * 5 + a) % 9]);
            s[len] = 0;
            s[len + 1] = 'x'; /* beyond the end: never counted */
            size_t want = 0;
            while (s[want])
                want++;
            cases++;
            if (strlen(s) != want && failures++ < 10)
                printf("strlen: len %zu align %zu: %zu\n", len, a, strlen(s));
            for (size_t j = 0; j < sizeof(sets) / sizeof(sets[0]); j++) {
                size_t sp = strspn(s, sets[j]), cs = strcspn(s, sets[j]);
                char *pb = strpbrk(s, sets[j]);
                size_t rsp = 0, rcs = 0;
                while (s[rsp] && strchr(sets[j], s[rsp]))
                    rsp++;
                while (s[rcs] && !(sets[j][0] && strchr(sets[j], s[rcs])))
                    rcs++;
                cases++;
                if ((sp != rsp || cs != rcs ||
                     pb != (s[rcs] ? s + rcs : NULL)) &&
                    failures++ < 10)
                    printf("span: len %zu align %zu set %zu: %zu %zu\n", len, a,
                           j, sp, cs);
                sum = sum * 31 + sp * 7 + cs;
            }
        }
    printf("spans: %lu\n", sum % 1000003);
}

int main(void)
{
    buf = malloc(BUFSZ);
    ref = malloc(BUFSZ);
    src = malloc(BUFSZ);
    if (!buf || !ref || !src)
        return 1;
    test_copy();
    printf("memcpy: done\n");
    test_move();
    printf("memmove: done\n");
    test_set();
    printf("memset: done\n");
    test_cmp();
    printf("memcmp: done\n");
    test_str();
    printf("strings: done\n");
    if (failures) {
        printf("memops: %lu failures\n", failures);
        return 1;
    }
    fprintf(stderr, "memops: %lu cases\n", cases);
    printf("memops: all identical to byte loops\n");
    return 0;
}
