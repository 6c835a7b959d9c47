/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* exit.c: the exit record on the console, then SCHEDOP_shutdown. */
#include <ingot/kvm_abi.h>
#include <ingot/plat.h>

#include "xen_internal.h"

_Noreturn void ig_plat_exit(int status)
{
    unsigned s = (unsigned)status & 0xff;

    if (s != IG_KVM_STATUS_CRASH)
        ig_xen_netfront_flush();
    ig_kvm_exit_record(s);
    /* The domain's pages, ring included, go with the shutdown. */
    ig_xen_console_drain();
    ig_kvm_exit_hard((int)s);
}

_Noreturn void ig_kvm_exit_hard(int status)
{
    /* The toolstack sees the reason (xl: "shutdown reason code 3"). */
    unsigned reason = (status & 0xff) == IG_KVM_STATUS_CRASH
                          ? XEN_SHUTDOWN_CRASH
                          : XEN_SHUTDOWN_POWEROFF;

    for (;;) {
        if (ig_xen_hypercalls_ready)
            ig_xen_hc2(XEN_HC_SCHED_OP, XEN_SCHEDOP_SHUTDOWN,
                       (uintptr_t)&reason);
        __asm__ volatile("cli; hlt");
    }
}
