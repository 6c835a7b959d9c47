/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* setjmp.h: newlib's, plus POSIX sigsetjmp() and siglongjmp(). */
#ifndef INGOT_SETJMP_H
#define INGOT_SETJMP_H

#include_next <setjmp.h>
#include <signal.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A jmp_buf and, when (savemask) was nonzero, the signal mask to restore. */
typedef struct __ig_sigjmp_buf {
    jmp_buf __jb;
    int __saved;
    sigset_t __mask;
} sigjmp_buf[1];

int sigsetjmp(sigjmp_buf env, int savemask) __attribute__((returns_twice));
int __sigsetjmp(sigjmp_buf env, int savemask) __attribute__((returns_twice));
_Noreturn void siglongjmp(sigjmp_buf env, int val);

#ifdef __cplusplus
}
#endif

#endif /* INGOT_SETJMP_H */
