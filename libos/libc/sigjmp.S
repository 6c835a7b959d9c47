/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sigjmp.S: sigsetjmp(): save the mask, then become setjmp() for the caller. */

/* int sigsetjmp(sigjmp_buf env, int savemask).  The jmp_buf comes first in
 * env, and the tail jump leaves the caller's return address and stack
 * pointer for setjmp() to record, so siglongjmp() returns to our caller. */
    .text
    .globl sigsetjmp
    .globl __sigsetjmp
    .type sigsetjmp, @function
    .type __sigsetjmp, @function
sigsetjmp:
__sigsetjmp:
    pushq %rdi              /* aligns the stack for the call, too */
    call ig_sigjmp_save     /* (env, savemask) */
    popq %rdi
    jmp setjmp
    .size sigsetjmp, . - sigsetjmp
    .size __sigsetjmp, . - __sigsetjmp

    .section .note.GNU-stack, "", @progbits
