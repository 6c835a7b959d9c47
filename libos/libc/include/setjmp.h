/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* setjmp.h: newlib's setjmp plus the XSI _setjmp and _longjmp. */
#ifndef INGOT_SETJMP_H
#define INGOT_SETJMP_H

#include_next <setjmp.h>

#ifdef __cplusplus
extern "C" {
#endif

/* There are no signal masks to save, so these are setjmp and longjmp
 * under their XSI names (libos/libc/jmp.S). */
int _setjmp(jmp_buf env) __attribute__((__returns_twice__));
void _longjmp(jmp_buf env, int val) __attribute__((__noreturn__));

#ifdef __cplusplus
}
#endif

#endif /* INGOT_SETJMP_H */
