/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mm_internal.h: the page map behind the heap and mmap, free of the platform.
 */
#ifndef INGOT_MM_INTERNAL_H
#define INGOT_MM_INTERNAL_H

/*
 * One bit per 4 KiB page of the span [lo, lo + npages * 4096) that holds
 * every region the platform reported: (used) says the page is taken (by the
 * heap, a mapping, the map itself) or is no RAM at all; (prot) says a
 * mapping gave it a protection other than read/write, which must be undone
 * before the page serves anyone else.  setup() marks everything used;
 * release() then frees the regions.  Callers pass page-aligned addresses
 * and page multiples inside the span (IG_ASSERT'd in the library OS).
 */

#include <stddef.h>
#include <stdint.h>

#define IG_MM_PAGE 4096ul

struct ig_mm_pages {
    uintptr_t lo;
    size_t npages;
    uint64_t *used, *prot;
    size_t nfree;
};

/* Bytes of map that setup() needs for the span [lo, hi). */
size_t ig_mm_pages_meta_size(uintptr_t lo, uintptr_t hi);

/* Covers [lo, hi) (page-aligned) with the map at (meta), of
 * ig_mm_pages_meta_size() bytes: every page used, none protected. */
void ig_mm_pages_setup(struct ig_mm_pages *p, uintptr_t lo, uintptr_t hi,
                       uint64_t *meta);

/* Marks the (len) bytes at (base) free. */
void ig_mm_pages_release(struct ig_mm_pages *p, uintptr_t base, size_t len);

/* Takes (len) bytes (a page multiple, > 0): the highest free run of that
 * size, so the heap, which grows up from the bottom of its region, keeps
 * its room longest.  Stores its address in (*out); returns 0, or -ENOMEM
 * when no run is long enough. */
int ig_mm_pages_find(struct ig_mm_pages *p, size_t len, uintptr_t *out);

/* Takes exactly [base, base + len) if every page of it is free.  Returns
 * 0, or -ENOMEM when a page is in use, no RAM or outside the span. */
int ig_mm_pages_take(struct ig_mm_pages *p, uintptr_t base, size_t len);

/* Whether every page of [base, base + len) is used. */
int ig_mm_pages_all_used(const struct ig_mm_pages *p, uintptr_t base,
                         size_t len);

/* Sets (on 1) or clears the protected mark of the pages of [base, base +
 * len); any() says whether one of them has it. */
void ig_mm_pages_mark(struct ig_mm_pages *p, uintptr_t base, size_t len,
                      int on);
int ig_mm_pages_any_marked(const struct ig_mm_pages *p, uintptr_t base,
                           size_t len);

/* heap.c: the library OS's one map; protect.c sets the hook that makes
 * the protected pages among those given back read/write again. */
struct ig_mm_pages *ig_mm_page_map(void);
extern int (*ig_mm_unprotect_hook)(uintptr_t base, size_t len);

#endif /* INGOT_MM_INTERNAL_H */
