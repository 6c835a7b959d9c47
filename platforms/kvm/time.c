/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* time.c: monotonic clock (TSC) and idle. */
#include <ingot/plat.h>

#include "kvm_internal.h"
#include "x86_64/x86.h"

#define NS_PER_SEC 1000000000ull

static uint64_t mono_last;

uint64_t ig_plat_clock_monotonic(void)
{
    uint64_t ns = ig_kvm_tsc_ns();

    /* The TSC of one vCPU does not go back, but a VMM that migrates the
     * vCPU between unsynchronised host TSCs could; never report that. */
    if (ns < mono_last)
        ns = mono_last;
    mono_last = ns;
    return ns;
}

uint64_t ig_plat_clock_since_entry(void)
{
    /* Read before a first-use calibration could add its milliseconds. */
    return ig_kvm_tsc_to_ns(ig_arch_rdtsc());
}

void ig_plat_idle(uint64_t deadline)
{
    uint64_t now;

    /*
     * Halt until the local APIC timer fires at the deadline or a device
     * interrupts (irq.c).  Without a deadline, halt for at most a second
     * when some device can interrupt; with no event source at all (no
     * devices), return after a short spin instead of hanging, which
     * plat.h allows (callers re-check).
     */
    if (deadline == UINT64_MAX) {
        if (ig_kvm_irq_sources() == 0) {
            for (int i = 0; i < 1000; i++)
                ig_arch_pause();
            return;
        }
        ig_arch_lapic_halt_ns(NS_PER_SEC);
        return;
    }
    now = ig_plat_clock_monotonic();
    if (now < deadline)
        ig_arch_lapic_halt_ns(deadline - now);
}
