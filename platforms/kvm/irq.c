/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* irq.c: device interrupt vectors: allocation, dispatch, acknowledgement. */
#include "kvm_internal.h"
#include "x86_64/x86.h"

#define LAPIC_EOI 0xfee000b0ul

extern const uint64_t ig_kvm_irq_stubs[IG_KVM_IRQ_COUNT];

static struct {
    void (*fn)(void *arg);
    void *arg;
} handlers[IG_KVM_IRQ_COUNT];
static int used;

/* Counts every device interrupt taken; read by tests through the idle
 * statistics, never reset. */
static volatile uint64_t taken;

int ig_kvm_irq_alloc(void (*fn)(void *arg), void *arg)
{
    if (used == IG_KVM_IRQ_COUNT || !ig_arch_lapic_present())
        return -1;
    handlers[used].fn = fn;
    handlers[used].arg = arg;
    ig_arch_idt_set(IG_KVM_IRQ_FIRST + used, ig_kvm_irq_stubs[used]);
    return IG_KVM_IRQ_FIRST + used++;
}

int ig_kvm_irq_sources(void)
{
    return used;
}

uint64_t ig_kvm_irq_taken(void)
{
    return taken;
}

void ig_kvm_irq_dispatch(uint64_t n)
{
    taken++;
    if (n < (uint64_t)used && handlers[n].fn)
        handlers[n].fn(handlers[n].arg);
    /* After the device's own acknowledgement, so a level-triggered line
     * is already low when the I/O APIC sees the EOI. */
    *(volatile uint32_t *)LAPIC_EOI = 0;
}
