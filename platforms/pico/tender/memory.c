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
 * A seccomp filter compares each argument on its own, so "addr + len <=
 * end" cannot be said directly.  One rule says it loosely: the address
 * lies in the (slice) bytes from the region's base, a power of two at
 * least the region's length that the base is aligned to (a masked
 * compare), and the length is at most the region's.  A call may thus
 * reach up to (slice) bytes past the end, and what lies there is ours: a
 * reserve mapped MAP_SHARED from a file opened read-only (the image), so
 * such a call can make it readable (the image's own bytes, SIGBUS past
 * its end) but never writable (EACCES: the mapping may not write) and
 * never executable (the filter).  The guest gains no memory by it.
 *
 * This replaced one rule per 1/64 of the region (an anonymous reserve of
 * 1/64 stayed PROT_NONE, which the guest could have made its own): with
 * 64 rules of three 64-bit comparisons each, libseccomp took ~2.7 ms of
 * CPU to build the 693-instruction filter at every start, more than a
 * whole native process; the one rule builds in microseconds.
 */
static uint64_t slice_of(uint64_t len)
{
    uint64_t s = IG_TENDER_PAGE;

    while (s < len)
        s <<= 1;
    return s;
}

void *ig_tender_mem_map(uint64_t len, int reserve_fd)
{
    uint64_t s = slice_of(len);
    /* base, aligned to s, then the region and s bytes of reserve */
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
    if (mmap((void *)(uintptr_t)(base + len), s, PROT_NONE,
             MAP_SHARED | MAP_FIXED, reserve_fd, 0) == MAP_FAILED ||
        mprotect((void *)(uintptr_t)base, len, PROT_READ | PROT_WRITE) < 0)
        return NULL;
    return (void *)(uintptr_t)base;
}

int ig_tender_mem_allow(scmp_filter_ctx ctx, uint64_t base, uint64_t len)
{
    const struct ig_tender_rule rule = {
        "mprotect(guest memory, no PROT_EXEC)",
        SCMP_SYS(mprotect),
        3,
        {{0, SCMP_CMP_MASKED_EQ, ~(slice_of(len) - 1), base},
         {1, SCMP_CMP_LE, len, 0},
         {2, SCMP_CMP_MASKED_EQ, PROT_EXEC, 0}}};

    return ig_tender_allow(ctx, &rule, 1);
}
