/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* strops.c: strlen, strspn, strcspn and strpbrk for x86_64 (SSE2). */
#include "memops_internal.h"

#include <string.h>

/*
 * newlib's strlen tests a word at a time only once aligned, and its
 * strspn, strcspn and strpbrk compare every byte of the string with every
 * byte of the set (length times set size).  strlen here tests 16 aligned
 * bytes per step; strcspn with a set of up to four bytes (SQLite's LIKE
 * looks for "Xx" at every step) does the same with one comparison per set
 * byte; larger sets build a 256-bit table of the set once and look each
 * byte up.
 */

size_t strlen(const char *s)
{
    uintptr_t a = (uintptr_t)s & ~(uintptr_t)15;
    /* The bits of the bytes before s are shifted out. */
    unsigned m = ig_zeromask_a((const void *)a) >> ((uintptr_t)s & 15);

    if (m)
        return (size_t)__builtin_ctz(m);
    for (;;) {
        a += 16;
        m = ig_zeromask_a((const void *)a);
        if (m)
            return a + (unsigned)__builtin_ctz(m) - (uintptr_t)s;
    }
}

struct byteset {
    uint64_t w[4];
};

static inline void set_add(struct byteset *t, unsigned char c)
{
    t->w[c >> 6] |= 1ull << (c & 63);
}

static inline int set_has(const struct byteset *t, unsigned char c)
{
    return (int)(t->w[c >> 6] >> (c & 63)) & 1;
}

size_t strspn(const char *s, const char *accept)
{
    struct byteset t = {{0}};
    const unsigned char *p = (const unsigned char *)s;

    for (const unsigned char *a = (const unsigned char *)accept; *a; a++)
        set_add(&t, *a);
    /* The terminating 0 is never in the set, so it ends the span. */
    while (set_has(&t, *p))
        p++;
    return (size_t)(p - (const unsigned char *)s);
}

/* A bit per byte of the aligned 16 bytes at (a), set where the byte is 0
 * or one of the bytes of (c). */
static inline unsigned stop_mask(uintptr_t a, const ig_v16c c[4])
{
    ig_v16c v = (ig_v16c)(*(const ig_v16a *)a);
    ig_v16c hit = (v == (ig_v16c){0}) | (v == c[0]) | (v == c[1]) |
                  (v == c[2]) | (v == c[3]);
    return (unsigned)__builtin_ia32_pmovmskb128(hit);
}

/* strcspn for a set of (n) bytes, 1 to 4, 16 aligned bytes per step (the
 * set is padded with its first byte). */
static size_t cspn_small(const char *s, const unsigned char *set, size_t n)
{
    ig_v16c c[4];
    for (size_t i = 0; i < 4; i++)
        c[i] = (ig_v16c){0} + (char)set[i < n ? i : 0];
    uintptr_t a = (uintptr_t)s & ~(uintptr_t)15;
    unsigned m = stop_mask(a, c) >> ((uintptr_t)s & 15);

    if (m)
        return (size_t)__builtin_ctz(m);
    for (;;) {
        a += 16;
        m = stop_mask(a, c);
        if (m)
            return a + (unsigned)__builtin_ctz(m) - (uintptr_t)s;
    }
}

size_t strcspn(const char *s, const char *reject)
{
    struct byteset t = {{0}};
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;

    while (n < 5 && reject[n])
        n++;
    if (n == 0)
        return strlen(s);
    if (n < 5)
        return cspn_small(s, (const unsigned char *)reject, n);
    set_add(&t, 0); /* the end of s ends the span too */
    for (const unsigned char *r = (const unsigned char *)reject; *r; r++)
        set_add(&t, *r);
    while (!set_has(&t, *p))
        p++;
    return (size_t)(p - (const unsigned char *)s);
}

char *strpbrk(const char *s, const char *accept)
{
    s += strcspn(s, accept);
    return *s ? (char *)s : NULL;
}
