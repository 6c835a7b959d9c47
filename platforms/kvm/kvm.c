/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* kvm.c: C entry of the kvm platform, boot order and small plat.h answers. */
#include <errno.h>
#include <ingot/plat.h>

#include "kvm_internal.h"

_Noreturn void ig_kvm_main(uint32_t start_info)
{
    /* The TSC first, so the monotonic clock's zero is as early as we can. */
    ig_kvm_tsc_init();
    ig_kvm_serial_init();
    /* Exceptions before pvh/paging can already be reported. */
    ig_arch_cpu_init();
    ig_kvm_pvh_init(start_info);
    ig_kvm_mem_init();
    ig_kvm_stacks_init();
    ig_arch_paging_init();
    ig_arch_lapic_init(); /* without one, idle spins */
    ig_kvm_virtio_rng_init();
    ig_libos_main();
}

const char *ig_plat_name(void)
{
    return "kvm";
}

int ig_plat_dev_count(enum ig_plat_dev_kind kind)
{
    /* virtio-mmio on microvm only so far; PCI comes with virtio-net. */
    if (kind == IG_PLAT_DEV_RNG)
        return ig_kvm_virtio_rng_present();
    return 0;
}

void ig_plat_boot_stack(uintptr_t *lo, uintptr_t *hi)
{
    *lo = (uintptr_t)ig_kvm_boot_stack_lo;
    *hi = (uintptr_t)ig_kvm_boot_stack_hi;
}

/* No network or 9P devices yet: ig_plat_dev_count() reports 0 of each. */
int ig_plat_net_info(int dev, struct ig_plat_net_info *out)
{
    (void)dev;
    (void)out;
    return -ENODEV;
}

int ig_plat_net_send(int dev, const struct ig_plat_iov *iov, int n)
{
    (void)dev;
    (void)iov;
    (void)n;
    return -ENODEV;
}

long ig_plat_net_recv(int dev, void *buf, size_t cap)
{
    (void)dev;
    (void)buf;
    (void)cap;
    return -ENODEV;
}

int ig_plat_9p_tag(int dev, char *buf, size_t cap)
{
    (void)dev;
    (void)buf;
    (void)cap;
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
    (void)dev;
    (void)out;
    (void)nout;
    (void)in;
    (void)nin;
    return -ENODEV;
}
