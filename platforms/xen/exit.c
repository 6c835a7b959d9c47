/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* exit.c: the exit record on the console, then SCHEDOP_shutdown. */
#include <ingot/kvm_abi.h>
#include <ingot/plat.h>

#include "xen_internal.h"

_Noreturn void ig_plat_exit(int status)
{
    static const char prefix[] = IG_KVM_EXIT_PREFIX;
    static const char suffix[] = IG_KVM_EXIT_SUFFIX;
    char rec[sizeof(prefix) + 3 + sizeof(suffix)];
    unsigned s = (unsigned)status & 0xff;
    size_t n = 0;

    if (s != IG_KVM_STATUS_CRASH)
        ig_xen_netfront_flush();
    for (size_t i = 0; i + 1 < sizeof(prefix); i++)
        rec[n++] = prefix[i];
    if (s >= 100)
        rec[n++] = (char)('0' + s / 100);
    if (s >= 10)
        rec[n++] = (char)('0' + s / 10 % 10);
    rec[n++] = (char)('0' + s % 10);
    for (size_t i = 0; i + 1 < sizeof(suffix); i++)
        rec[n++] = suffix[i];
    ig_plat_console_write(rec, n);
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

_Noreturn void ig_kvm_die(const char *msg)
{
    ig_kvm_puts("xen: ");
    ig_kvm_puts(msg);
    ig_kvm_puts("\n");
    ig_plat_exit(IG_KVM_STATUS_CRASH);
}

_Noreturn void ig_kvm_die_hex(const char *before, uint64_t v, const char *after)
{
    ig_kvm_puts("xen: ");
    ig_kvm_puts(before);
    ig_kvm_put_hex(v);
    ig_kvm_puts(after);
    ig_kvm_puts("\n");
    ig_plat_exit(IG_KVM_STATUS_CRASH);
}
