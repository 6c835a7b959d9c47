/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* irq.S: interrupt entries: LAPIC timer, spurious vector, device vectors. */

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

/*
 * Device vectors IG_KVM_IRQ_FIRST .. + IG_KVM_IRQ_COUNT - 1 (irq.c): each
 * stub pushes its number and joins the common part, which saves the
 * registers a C function may clobber, calls ig_kvm_irq_dispatch(vector)
 * (which acknowledges the device and sends the EOI) and returns.  They run
 * on the interrupted stack (no red zone in this image) and only ever
 * interrupt the hlt in ig_arch_lapic_halt_ns(), the one place with
 * interrupts enabled.
 */
.macro DEVSTUB n
    .balign 16
devstub_\n:
    pushq $\n
    jmp dev_common
.endm
.altmacro
.macro DEVSTUBS from, to
    DEVSTUB %(\from)
    .if \to - \from
    DEVSTUBS %(\from + 1), \to
    .endif
.endm
.macro DEVADDR n
    .quad devstub_\n
.endm
.macro DEVADDRS from, to
    DEVADDR %(\from)
    .if \to - \from
    DEVADDRS %(\from + 1), \to
    .endif
.endm

    DEVSTUBS 0, 15

dev_common:
    pushq %rax
    pushq %rcx
    pushq %rdx
    pushq %rsi
    pushq %rdi
    pushq %r8
    pushq %r9
    pushq %r10
    pushq %r11
    pushq %rbx
    movq 80(%rsp), %rdi /* the stub's number */
    movq %rsp, %rbx
    andq $-16, %rsp
    cld
    call ig_kvm_irq_dispatch
    movq %rbx, %rsp
    popq %rbx
    popq %r11
    popq %r10
    popq %r9
    popq %r8
    popq %rdi
    popq %rsi
    popq %rdx
    popq %rcx
    popq %rax
    addq $8, %rsp
    iretq

    .section .rodata.ig_kvm_irq_stubs, "a"
    .balign 8
    .globl ig_kvm_irq_stubs
ig_kvm_irq_stubs:
    DEVADDRS 0, 15
    .text

    .section .note.GNU-stack, "", @progbits
