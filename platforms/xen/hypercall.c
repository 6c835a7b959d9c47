/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* hypercall.c: finds Xen through CPUID and installs the hypercall page. */
#include <ingot/plat.h>

#include "x86_64/x86.h"
#include "xen_internal.h"

/* Xen's leaves start at 0x40000000, or 0x100 higher steps when another
 * hypervisor interface (Viridian) sits first. */
#define LEAF_FIRST 0x40000000u
#define LEAF_LAST 0x40010000u
#define LEAF_STEP 0x100u

static int is_xen(uint32_t leaf)
{
    struct ig_arch_cpuid r = ig_arch_cpuid(leaf, 0);
    const char *want = XEN_CPUID_SIGNATURE;
    uint32_t regs[3] = {r.ebx, r.ecx, r.edx};
    const char *got = (const char *)regs;

    for (int i = 0; i < 12; i++)
        if (got[i] != want[i])
            return 0;
    return r.eax >= leaf + 2; /* leaf + 2 describes the hypercall page */
}

int ig_xen_hypercalls_ready;

int ig_xen_hypercall_init(void)
{
    for (uint32_t leaf = LEAF_FIRST; leaf < LEAF_LAST; leaf += LEAF_STEP) {
        if (!is_xen(leaf))
            continue;
        /* leaf + 2: eax = pages, ebx = the MSR that takes each page's
         * physical address (identity-mapped image: virtual = physical). */
        struct ig_arch_cpuid r = ig_arch_cpuid(leaf + 2, 0);
        if (r.eax < 1)
            return -1;
        ig_arch_wrmsr(r.ebx, (uintptr_t)ig_xen_hypercall_page);
        ig_xen_hypercalls_ready = 1;
        return 0;
    }
    return -1;
}

long ig_xen_hvm_param(uint32_t index, uint64_t *v)
{
    struct xen_hvm_param p = {.domid = XEN_DOMID_SELF, .index = index};
    long r = ig_xen_hc2(XEN_HC_HVM_OP, XEN_HVMOP_GET_PARAM, (uintptr_t)&p);

    *v = p.value;
    return r;
}
