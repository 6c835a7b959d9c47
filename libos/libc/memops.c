/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* memops.c: memcpy, memmove, memset and memcmp for x86_64 (SSE2). */
#include "memops_internal.h"

#include <string.h>

/*
 * newlib's versions are generic C (memmove, memcmp) or copy 8 bytes at a
 * time after aligning byte by byte (memcpy.S), and memmove falls back to
 * single bytes whenever the two pointers are differently aligned: SQLite,
 * which shifts cells inside its pages with unaligned memmove calls, spent
 * 15% of its time there (docs/benchmarks.md).  These use what every
 * x86_64 CPU has: unaligned 16-byte SSE2 loads and stores, overlapping
 * first and last blocks instead of byte loops, and `rep movsb`/`rep stosb`
 * for large blocks (fast strings on every CPU since Ivy Bridge and Zen).
 *
 * All loads of a block happen before its stores, so the same paths serve
 * memmove whenever the copy runs in the safe direction.  This file is
 * compiled with -fno-tree-loop-distribute-patterns: GCC must not turn its
 * loops back into calls to memcpy and memset.
 */

/* Blocks of at least this size go to the CPU's string instructions. */
#define IG_REP_MIN 2048

/* Copies (n) <= 64 bytes: every load before any store, so overlap is
 * harmless in either direction. */
static inline void copy_upto64(unsigned char *d, const unsigned char *s,
                               size_t n)
{
    if (n > 32) {
        ig_v16 a = ig_ld16(s), b = ig_ld16(s + 16);
        ig_v16 c = ig_ld16(s + n - 32), e = ig_ld16(s + n - 16);
        ig_st16(d, a);
        ig_st16(d + 16, b);
        ig_st16(d + n - 32, c);
        ig_st16(d + n - 16, e);
    } else if (n >= 16) {
        ig_v16 a = ig_ld16(s), b = ig_ld16(s + n - 16);
        ig_st16(d, a);
        ig_st16(d + n - 16, b);
    } else if (n >= 8) {
        uint64_t a = ig_ld64(s), b = ig_ld64(s + n - 8);
        ig_st64(d, a);
        ig_st64(d + n - 8, b);
    } else if (n >= 4) {
        uint32_t a = ig_ld32(s), b = ig_ld32(s + n - 4);
        ig_st32(d, a);
        ig_st32(d + n - 4, b);
    } else if (n >= 2) {
        uint16_t a = ig_ld16b(s), b = ig_ld16b(s + n - 2);
        ig_st16b(d, a);
        ig_st16b(d + n - 2, b);
    } else if (n == 1) {
        *d = *s;
    }
}

/* Copies (n) > 64 bytes from low addresses to high: correct for memmove
 * when (d) is below (s).  The first and last 16 bytes are loaded first and
 * stored last; the middle goes in 16-byte blocks aligned on (d). */
static void copy_fwd(unsigned char *d, const unsigned char *s, size_t n)
{
    if (n >= IG_REP_MIN) {
        /* Defined byte by byte from low to high, so overlap with d < s is
         * fine. */
        __asm__ volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
        return;
    }
    ig_v16 head = ig_ld16(s), tail = ig_ld16(s + n - 16);
    unsigned char *end = d + n - 16;
    size_t skip = 16 - ((uintptr_t)d & 15);
    unsigned char *p = d + skip;
    const unsigned char *q = s + skip;
    /* Aligned blocks from p until one reaches end; tail covers the rest. */
    for (; p + 16 < end; p += 32, q += 32) {
        ig_v16 a = ig_ld16(q), b = ig_ld16(q + 16);
        ig_st16a(p, a);
        ig_st16a(p + 16, b);
    }
    if (p < end)
        ig_st16a(p, ig_ld16(q));
    ig_st16(end, tail);
    ig_st16(d, head);
}

/* Copies (n) > 64 bytes from high addresses to low: memmove when (d) is
 * above (s) and the two overlap. */
static void copy_bwd(unsigned char *d, const unsigned char *s, size_t n)
{
    ig_v16 head = ig_ld16(s), tail = ig_ld16(s + n - 16);
    unsigned char *p =
        (unsigned char *)((uintptr_t)(d + n - 16) & ~(uintptr_t)15);
    const unsigned char *q = s + (p - d);
    /* Aligned blocks down from p until one starts at or below d + 16; head
     * covers the first 16 bytes. */
    for (; p > d + 16; p -= 32, q -= 32) {
        ig_v16 a = ig_ld16(q), b = ig_ld16(q - 16);
        ig_st16a(p, a);
        ig_st16a(p - 16, b);
    }
    if (p > d)
        ig_st16a(p, ig_ld16(q));
    ig_st16(d, head);
    ig_st16(d + n - 16, tail);
}

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
    if (n <= 64)
        copy_upto64(dst, src, n);
    else
        copy_fwd(dst, src, n);
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    if (n <= 64)
        copy_upto64(dst, src, n);
    else if ((uintptr_t)dst - (uintptr_t)src >= n)
        copy_fwd(dst, src, n); /* dst below src, or no overlap */
    else if (dst != src)
        copy_bwd(dst, src, n);
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    uint64_t b8 = 0x0101010101010101ull * (unsigned char)c;

    if (n <= 16) {
        if (n >= 8) {
            ig_st64(d, b8);
            ig_st64(d + n - 8, b8);
        } else if (n >= 4) {
            ig_st32(d, (uint32_t)b8);
            ig_st32(d + n - 4, (uint32_t)b8);
        } else if (n >= 2) {
            ig_st16b(d, (uint16_t)b8);
            ig_st16b(d + n - 2, (uint16_t)b8);
        } else if (n == 1) {
            *d = (unsigned char)c;
        }
        return dst;
    }
    if (n >= IG_REP_MIN) {
        __asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
        return dst;
    }
    ig_v16 v = (ig_v16){(long long)b8, (long long)b8};
    unsigned char *end = d + n - 16;
    ig_st16(d, v);
    for (unsigned char *p =
             (unsigned char *)(((uintptr_t)d + 16) & ~(uintptr_t)15);
         p < end; p += 16)
        ig_st16a(p, v);
    ig_st16(end, v);
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;

    if (n >= 16) {
        size_t i = 0;
        for (;;) {
            unsigned m = ig_eqmask(ig_ld16(p + i), ig_ld16(q + i));
            if (m != 0xffff) {
                i += (unsigned)__builtin_ctz(~m);
                return p[i] - q[i];
            }
            i += 16;
            if (i >= n)
                return 0;
            if (n - i < 16)
                i = n - 16; /* the last block overlaps the one before */
        }
    }
    if (n >= 8) {
        uint64_t x = ig_ld64(p), y = ig_ld64(q);
        if (x == y) {
            x = ig_ld64(p + n - 8);
            y = ig_ld64(q + n - 8);
        }
        if (x == y)
            return 0;
        /* The first differing byte decides: compare big-endian. */
        return __builtin_bswap64(x) < __builtin_bswap64(y) ? -1 : 1;
    }
    if (n >= 4) {
        uint32_t x = ig_ld32(p), y = ig_ld32(q);
        if (x == y) {
            x = ig_ld32(p + n - 4);
            y = ig_ld32(q + n - 4);
        }
        if (x == y)
            return 0;
        return __builtin_bswap32(x) < __builtin_bswap32(y) ? -1 : 1;
    }
    for (size_t i = 0; i < n; i++)
        if (p[i] != q[i])
            return p[i] - q[i];
    return 0;
}
