/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* protect.c: page protections through the platform (mprotect). */
#include <ingot/mm.h>
#include <ingot/plat.h>

#include "mm_internal.h"

#define RW (IG_PLAT_PROT_READ | IG_PLAT_PROT_WRITE)

static int unprotect(uintptr_t base, size_t len)
{
    if (!ig_mm_pages_any_marked(ig_mm_page_map(), base, len))
        return 0;
    return ig_mm_protect(base, len, RW);
}

/* Only images that protect pages link this file, and the platform's
 * page-table code with it; the hook lets ig_mm_unmap() undo protections
 * without pulling either into the rest. */
int ig_mm_protect(uintptr_t base, size_t len, int prot)
{
    int r;

    ig_mm_unprotect_hook = unprotect;
    if (len == 0)
        return 0;
    r = ig_plat_mem_protect(base, len, (unsigned)prot);
    if (r == 0)
        ig_mm_pages_mark(ig_mm_page_map(), base, len, prot != RW);
    return r;
}
