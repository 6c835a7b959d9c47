/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* switch.S: the context switch between threads. */

/*
 * void ig_arch_switch(uint64_t *save, uint64_t rsp)
 *
 * The SysV ABI lets a callee clobber everything but rbx, rbp, r12-r15, so
 * those are all a switch between two calls has to keep, plus the control
 * parts of the FPU state (MXCSR, x87 control word), which the ABI says are
 * callee-saved too.  The frame, from the top: return address, rbp, rbx,
 * r12-r15, then 8 bytes holding MXCSR (low 4) and the x87 CW (next 2).
 */
    .text
    .globl ig_arch_switch
    .type ig_arch_switch, @function
ig_arch_switch:
    pushq %rbp
    pushq %rbx
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    subq $8, %rsp
    stmxcsr (%rsp)
    fnstcw 4(%rsp)
    movq %rsp, (%rdi)
    movq %rsi, %rsp
    ldmxcsr (%rsp)
    fldcw 4(%rsp)
    addq $8, %rsp
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbx
    popq %rbp
    ret
    .size ig_arch_switch, . - ig_arch_switch

/* A new thread's first switch "returns" here with %rsp 16-byte aligned;
 * rbp = 0 ends backtraces at the thread's first frame. */
    .globl ig_arch_thread_entry
    .type ig_arch_thread_entry, @function
ig_arch_thread_entry:
    xorl %ebp, %ebp
    call ig_sched_thread_main
    ud2
    .size ig_arch_thread_entry, . - ig_arch_thread_entry

    .section .note.GNU-stack, "", @progbits
