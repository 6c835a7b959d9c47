/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* heap.c: the page map over the platform's RAM, malloc's break and pages. */
#include <ingot/mm.h>
#include <ingot/plat.h>

#include <errno.h>
#include <string.h>

#include "mm_internal.h"

#define IG_MM_MAX_REGIONS 32

static struct ig_mm_pages pages;
static uintptr_t heap_start, heap_top, heap_brk; /* heap_top: page-aligned */
static size_t total_ram, max_used;
int (*ig_mm_unprotect_hook)(uintptr_t base, size_t len);

static uintptr_t page_up(uintptr_t a)
{
    return (a + IG_MM_PAGE - 1) & ~(IG_MM_PAGE - 1);
}

/*
 * malloc wants one contiguous break, so the heap starts at the bottom of
 * the largest region and grows up; mappings are taken from the top of the
 * free space down (pages.c), so both share the RAM until they meet.  The
 * page map itself takes the top pages of the largest region.
 */
int ig_mm_init(void)
{
    struct ig_plat_mem_region r[IG_MM_MAX_REGIONS];
    int n = ig_plat_mem_regions(r, IG_MM_MAX_REGIONS);
    uintptr_t lo = UINTPTR_MAX, hi = 0;
    int best = -1;

    if (n > IG_MM_MAX_REGIONS)
        n = IG_MM_MAX_REGIONS;
    for (int i = 0; i < n; i++) {
        if (r[i].len == 0)
            continue;
        total_ram += r[i].len;
        lo = r[i].base < lo ? r[i].base : lo;
        hi = r[i].base + r[i].len > hi ? r[i].base + r[i].len : hi;
        if (best < 0 || r[i].len > r[best].len)
            best = i;
    }
    if (best < 0)
        return -ENOMEM;
    size_t meta = page_up(ig_mm_pages_meta_size(lo, hi));
    if (meta >= r[best].len)
        return -ENOMEM;
    r[best].len -= meta;
    ig_mm_pages_setup(&pages, lo, hi, (uint64_t *)(r[best].base + r[best].len));
    for (int i = 0; i < n; i++)
        if (r[i].len)
            ig_mm_pages_release(&pages, r[i].base, r[i].len);
    heap_start = heap_top = heap_brk = r[best].base;
    return 0;
}

static void note_use(void)
{
    size_t used = total_ram - pages.nfree * IG_MM_PAGE;

    if (used > max_used)
        max_used = used;
}

int ig_mm_sbrk(intptr_t incr, void **old)
{
    uintptr_t want = heap_brk + (uintptr_t)incr;

    if (incr > 0) {
        if ((uintptr_t)incr > UINTPTR_MAX - IG_MM_PAGE - heap_brk)
            return -ENOMEM;
        if (page_up(want) > heap_top) {
            if (ig_mm_pages_take(&pages, heap_top, page_up(want) - heap_top))
                return -ENOMEM;
            heap_top = page_up(want);
            note_use();
        }
    } else if (incr < 0) {
        if ((uintptr_t)-incr > heap_brk - heap_start)
            return -EINVAL;
        ig_mm_unmap(page_up(want), heap_top - page_up(want));
        heap_top = page_up(want);
    }
    *old = (void *)heap_brk;
    heap_brk = want;
    return 0;
}

int ig_mm_map(size_t len, uintptr_t *out)
{
    int r = ig_mm_pages_find(&pages, len, out);

    if (r == 0)
        note_use();
    return r;
}

int ig_mm_map_at(uintptr_t base, size_t len)
{
    int r = ig_mm_pages_take(&pages, base, len);

    if (r == 0)
        note_use();
    return r;
}

void ig_mm_unmap(uintptr_t base, size_t len)
{
    if (len == 0)
        return;
    /* A page a mapping made read-only must be writable again before the
     * next user gets it; the hook exists once anything was protected. */
    if (ig_mm_unprotect_hook && ig_mm_unprotect_hook(base, len) < 0)
        return; /* kept in use: no one may get a page still protected */
    ig_mm_pages_release(&pages, base, len);
}

int ig_mm_heap_contains(uintptr_t base, size_t len)
{
    return base >= heap_start && base <= heap_top && len <= heap_top - base;
}

int ig_mm_usable(uintptr_t base, size_t len)
{
    uintptr_t first = base & ~(IG_MM_PAGE - 1), end = page_up(base + len);

    if (first < pages.lo || end < first ||
        (end - pages.lo) / IG_MM_PAGE > pages.npages)
        return 0;
    /* In use (heap or mapped) and read/write: free pages may be taken by
     * anyone, and other bits are RAM the page map does not have. */
    return ig_mm_pages_all_used(&pages, first, end - first) &&
           !ig_mm_pages_any_marked(&pages, first, end - first);
}

struct ig_mm_pages *ig_mm_page_map(void)
{
    return &pages;
}

void *ig_libos_page_alloc(void)
{
    uintptr_t p;

    if (ig_mm_map(IG_MM_PAGE, &p) < 0)
        return NULL;
    memset((void *)p, 0, IG_MM_PAGE);
    return (void *)p;
}

void ig_mm_stats(struct ig_mm_stats *st)
{
    st->total_ram = total_ram;
    st->free_ram = pages.nfree * IG_MM_PAGE;
    st->max_used = max_used;
    st->heap_used = heap_brk - heap_start;
}

void ig_mm_heap_range(uintptr_t *start, uintptr_t *brk)
{
    *start = heap_start;
    *brk = heap_brk;
}
