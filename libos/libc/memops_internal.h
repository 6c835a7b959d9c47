/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* memops_internal.h: unaligned loads and stores for memops.c and strops.c. */
#ifndef INGOT_MEMOPS_INTERNAL_H
#define INGOT_MEMOPS_INTERNAL_H

#include <stdint.h>

/*
 * Vector and scalar types with alignment 1 and may_alias, so loads and
 * stores through them are plain (unaligned) moves the compiler may not
 * assume anything about: movdqu, movq, movl, movw.  ig_v16a is the same
 * vector at its natural alignment (movdqa).  SSE2 is part of x86_64, and
 * every platform enables SSE before the first C function runs.
 */
typedef long long ig_v16
    __attribute__((vector_size(16), aligned(1), may_alias));
typedef long long ig_v16a __attribute__((vector_size(16), may_alias));
typedef char ig_v16c __attribute__((vector_size(16)));
typedef uint64_t ig_u64u __attribute__((aligned(1), may_alias));
typedef uint32_t ig_u32u __attribute__((aligned(1), may_alias));
typedef uint16_t ig_u16u __attribute__((aligned(1), may_alias));

static inline ig_v16 ig_ld16(const void *p)
{
    return *(const ig_v16 *)p;
}
static inline void ig_st16(void *p, ig_v16 v)
{
    *(ig_v16 *)p = v;
}
static inline void ig_st16a(void *p, ig_v16 v)
{
    *(ig_v16a *)p = v;
}
static inline uint64_t ig_ld64(const void *p)
{
    return *(const ig_u64u *)p;
}
static inline void ig_st64(void *p, uint64_t v)
{
    *(ig_u64u *)p = v;
}
static inline uint32_t ig_ld32(const void *p)
{
    return *(const ig_u32u *)p;
}
static inline void ig_st32(void *p, uint32_t v)
{
    *(ig_u32u *)p = v;
}
static inline uint16_t ig_ld16b(const void *p)
{
    return *(const ig_u16u *)p;
}
static inline void ig_st16b(void *p, uint16_t v)
{
    *(ig_u16u *)p = v;
}

/* A bit per byte of (a) and (b), set where they are equal (pcmpeqb,
 * pmovmskb). */
static inline unsigned ig_eqmask(ig_v16 a, ig_v16 b)
{
    return (unsigned)__builtin_ia32_pmovmskb128(
        (ig_v16c)((ig_v16c)a == (ig_v16c)b));
}

/* A bit per byte of the 16 bytes at (p), which must be 16-byte aligned,
 * set where the byte is 0.  An aligned block never crosses a page, so the
 * bytes around a string may be read without a fault. */
static inline unsigned ig_zeromask_a(const void *p)
{
    ig_v16c v = (ig_v16c)(*(const ig_v16a *)p);
    return (unsigned)__builtin_ia32_pmovmskb128((ig_v16c)(v == (ig_v16c){0}));
}

#endif
