/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* heap.c: the heap break that newlib's malloc grows into. */
#include <ingot/mm.h>
#include <ingot/plat.h>

#include <errno.h>

#define IG_MM_MAX_REGIONS 32

static uintptr_t heap_start, heap_end, heap_brk;
static size_t total_ram;

int ig_mm_init(void)
{
    struct ig_plat_mem_region r[IG_MM_MAX_REGIONS];
    int n = ig_plat_mem_regions(r, IG_MM_MAX_REGIONS);

    if (n > IG_MM_MAX_REGIONS)
        n = IG_MM_MAX_REGIONS;
    /* malloc wants one contiguous break, so the largest region becomes the
     * heap.  The others stay free for page allocations (thread stacks,
     * device rings) once those exist. */
    int best = -1;
    for (int i = 0; i < n; i++) {
        total_ram += r[i].len;
        if (best < 0 || r[i].len > r[best].len)
            best = i;
    }
    if (best < 0 || r[best].len == 0)
        return -ENOMEM;
    heap_start = heap_brk = r[best].base;
    heap_end = r[best].base + r[best].len;
    return 0;
}

int ig_mm_sbrk(intptr_t incr, void **old)
{
    if (incr > 0 && (uintptr_t)incr > heap_end - heap_brk)
        return -ENOMEM;
    if (incr < 0 && (uintptr_t)-incr > heap_brk - heap_start)
        return -EINVAL;
    *old = (void *)heap_brk;
    heap_brk += incr;
    return 0;
}

void ig_mm_stats(struct ig_mm_stats *st)
{
    st->heap_size = heap_end - heap_start;
    st->heap_used = heap_brk - heap_start;
    st->total_ram = total_ram;
}

void ig_mm_heap_range(uintptr_t *start, uintptr_t *brk)
{
    *start = heap_start;
    *brk = heap_brk;
}
