/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* grant.c: the grant table (version 1): letting backends reach our pages. */
#include <errno.h>
#include <ingot/plat.h>

#include "xen_internal.h"

/* 4 frames of 512 entries: enough for netfront's rings and buffers. */
#define FRAMES 4
#define ENTRIES (FRAMES * 4096 / sizeof(struct xen_grant_entry_v1))

/* Pages Xen's grant-table frames replace (mapped read/write by paging). */
static uint8_t frames[FRAMES][4096] __attribute__((aligned(4096)));
static volatile struct xen_grant_entry_v1 *table;
static uint8_t used[ENTRIES];
static unsigned next_free = XEN_GNTTAB_RESERVED;

void ig_xen_grant_init(void)
{
    for (unsigned i = 0; i < FRAMES; i++) {
        struct xen_add_to_physmap map = {
            .domid = XEN_DOMID_SELF,
            .space = XEN_MAPSPACE_GRANT_TABLE,
            .idx = i,
            .gpfn = (uintptr_t)frames[i] >> 12,
        };
        long r = ig_xen_hc2(XEN_HC_MEMORY_OP, XEN_MEM_ADD_TO_PHYSMAP,
                            (uintptr_t)&map);

        if (r < 0) {
            /* Fewer frames than asked: the table ends there. */
            if (i == 0)
                return;
            break;
        }
        table = (volatile struct xen_grant_entry_v1 *)frames[0];
    }
}

int ig_xen_grant(uint16_t dom, uint64_t pa, int ro)
{
    if (!table)
        return -ENOSPC;
    for (unsigned n = 0; n < ENTRIES; n++) {
        unsigned ref = next_free;

        next_free =
            next_free + 1 < ENTRIES ? next_free + 1 : XEN_GNTTAB_RESERVED;
        if (ref < XEN_GNTTAB_RESERVED || used[ref])
            continue;
        used[ref] = 1;
        table[ref].domid = dom;
        table[ref].frame = (uint32_t)(pa >> 12);
        /* The frame and domain before the flag that makes them valid. */
        __atomic_thread_fence(__ATOMIC_RELEASE);
        table[ref].flags =
            (uint16_t)(XEN_GTF_PERMIT_ACCESS | (ro ? XEN_GTF_READONLY : 0));
        return (int)ref;
    }
    return -ENOSPC;
}

int ig_xen_grant_end(int ref)
{
    volatile uint16_t *flags;
    uint16_t f;

    if (ref < XEN_GNTTAB_RESERVED || (unsigned)ref >= ENTRIES || !used[ref])
        return -EINVAL;
    flags = &table[ref].flags;
    /* Revoke only while the backend has it mapped for neither reading
     * nor writing: Xen sets those bits, so compare-and-swap. */
    f = *flags;
    do {
        if (f & (XEN_GTF_READING | XEN_GTF_WRITING))
            return -EBUSY;
    } while (!__atomic_compare_exchange_n(flags, &f, 0, 0, __ATOMIC_SEQ_CST,
                                          __ATOMIC_SEQ_CST));
    used[ref] = 0;
    return 0;
}
