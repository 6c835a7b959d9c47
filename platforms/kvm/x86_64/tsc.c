/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* tsc.c: TSC ticks to nanoseconds; the TSC frequency is found on first use. */
#include "kvm_internal.h"
#include "x86.h"

/*
 * Finding the frequency can take a few milliseconds (PIT calibration), and
 * an image that never reads a clock should not pay for it at boot, so it
 * happens on the first clock call.  Sources, best first:
 *
 *   1. hypervisor leaf 0x40000010 (EAX = TSC kHz): what the VMM says the
 *      virtual TSC runs at (QEMU/KVM with invtsc, Cloud Hypervisor, VMware);
 *   2. KVM's pvclock: the host's own TSC-to-ns scale, no waiting;
 *   3. CPUID 0x15 (crystal ratio) or 0x16 (base MHz) of a bare-metal-like
 *      CPU model;
 *   4. PIT calibration over CALIB_PIT_TICKS (5 ms).
 *
 * An unsynchronised TSC across vCPUs is not handled: one vCPU for now.
 */

#define PIT_HZ 1193182u
#define CALIB_PIT_TICKS 5966u /* 5.0 ms */

#define KVM_SIGNATURE_EBX 0x4b4d564bu /* "KVMKVMKVM\0\0\0" */
#define KVM_SIGNATURE_ECX 0x564b4d56u
#define KVM_SIGNATURE_EDX 0x4du
#define KVM_FEATURE_CLOCKSOURCE2 (1u << 3)
#define MSR_KVM_SYSTEM_TIME_NEW 0x4b564d01u

static uint64_t tsc_boot;
static uint64_t ns_per_tick_32; /* nanoseconds per tick, 32.32 fixed point */

void ig_kvm_tsc_init(void)
{
    tsc_boot = ig_arch_rdtsc();
}

static uint64_t from_hypervisor_leaf(void)
{
    uint32_t max;

    if (!(ig_arch_cpuid(1, 0).ecx & (1u << 31))) /* no hypervisor */
        return 0;
    max = ig_arch_cpuid(0x40000000, 0).eax;
    if (max < 0x40000010 || max > 0x4000ffff)
        return 0;
    return (uint64_t)ig_arch_cpuid(0x40000010, 0).eax * 1000;
}

/* KVM's per-vCPU time info (pvclock ABI): ns = ticks scaled by
 * 2^tsc_shift, times tsc_to_system_mul / 2^32. */
struct pvclock {
    uint32_t version;
    uint32_t pad0;
    uint64_t tsc_timestamp;
    uint64_t system_time;
    uint32_t tsc_to_system_mul;
    int8_t tsc_shift;
    uint8_t flags;
    uint8_t pad[2];
};

static uint64_t from_kvmclock(void)
{
    static volatile struct pvclock pv __attribute__((aligned(64)));
    struct ig_arch_cpuid sig;
    uint32_t version, mul;
    int8_t shift;
    unsigned __int128 hz;

    if (!(ig_arch_cpuid(1, 0).ecx & (1u << 31)))
        return 0;
    sig = ig_arch_cpuid(0x40000000, 0);
    if (sig.ebx != KVM_SIGNATURE_EBX || sig.ecx != KVM_SIGNATURE_ECX ||
        sig.edx != KVM_SIGNATURE_EDX || sig.eax < 0x40000001 ||
        !(ig_arch_cpuid(0x40000001, 0).eax & KVM_FEATURE_CLOCKSOURCE2))
        return 0;
    /* The host fills the structure before the vCPU resumes; we only need
     * the scale, so the registration is dropped right after. */
    ig_arch_wrmsr(MSR_KVM_SYSTEM_TIME_NEW, (uintptr_t)&pv | 1);
    do {
        version = pv.version;
        __asm__ volatile("" ::: "memory");
        mul = pv.tsc_to_system_mul;
        shift = pv.tsc_shift;
        __asm__ volatile("" ::: "memory");
    } while ((version & 1) || version != pv.version);
    ig_arch_wrmsr(MSR_KVM_SYSTEM_TIME_NEW, 0);
    if (mul == 0)
        return 0;
    hz = ((unsigned __int128)1000000000u << 32) / mul;
    return (uint64_t)(shift >= 0 ? hz >> shift : hz << -shift);
}

static uint64_t from_cpuid(void)
{
    uint32_t max = ig_arch_cpuid_max(0);
    struct ig_arch_cpuid c;

    if (max >= 0x15) {
        c = ig_arch_cpuid(0x15, 0);
        if (c.eax && c.ebx && c.ecx)
            return (uint64_t)c.ecx * c.ebx / c.eax;
    }
    if (max >= 0x16) {
        c = ig_arch_cpuid(0x16, 0);
        if (c.eax & 0xffff)
            return (uint64_t)(c.eax & 0xffff) * 1000000;
    }
    return 0;
}

/*
 * PIT channel 1, free-running and read back with latch commands.  Not the
 * classic channel 2: its gate and output live behind port 0x61 (the PC
 * speaker), which QEMU's microvm does not have, so there channel 2 never
 * counts.  Channel 1's gate is tied high and its output wired to nothing
 * (it once drove DRAM refresh), so it counts and raises no interrupt on
 * every QEMU machine and in KVM's in-kernel PIT (Firecracker).
 */
#define PIT_CH1 0x41
#define PIT_CMD 0x43
#define PIT_CH1_MODE2_LOHI 0x74 /* rate generator, count 0 = 65536 */
#define PIT_CH1_LATCH 0x40
#define PIT_NO_PROGRESS 10000000ull /* TSC ticks: > 2 ms even at 5 GHz */

/* Latches and reads channel 1; (*tsc) is the TSC when the latch happened,
 * within (*width) ticks (the time the latch command took). */
static uint16_t pit_read(uint64_t *tsc, uint64_t *width)
{
    uint64_t before = ig_arch_rdtsc();
    uint8_t lo, hi;

    ig_arch_outb(PIT_CMD, PIT_CH1_LATCH);
    *width = ig_arch_rdtsc() - before;
    *tsc = before + *width / 2;
    lo = ig_arch_inb(PIT_CH1);
    hi = ig_arch_inb(PIT_CH1);
    return (uint16_t)(lo | hi << 8);
}

/*
 * The best pinned of PIT_TRIES reads.  Under TCG on a loaded host the
 * vCPU thread can be preempted in the middle of a latch for a millisecond
 * or more, which at either end of a 5 ms window made the rate 30% off
 * (sleeps and the wall clock with it); one of several reads in a row
 * almost always runs undisturbed.
 */
#define PIT_TRIES 8
static uint16_t pit_read_best(uint64_t *tsc)
{
    uint64_t t, w, best = UINT64_MAX;
    uint16_t v, got = 0;

    for (int i = 0; i < PIT_TRIES; i++) {
        v = pit_read(&t, &w);
        if (w < best) {
            best = w;
            got = v;
            *tsc = t;
        }
    }
    return got;
}

static uint64_t from_pit(void)
{
    uint64_t t0, t1, w, ticks = 0;
    uint16_t prev;

    ig_arch_outb(PIT_CMD, PIT_CH1_MODE2_LOHI);
    ig_arch_outb(PIT_CH1, 0);
    ig_arch_outb(PIT_CH1, 0);
    prev = pit_read_best(&t0);
    while (ticks < CALIB_PIT_TICKS) {
        uint16_t now = pit_read(&t1, &w);

        /* Counts down and wraps every 65536 ticks (55 ms); we read far
         * more often than that, so the difference mod 2^16 is exact. */
        ticks += (uint16_t)(prev - now);
        prev = now;
        /* No PIT: the port floats at 0xffff and nothing ever moves. */
        if (ticks == 0 && t1 - t0 > PIT_NO_PROGRESS)
            return 0;
    }
    uint16_t last = pit_read_best(&t1);
    ticks += (uint16_t)(prev - last);
    return (t1 - t0) * PIT_HZ / ticks;
}

static void calibrate(void)
{
    uint64_t hz = from_hypervisor_leaf();

    if (hz == 0)
        hz = from_kvmclock();
    if (hz == 0)
        hz = from_cpuid();
    if (hz == 0)
        hz = from_pit();
    if (hz == 0) {
        /* Clocks that run at a guessed rate beat no clocks at all. */
        ig_kvm_puts("kvm: no way to find the TSC frequency; "
                    "assuming 1 GHz, clocks will be wrong\n");
        hz = 1000000000u;
    }
    ns_per_tick_32 = (uint64_t)(((unsigned __int128)1000000000u << 32) / hz);
}

uint64_t ig_kvm_tsc_ns(void)
{
    if (ns_per_tick_32 == 0)
        calibrate();
    return ig_kvm_tsc_to_ns(ig_arch_rdtsc());
}

uint64_t ig_kvm_tsc_to_ns(uint64_t tsc)
{
    if (ns_per_tick_32 == 0)
        calibrate();
    return (uint64_t)(((unsigned __int128)(tsc - tsc_boot) * ns_per_tick_32) >>
                      32);
}
