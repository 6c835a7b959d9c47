/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* time.c: the PV clock of shared_info, wall clock, one-shot timer, idle. */
#include <ingot/plat.h>

#include "x86_64/x86.h"
#include "xen_internal.h"

static uint64_t entry_tsc;
static uint64_t last_ns; /* the clock never goes back, even across updates */

void ig_xen_time_entry(void)
{
    entry_tsc = ig_arch_rdtsc();
}

/* Scales a TSC difference to ns with Xen's factor: (d << shift) * mul / 2^32 */
static uint64_t scale(uint64_t d, uint32_t mul, int8_t shift)
{
    if (shift < 0)
        d >>= -shift;
    else
        d <<= shift;
    return (uint64_t)(((unsigned __int128)d * mul) >> 32);
}

/* Reads a consistent snapshot of vCPU 0's time record: Xen makes the
 * version odd while it writes. */
static void snapshot(struct xen_vcpu_time_info *t)
{
    volatile struct xen_vcpu_time_info *src = &ig_xen_shared->vcpu_info[0].time;
    uint32_t v;

    do {
        v = src->version;
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        t->tsc_timestamp = src->tsc_timestamp;
        t->system_time = src->system_time;
        t->tsc_to_system_mul = src->tsc_to_system_mul;
        t->tsc_shift = src->tsc_shift;
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
    } while ((v & 1) || v != src->version);
}

uint64_t ig_xen_time_ns(void)
{
    struct xen_vcpu_time_info t;
    uint64_t tsc, ns;

    if (!ig_xen_shared)
        return 0;
    snapshot(&t);
    tsc = ig_arch_rdtsc();
    ns = t.system_time +
         (tsc > t.tsc_timestamp
              ? scale(tsc - t.tsc_timestamp, t.tsc_to_system_mul, t.tsc_shift)
              : 0);
    if (ns < last_ns)
        return last_ns;
    last_ns = ns;
    return ns;
}

uint64_t ig_plat_clock_monotonic(void)
{
    return ig_xen_time_ns();
}

uint64_t ig_plat_clock_wall(void)
{
    volatile struct xen_shared_info *s = ig_xen_shared;
    uint64_t sec, nsec;
    uint32_t v;

    if (!s)
        return 0;
    do {
        v = s->wc_version;
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        sec = (uint64_t)s->wc_sec_hi << 32 | s->wc_sec;
        nsec = s->wc_nsec;
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
    } while ((v & 1) || v != s->wc_version);
    /* wc_* is the wall time at system time 0. */
    return sec * 1000000000ull + nsec + ig_xen_time_ns();
}

uint64_t ig_plat_clock_since_entry(void)
{
    struct xen_vcpu_time_info t;

    if (!ig_xen_shared)
        return 0;
    snapshot(&t);
    return scale(ig_arch_rdtsc() - entry_tsc, t.tsc_to_system_mul, t.tsc_shift);
}

void ig_plat_idle(uint64_t deadline)
{
    uint64_t now = ig_xen_time_ns();

    if (deadline <= now)
        return;
    if (deadline != UINT64_MAX) {
        /* Monotonic time is Xen's system time, so the deadline is the
         * timer's absolute timeout as it stands.  A deadline that passes
         * before Xen arms it fires at once. */
        struct xen_vcpu_singleshot_timer t = {.timeout_abs_ns = deadline};

        ig_xen_hypercall(XEN_HC_VCPU_OP, XEN_VCPUOP_SET_SINGLESHOT_TIMER, 0,
                         (uintptr_t)&t, 0, 0);
    }
    ig_xen_evtchn_wait();
}
