/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* upcall.S: the event-channel upcall vector's entry. */

/*
 * Xen raises the vector while vcpu_info.evtchn_upcall_pending is set and
 * interrupts are enabled, which in this image is only inside the idle
 * halt (evtchn.c).  The entry clears the flag, so the vector stops, and
 * returns; the idle loop then looks at which ports are pending.  No EOI:
 * a callback vector bypasses the local APIC.
 *
 * The halt is ig_xen_idle_halt: sti's one-instruction shadow keeps the
 * vector off until hlt has begun, so an event ends the halt.  Were the
 * vector taken before the hlt all the same (an emulated CPU losing the
 * shadow across an exit to Xen), returning to the hlt would halt with the
 * event already consumed, until some later event: the entry then returns
 * past the hlt instead.  On a CPU that keeps the shadow this never happens.
 */
    .text
    .globl ig_xen_upcall_entry
    .type ig_xen_upcall_entry, @function
ig_xen_upcall_entry:
    pushq %rax
    movq ig_xen_upcall_flag(%rip), %rax
    movb $0, (%rax)
    leaq .Lidle_hlt(%rip), %rax
    cmpq %rax, 8(%rsp) /* the interrupted RIP */
    jne 1f
    incq 8(%rsp) /* hlt is one byte */
1:  popq %rax
    iretq
    .size ig_xen_upcall_entry, . - ig_xen_upcall_entry

/* void ig_xen_idle_halt(void): enables interrupts across one hlt. */
    .globl ig_xen_idle_halt
    .type ig_xen_idle_halt, @function
ig_xen_idle_halt:
    sti
.Lidle_hlt:
    hlt
    cli
    ret
    .size ig_xen_idle_halt, . - ig_xen_idle_halt

    .section .note.GNU-stack, "", @progbits
