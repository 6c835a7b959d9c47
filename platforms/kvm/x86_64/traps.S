/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* traps.S: exception entry stubs for vectors 0..31, saving every register. */
#include "traps.h"

/*
 * The IDT sends all 32 vectors to IST1 (cpu.c), so these run on the trap
 * stack whatever state the interrupted stack is in.  Each stub makes the
 * frame uniform (a zero error code where the CPU pushes none) and adds its
 * vector; the common part saves the GPRs in struct ig_arch_trap_frame order.
 */
    .text
.macro STUB vec
    .balign 16
stub_\vec:
    .if !((IG_ARCH_ERRCODE_VECTORS >> \vec) & 1)
    pushq $0
    .endif
    pushq $\vec
    jmp trap_common
.endm

.altmacro
.macro STUBS from, to
    STUB \from
    .if \to - \from
    STUBS %(\from + 1), \to
    .endif
.endm
.macro STUB_ADDR vec
    .quad stub_\vec
.endm
.macro STUB_ADDRS from, to
    STUB_ADDR \from
    .if \to - \from
    STUB_ADDRS %(\from + 1), \to
    .endif
.endm

    STUBS 0, 31

trap_common:
    pushq %rax
    pushq %rbx
    pushq %rcx
    pushq %rdx
    pushq %rsi
    pushq %rdi
    pushq %rbp
    pushq %r8
    pushq %r9
    pushq %r10
    pushq %r11
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    cld
    movq %rsp, %rdi
    movq %rsp, %rbx /* callee-saved: the frame after the call */
    /* The SSE state too: the C code below may use those registers, and
     * a fault a signal handler takes returns to the interrupted code. */
    subq $512, %rsp
    andq $-64, %rsp /* fxsave's alignment, and the ABI's */
    fxsave (%rsp)
    call ig_arch_trap
    fxrstor (%rsp)
    movq %rbx, %rsp
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %r11
    popq %r10
    popq %r9
    popq %r8
    popq %rbp
    popq %rdi
    popq %rsi
    popq %rdx
    popq %rcx
    popq %rbx
    popq %rax
    addq $16, %rsp /* vector, error code */
    iretq

    .section .rodata.ig_arch_trap_stubs, "a"
    .balign 8
    .globl ig_arch_trap_stubs
ig_arch_trap_stubs:
    STUB_ADDRS 0, 31

    .section .note.GNU-stack, "", @progbits
