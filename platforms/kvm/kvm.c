/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* kvm.c: C entry of the kvm platform, boot order and small plat.h answers. */
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
    ig_kvm_main_stack_init();
    ig_kvm_stacks_init();
    ig_kvm_pci_init(); /* port I/O only; paging maps its high BARs */
    ig_arch_paging_init();
    ig_arch_lapic_init(); /* without one, idle spins */
    ig_kvm_virtio_init(); /* after the LAPIC: drivers take vectors */
    ig_kvm_console_in_init();
    /* main runs on its own stack, sized like a Linux program expects;
     * the boot stack stays for the trap path of this frame only.  %rbp
     * 0 ends frame-pointer walks there. */
    if (ig_kvm_main_stack.end)
        __asm__ volatile("movq %0, %%rsp\n\t"
                         "xorl %%ebp, %%ebp\n\t"
                         "call ig_libos_main\n\t"
                         "ud2"
                         :
                         : "r"(ig_kvm_main_stack.end)
                         : "memory");
    ig_libos_main();
}

const char *ig_plat_name(void)
{
    return "kvm";
}

int ig_plat_dev_count(enum ig_plat_dev_kind kind)
{
    switch (kind) {
    case IG_PLAT_DEV_RNG:
        return ig_kvm_virtio_rng_present();
    case IG_PLAT_DEV_NET:
        return ig_kvm_virtio_net_count();
    case IG_PLAT_DEV_9P:
        return ig_kvm_virtio_9p_count();
    default:
        return 0;
    }
}

void ig_plat_boot_stack(uintptr_t *lo, uintptr_t *hi)
{
    if (ig_kvm_main_stack.end) {
        *lo = (uintptr_t)(ig_kvm_main_stack.base + IG_PLAT_PAGE_SIZE);
        *hi = (uintptr_t)ig_kvm_main_stack.end;
        return;
    }
    *lo = (uintptr_t)ig_kvm_boot_stack_lo;
    *hi = (uintptr_t)ig_kvm_boot_stack_hi;
}
