/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* jmp.S: _setjmp and _longjmp, XSI's names for setjmp and longjmp. */

/* Without signal masks they are setjmp and longjmp.  A jump, not a call,
 * so newlib's setjmp sees the caller's return address and stack. */
    .text
    .globl _setjmp
    .type _setjmp, @function
_setjmp:
    jmp setjmp
    .size _setjmp, . - _setjmp

    .globl _longjmp
    .type _longjmp, @function
_longjmp:
    jmp longjmp
    .size _longjmp, . - _longjmp

    .section .note.GNU-stack, "", @progbits
