/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* upcall.S: the event-channel upcall vector's entry. */

/*
 * Xen raises the vector while vcpu_info.evtchn_upcall_pending is set and
 * interrupts are enabled, which in this image is only inside the idle
 * halt (evtchn.c).  The entry clears the flag, so the vector stops, and
 * returns; the idle loop then looks at which ports are pending.  No EOI:
 * a callback vector bypasses the local APIC.
 */
    .text
    .globl ig_xen_upcall_entry
    .type ig_xen_upcall_entry, @function
ig_xen_upcall_entry:
    pushq %rax
    movq ig_xen_upcall_flag(%rip), %rax
    movb $0, (%rax)
    popq %rax
    iretq
    .size ig_xen_upcall_entry, . - ig_xen_upcall_entry

    .section .note.GNU-stack, "", @progbits
