/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/ucontext.h: Linux's x86_64 machine context for SA_SIGINFO handlers. */
#ifndef INGOT_SYS_UCONTEXT_H
#define INGOT_SYS_UCONTEXT_H

#include <signal.h>

/*
 * The third argument of an SA_SIGINFO handler of a fault (SIGSEGV,
 * SIGBUS, SIGFPE, SIGILL, SIGTRAP) points to a ucontext_t laid out as
 * Linux's: the registers at the fault in uc_mcontext.gregs (REG_RIP,
 * REG_RSP, REG_CR2 ... as glibc numbers them), the SSE state (fxsave) at
 * uc_mcontext.fpregs, the alternate stack and the mask before the
 * handler.  They are a report: changing them does not change where the
 * program resumes.  getcontext() and friends are not provided.
 */
typedef long long greg_t;
#define NGREG 23
typedef greg_t gregset_t[NGREG];

enum {
    REG_R8 = 0,
    REG_R9,
    REG_R10,
    REG_R11,
    REG_R12,
    REG_R13,
    REG_R14,
    REG_R15,
    REG_RDI,
    REG_RSI,
    REG_RBP,
    REG_RBX,
    REG_RDX,
    REG_RAX,
    REG_RCX,
    REG_RSP,
    REG_RIP,
    REG_EFL,
    REG_CSGSFS,
    REG_ERR,
    REG_TRAPNO,
    REG_OLDMASK,
    REG_CR2
};

struct _libc_fpxreg {
    unsigned short significand[4];
    unsigned short exponent;
    unsigned short __glibc_reserved1[3];
};

struct _libc_xmmreg {
    unsigned int element[4];
};

/* The fxsave image: 512 bytes. */
struct _libc_fpstate {
    unsigned short cwd, swd, ftw, fop;
    unsigned long long rip, rdp;
    unsigned int mxcsr, mxcr_mask;
    struct _libc_fpxreg _st[8];
    struct _libc_xmmreg _xmm[16];
    unsigned int __glibc_reserved1[24];
};
typedef struct _libc_fpstate *fpregset_t;

typedef struct {
    gregset_t gregs;
    fpregset_t fpregs;
    unsigned long long __reserved1[8];
} mcontext_t;

typedef struct ucontext_t {
    unsigned long uc_flags;
    struct ucontext_t *uc_link;
    stack_t uc_stack;
    mcontext_t uc_mcontext;
    sigset_t uc_sigmask;
    struct _libc_fpstate __fpregs_mem;
    unsigned long long __ssp[4];
} ucontext_t;

#endif /* INGOT_SYS_UCONTEXT_H */
