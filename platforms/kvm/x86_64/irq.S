/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* irq.S: interrupt entries: the local APIC timer and spurious vector. */

/*
 * The timer only wakes a halted CPU (time.c, ig_plat_idle); the idle
 * loop re-checks the clock itself, so the handler does nothing but
 * acknowledge the interrupt (EOI) and return.  The EOI register is at
 * 0xfee000b0, above 2 GiB, so it is written through a register.
 */
    .text
    .globl ig_arch_lapic_timer_entry
    .type ig_arch_lapic_timer_entry, @function
ig_arch_lapic_timer_entry:
    pushq %rax
    movl $0xfee000b0, %eax
    movl $0, (%rax)
    popq %rax
    iretq
    .size ig_arch_lapic_timer_entry, . - ig_arch_lapic_timer_entry

/* Spurious interrupts need no EOI. */
    .globl ig_arch_lapic_spurious_entry
    .type ig_arch_lapic_spurious_entry, @function
ig_arch_lapic_spurious_entry:
    iretq
    .size ig_arch_lapic_spurious_entry, . - ig_arch_lapic_spurious_entry

    .section .note.GNU-stack, "", @progbits
