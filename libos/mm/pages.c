/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* pages.c: the page map: which pages are taken, which are protected. */
#include <errno.h>

#include "mm_internal.h"

#define ALL ~0ull

static size_t words(size_t npages)
{
    return (npages + 63) / 64;
}

size_t ig_mm_pages_meta_size(uintptr_t lo, uintptr_t hi)
{
    return 2 * words((hi - lo) / IG_MM_PAGE) * sizeof(uint64_t);
}

/* Sets (on) or clears bits [first, first + n) of (bm), a word at a time
 * where it can: a 200 MiB mapping is 51,200 bits. */
__attribute__((noinline)) static void set_bits(uint64_t *bm, size_t first,
                                               size_t n, int on)
{
    while (n > 0) {
        size_t bit = first & 63, k = 64 - bit < n ? 64 - bit : n;
        uint64_t m = (k == 64 ? ALL : ((1ull << k) - 1)) << bit;
        if (on)
            bm[first / 64] |= m;
        else
            bm[first / 64] &= ~m;
        first += k;
        n -= k;
    }
}

/* Whether any bit of [first, first + n) of (bm) is set. */
__attribute__((noinline)) static int any_bit(const uint64_t *bm, size_t first,
                                             size_t n)
{
    while (n > 0) {
        size_t bit = first & 63, k = 64 - bit < n ? 64 - bit : n;
        uint64_t m = (k == 64 ? ALL : ((1ull << k) - 1)) << bit;
        if (bm[first / 64] & m)
            return 1;
        first += k;
        n -= k;
    }
    return 0;
}

void ig_mm_pages_setup(struct ig_mm_pages *p, uintptr_t lo, uintptr_t hi,
                       uint64_t *meta)
{
    size_t nw = words((hi - lo) / IG_MM_PAGE);

    p->lo = lo;
    p->npages = (hi - lo) / IG_MM_PAGE;
    p->used = meta;
    p->prot = meta + nw;
    p->nfree = 0;
    for (size_t i = 0; i < nw; i++) {
        p->used[i] = ALL; /* the bits past npages stay set for good */
        p->prot[i] = 0;
    }
}

void ig_mm_pages_release(struct ig_mm_pages *p, uintptr_t base, size_t len)
{
    size_t first = (base - p->lo) / IG_MM_PAGE, n = len / IG_MM_PAGE;

    set_bits(p->used, first, n, 0);
    p->nfree += n;
}

int ig_mm_pages_find(struct ig_mm_pages *p, size_t len, uintptr_t *out)
{
    size_t n = len / IG_MM_PAGE, run = 0, i = p->npages;

    if (n == 0 || n > p->nfree)
        return -ENOMEM;
    /* Down from the top; (run) free pages start at page i. */
    while (i > 0) {
        uint64_t w = p->used[(i - 1) / 64];
        if ((i & 63) == 0 && (w == 0 || w == ALL)) {
            run = w ? 0 : run + 64;
            i -= 64;
        } else {
            run = (w >> ((i - 1) & 63)) & 1 ? 0 : run + 1;
            i--;
        }
        if (run >= n) {
            size_t first = i + run - n;
            set_bits(p->used, first, n, 1);
            p->nfree -= n;
            *out = p->lo + first * IG_MM_PAGE;
            return 0;
        }
    }
    return -ENOMEM;
}

int ig_mm_pages_take(struct ig_mm_pages *p, uintptr_t base, size_t len)
{
    size_t first = (base - p->lo) / IG_MM_PAGE, n = len / IG_MM_PAGE;

    if (base < p->lo || first > p->npages || n > p->npages - first ||
        any_bit(p->used, first, n))
        return -ENOMEM;
    set_bits(p->used, first, n, 1);
    p->nfree -= n;
    return 0;
}

int ig_mm_pages_all_used(const struct ig_mm_pages *p, uintptr_t base,
                         size_t len)
{
    size_t first = (base - p->lo) / IG_MM_PAGE, n = len / IG_MM_PAGE;

    for (size_t i = first; i < first + n; i++)
        if (!((p->used[i / 64] >> (i & 63)) & 1))
            return 0;
    return 1;
}

void ig_mm_pages_mark(struct ig_mm_pages *p, uintptr_t base, size_t len, int on)
{
    set_bits(p->prot, (base - p->lo) / IG_MM_PAGE, len / IG_MM_PAGE, on);
}

int ig_mm_pages_any_marked(const struct ig_mm_pages *p, uintptr_t base,
                           size_t len)
{
    return any_bit(p->prot, (base - p->lo) / IG_MM_PAGE, len / IG_MM_PAGE);
}
