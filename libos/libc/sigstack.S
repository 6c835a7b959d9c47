/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sigstack.S: run a signal handler on the alternate signal stack. */

/* void ig_signal_call_on(void *top, void (*fn)(int, siginfo_t *, void *),
 *                        int sig, siginfo_t *info)
 * Calls fn(sig, info, NULL) with %rsp at (top) (rounded down to 16
 * bytes), then returns on the caller's stack.  The handler's frame links
 * to ours through %rbp, so backtraces cross back to the interrupted
 * code. */
    .text
    .globl ig_signal_call_on
    .type ig_signal_call_on, @function
ig_signal_call_on:
    pushq %rbp
    movq %rsp, %rbp
    andq $-16, %rdi
    movq %rdi, %rsp
    movq %rsi, %rax
    movl %edx, %edi
    movq %rcx, %rsi
    xorl %edx, %edx
    call *%rax
    movq %rbp, %rsp
    popq %rbp
    ret
    .size ig_signal_call_on, . - ig_signal_call_on

    .section .note.GNU-stack, "", @progbits
