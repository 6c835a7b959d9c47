/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* memory.c: the guest's memory region and the mprotect calls it may make. */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>

#include "tender.h"

/*
 * The guest gives its own pages protections (mprotect(2): guard pages,
 * read-only or PROT_NONE mappings, libos/mm).  The filter lets it do so
 * only inside its memory region and never with PROT_EXEC: no page the
 * guest can write ever becomes executable, the tender's own read-only
 * pages (faults.c) stay read-only, and the image's text stays as loaded.
 *
 * A seccomp filter compares each argument on its own, and libseccomp
 * takes one comparison per argument and rule, so "addr + len <= end"
 * cannot be said directly.  The region is cut into at most 64 slices of
 * (slice) bytes, a power of two the region is aligned to: one rule per
 * slice pins the address's slice (a masked compare) and bounds the
 * length by what lies between that slice's start and the region's end.
 * A call starting late in a slice may thus reach up to (slice) bytes past
 * the end: that much stays reserved there, PROT_NONE and never used, so
 * such a call changes at most pages nobody has.
 */
#define SLICES 64

static uint64_t slice_of(uint64_t len)
{
    uint64_t s = IG_TENDER_PAGE;

    while (s * SLICES < len)
        s <<= 1;
    return s;
}

void *ig_tender_mem_map(uint64_t len)
{
    uint64_t s = slice_of(len);
    char *p = mmap(NULL, len + 2 * s, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

    if (p == MAP_FAILED)
        return NULL;
    uint64_t lo = (uint64_t)(uintptr_t)p;
    uint64_t base = (lo + s - 1) & ~(s - 1);
    if (base > lo)
        munmap(p, base - lo);
    if (lo + len + 2 * s > base + len + s)
        munmap((char *)(uintptr_t)(base + len + s),
               lo + len + 2 * s - (base + len + s));
    if (mprotect((void *)(uintptr_t)base, len, PROT_READ | PROT_WRITE) < 0)
        return NULL;
    return (void *)(uintptr_t)base;
}

int ig_tender_mem_allow(scmp_filter_ctx ctx, uint64_t base, uint64_t len)
{
    uint64_t s = slice_of(len);

    for (uint64_t at = base; at < base + len; at += s) {
        const struct ig_tender_rule rule = {
            "mprotect(guest memory, no PROT_EXEC)",
            SCMP_SYS(mprotect),
            3,
            {{0, SCMP_CMP_MASKED_EQ, ~(s - 1), at},
             {1, SCMP_CMP_LE, base + len - at, 0},
             {2, SCMP_CMP_MASKED_EQ, PROT_EXEC, 0}}};
        if (ig_tender_allow(ctx, &rule, 1) < 0)
            return -1;
    }
    return 0;
}
