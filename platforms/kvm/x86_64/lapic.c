/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* lapic.c: the local APIC timer that wakes a halted CPU. */
#include "../kvm_internal.h"
#include "x86.h"

#define LAPIC_BASE 0xfee00000ul /* xAPIC MMIO, mapped uncached (paging.c) */
#define LAPIC_SVR 0x0f0
#define LAPIC_LVT_TIMER 0x320
#define LAPIC_LVT_LINT0 0x350
#define LAPIC_TIMER_INIT 0x380
#define LAPIC_TIMER_CUR 0x390
#define LAPIC_TIMER_DIV 0x3e0
#define LVT_MASKED (1u << 16)
#define PIT_CH0 0x40
#define PIT_CMD 0x43
#define PIT_CH0_MODE0_LOHI 0x30 /* interrupt on terminal count, once */
#define MSR_APIC_BASE 0x1b
#define APIC_BASE_ENABLE (1ull << 11)
#define CPUID_1_EDX_APIC (1u << 9)

#define TIMER_VECTOR 0x20
#define SPURIOUS_VECTOR 0xff
#define CALIBRATE_NS 1000000ull /* 1 ms */

extern char ig_arch_lapic_timer_entry[], ig_arch_lapic_spurious_entry[];

static int present;
static uint64_t ticks_per_ms;

static volatile uint32_t *reg(unsigned off)
{
    return (volatile uint32_t *)(LAPIC_BASE + off);
}

int ig_arch_lapic_init(void)
{
    if (!(ig_arch_cpuid(1, 0).edx & CPUID_1_EDX_APIC))
        return -1;
    /* No 8259 interrupts: the PIT stays a polled clock source (tsc.c). */
    ig_arch_outb(0x21, 0xff);
    ig_arch_outb(0xa1, 0xff);
    /*
     * The PIT comes out of reset with channel 0 counting in mode 3 (a
     * square wave every 55 ms).  Masked, it still wakes the VMM at each
     * edge, 36 times a second forever (QEMU's main loop; KVM's in-kernel
     * PIT arms an hrtimer): with a thousand idle guests, that is most of
     * the host's CPU.  Mode 0 counts down once and stops.
     */
    ig_arch_outb(PIT_CMD, PIT_CH0_MODE0_LOHI);
    ig_arch_outb(PIT_CH0, 0);
    ig_arch_outb(PIT_CH0, 0);
    ig_arch_wrmsr(MSR_APIC_BASE,
                  ig_arch_rdmsr(MSR_APIC_BASE) | APIC_BASE_ENABLE);
    ig_arch_idt_set(TIMER_VECTOR, (uintptr_t)ig_arch_lapic_timer_entry);
    ig_arch_idt_set(SPURIOUS_VECTOR, (uintptr_t)ig_arch_lapic_spurious_entry);
    *reg(LAPIC_SVR) = 0x100 | SPURIOUS_VECTOR; /* software enable */
    *reg(LAPIC_LVT_LINT0) = LVT_MASKED;
    *reg(LAPIC_TIMER_DIV) = 0xb; /* divide by 1 */
    *reg(LAPIC_LVT_TIMER) = LVT_MASKED | TIMER_VECTOR;
    present = 1;
    return 0;
}

/* Counts the timer down for 1 ms of TSC time with it masked.  Done on the
 * first idle, not at boot: images that never sleep never pay for it. */
static void calibrate(void)
{
    uint64_t t0, count;

    *reg(LAPIC_TIMER_INIT) = 0xffffffffu;
    t0 = ig_kvm_tsc_ns();
    while (ig_kvm_tsc_ns() - t0 < CALIBRATE_NS)
        ig_arch_pause();
    count = 0xffffffffu - *reg(LAPIC_TIMER_CUR);
    *reg(LAPIC_TIMER_INIT) = 0;
    if (count == 0) {
        present = 0;
        return;
    }
    ticks_per_ms = count;
    *reg(LAPIC_LVT_TIMER) = TIMER_VECTOR; /* one-shot, unmasked */
}

int ig_arch_lapic_present(void)
{
    return present;
}

void ig_arch_lapic_halt_ns(uint64_t ns)
{
    uint64_t ticks;

    if (present && ticks_per_ms == 0)
        calibrate();
    if (!present) {
        ig_arch_pause();
        return;
    }
    /* ns * ticks_per_ms / 1e6 without overflow for any sane frequency. */
    ticks = ns / 1000 * ticks_per_ms / 1000 + 1;
    if (ticks > 0xffffffffu)
        ticks = 0xffffffffu;
    *reg(LAPIC_TIMER_INIT) = (uint32_t)ticks;
    /* sti's one-instruction shadow: an interrupt already pending is taken
     * after hlt has begun, so it ends the halt instead of being lost. */
    __asm__ volatile("sti\n\thlt\n\tcli" : : : "memory");
}
