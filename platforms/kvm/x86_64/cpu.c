/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cpu.c: the final GDT, a TSS whose IST1 is the trap stack, the IDT. */
#include "kvm_internal.h"
#include "traps.h"

#define SEL_CODE 0x08
#define SEL_DATA 0x10
#define SEL_TSS 0x18

struct tss {
    uint32_t reserved0;
    uint64_t rsp[3];
    uint64_t reserved1;
    uint64_t ist[7]; /* ist[0] is IST1 */
    uint64_t reserved2;
    uint16_t reserved3;
    uint16_t iomap_base;
} __attribute__((packed));

struct idt_gate {
    uint16_t offset_lo;
    uint16_t selector;
    uint8_t ist;
    uint8_t type; /* present, DPL 0, 64-bit interrupt gate */
    uint16_t offset_mid;
    uint32_t offset_hi;
    uint32_t reserved;
};

struct table_ptr {
    uint16_t limit;
    uint64_t base;
} __attribute__((packed));

/*
 * In .data, not .rodata: ltr sets the busy bit in the TSS descriptor, so the
 * GDT must stay writable.  Accessed bits are preset anyway so loading a
 * segment never needs a write.
 */
static uint64_t gdt[5] __attribute__((aligned(16))) = {
    0,
    0x00af9b000000ffffull, /* SEL_CODE: 64-bit code, DPL 0 */
    0x00cf93000000ffffull, /* SEL_DATA: flat read/write data */
    0,                     /* SEL_TSS, filled in below (16 bytes) */
    0,
};
static struct tss tss __attribute__((aligned(16)));
/* All 256 vectors: exceptions below 32, then interrupts (lapic.c); the
 * gates nobody set are not present, so a stray interrupt is reported. */
static struct idt_gate idt[256] __attribute__((aligned(16)));

static void set_tss_descriptor(void)
{
    uint64_t base = (uintptr_t)&tss;
    uint64_t limit = sizeof(tss) - 1;

    gdt[3] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
             (0x89ull << 40) | /* present, 64-bit TSS (available) */
             (((limit >> 16) & 0xf) << 48) | (((base >> 24) & 0xff) << 56);
    gdt[4] = base >> 32;
}

void ig_arch_cpu_init(void)
{
    struct table_ptr gdtr = {sizeof(gdt) - 1, (uintptr_t)gdt};
    struct table_ptr idtr = {sizeof(idt) - 1, (uintptr_t)idt};

    /* A fault on an overflowed or corrupt stack must still be reported,
     * so every exception switches to this known-good stack. */
    tss.ist[0] = (uintptr_t)ig_kvm_trap_stack_hi;
    tss.iomap_base = sizeof(tss); /* no I/O bitmap */
    set_tss_descriptor();

    for (int v = 0; v < IG_ARCH_TRAP_VECTORS; v++) {
        uint64_t a = ig_arch_trap_stubs[v];

        idt[v].offset_lo = (uint16_t)a;
        idt[v].selector = SEL_CODE;
        idt[v].ist = 1;
        idt[v].type = 0x8e;
        idt[v].offset_mid = (uint16_t)(a >> 16);
        idt[v].offset_hi = (uint32_t)(a >> 32);
    }

    /* CS can only be reloaded by a far transfer: push CS:RIP, lretq. */
    __asm__ volatile("lgdt %0\n\t"
                     "pushq %1\n\t"
                     "leaq 1f(%%rip), %%rax\n\t"
                     "pushq %%rax\n\t"
                     "lretq\n"
                     "1:\n\t"
                     "movl %2, %%eax\n\t"
                     "movl %%eax, %%ds\n\t"
                     "movl %%eax, %%es\n\t"
                     "movl %%eax, %%ss\n\t"
                     "movl %%eax, %%fs\n\t"
                     "movl %%eax, %%gs\n\t"
                     "movw %3, %%ax\n\t"
                     "ltr %%ax\n\t"
                     "lidt %4"
                     :
                     : "m"(gdtr), "i"(SEL_CODE), "i"(SEL_DATA), "i"(SEL_TSS),
                       "m"(idtr)
                     : "rax", "memory");
}

void ig_arch_idt_set(int vec, uint64_t handler)
{
    /* IST 0: interrupts arrive only while the CPU halts in idle, on the
     * stack of the thread that idles (no red zone to protect). */
    idt[vec].offset_lo = (uint16_t)handler;
    idt[vec].selector = SEL_CODE;
    idt[vec].ist = 0;
    idt[vec].type = 0x8e;
    idt[vec].offset_mid = (uint16_t)(handler >> 16);
    idt[vec].offset_hi = (uint32_t)(handler >> 32);
}
