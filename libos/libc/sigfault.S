/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sigfault.S: the trampoline a fault's signal handler runs from. */

/* Offsets in struct ig_sigframe (sigfault.c) and struct ig_fault. */
#define CTX 512
#define RIP (CTX + 32)
#define RSP (CTX + 40)
#define RBP (CTX + 48)
#define RFLAGS (CTX + 56)
#define RAX (CTX + 64)
#define RBX (CTX + 72)
#define RCX (CTX + 80)
#define RDX (CTX + 88)
#define RSI (CTX + 96)
#define RDI (CTX + 104)
#define R8 (CTX + 112)

/*
 * Entered with %rsp = %rdi = the frame (64-aligned), every other register
 * and the SSE state as they were at the fault.  A fake call frame (the
 * faulting %rip above the interrupted %rbp) lets backtraces from the
 * handler reach the faulting code.  The way back is iretq, which loads
 * %rip, %rsp and rflags in one instruction from a frame built below
 * ours, so nothing is written at or above the interrupted %rsp.
 */
    .text
    .globl ig_signal_fault_tramp
    .type ig_signal_fault_tramp, @function
ig_signal_fault_tramp:
    fxsave (%rdi)
    movq %rdi, %rbx
    pushq RIP(%rdi)
    pushq RBP(%rdi)
    movq %rsp, %rbp
    call ig_signal_fault_run
    fxrstor (%rbx)
    movq %rbx, %rax
    movq %ss, %rcx
    pushq %rcx
    pushq RSP(%rax)
    pushq RFLAGS(%rax)
    movq %cs, %rcx
    pushq %rcx
    pushq RIP(%rax)
    movq RBX(%rax), %rbx
    movq RCX(%rax), %rcx
    movq RDX(%rax), %rdx
    movq RSI(%rax), %rsi
    movq RDI(%rax), %rdi
    movq RBP(%rax), %rbp
    movq R8(%rax), %r8
    movq R8+8(%rax), %r9
    movq R8+16(%rax), %r10
    movq R8+24(%rax), %r11
    movq R8+32(%rax), %r12
    movq R8+40(%rax), %r13
    movq R8+48(%rax), %r14
    movq R8+56(%rax), %r15
    movq RAX(%rax), %rax
    iretq
    .size ig_signal_fault_tramp, . - ig_signal_fault_tramp

    .section .note.GNU-stack, "", @progbits
