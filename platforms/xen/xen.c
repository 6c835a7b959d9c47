/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* xen.c: C entry of the xen platform, boot order and small plat.h answers. */
#include <errno.h>
#include <ingot/plat.h>

#include "xen_internal.h"

/* pvh_start.S calls this (the name is the shared PVH entry's). */
_Noreturn void ig_kvm_main(uint32_t start_info)
{
    ig_xen_time_entry();
    if (ig_xen_hypercall_init() < 0)
        ig_kvm_die("no Xen hypervisor found (CPUID 0x40000000); this image "
                   "was built with --platform=xen");
    ig_xen_console_init();
    ig_arch_cpu_init();
    ig_kvm_pvh_init(start_info);
    ig_kvm_mem_init();
    ig_kvm_stacks_init();
    ig_arch_paging_init();
    ig_xen_evtchn_init();
    ig_xen_grant_init();
    ig_xen_xs_init();
    ig_xen_netfront_init();
    ig_libos_main();
}

const char *ig_plat_name(void)
{
    return "xen";
}

int ig_plat_dev_count(enum ig_plat_dev_kind kind)
{
    switch (kind) {
    case IG_PLAT_DEV_NET:
        return ig_xen_netfront_count();
    default:
        return 0;
    }
}

void ig_plat_boot_stack(uintptr_t *lo, uintptr_t *hi)
{
    *lo = (uintptr_t)ig_kvm_boot_stack_lo;
    *hi = (uintptr_t)ig_kvm_boot_stack_hi;
}

/* Hooks of the shared PVH code (kvm_internal.h): a PVH domU has no PCI
 * bus, and its entropy comes from RDRAND/RDSEED alone (no virtio-rng). */
struct ig_pci_fn *ig_kvm_pci_fns(int *count)
{
    *count = 0;
    return NULL;
}

int ig_kvm_virtio_rng_present(void)
{
    return 0;
}

long ig_kvm_virtio_rng_read(void *buf, size_t len)
{
    (void)buf, (void)len;
    return -ENODEV;
}

/* ---- 9P: no transport on Xen yet (volumes are not supported) ---------- */

int ig_plat_9p_tag(int dev, char *buf, size_t cap)
{
    (void)dev, (void)buf, (void)cap;
    return -ENODEV;
}

size_t ig_plat_9p_msize(int dev)
{
    (void)dev;
    return 0;
}

long ig_plat_9p_rpc(int dev, const struct ig_plat_iov *out, int nout,
                    const struct ig_plat_iov *in, int nin)
{
    (void)dev, (void)out, (void)nout, (void)in, (void)nin;
    return -ENODEV;
}
