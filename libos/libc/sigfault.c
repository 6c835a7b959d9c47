/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sigfault.c: CPU faults delivered to the program's signal handlers. */
#include <ingot/mm.h>
#include <ingot/panic.h>
#include <ingot/plat.h>
#include <ingot/sched.h>

#include <stddef.h>
#include <string.h>
#include <sys/ucontext.h>

#include "signal_internal.h"

/*
 * As on Linux, a fault (a write to a read-only page, a guard page, a
 * division by zero) runs the handler of its signal on the faulting
 * thread, with the handler's frame pushed below the interrupted stack
 * pointer (or at the top of the alternate stack, SA_ONSTACK).  The
 * platform resumes the rewritten context in the trampoline
 * (sigfault.S), which saves the SSE state, calls ig_signal_fault_run(),
 * restores everything and returns to the faulting instruction, which
 * runs again: a handler that fixed the cause (mprotect) sees the program
 * go on; one that did not faults again.  A handler may also leave with
 * siglongjmp().  A signal that is blocked, ignored or has no handler,
 * and a fault with no room for the frame (a stack overflow without an
 * alternate stack), give the crash report.
 */
#define BIT(sig) (1ull << ((sig)-1))
#define RED_ZONE 128

struct ig_sigframe {
    unsigned char fx[512]; /* fxsave area: first, 64-aligned */
    struct ig_fault ctx;   /* the interrupted context */
    siginfo_t info;
    int sig;
};

/* sigfault.S's offsets. */
_Static_assert(offsetof(struct ig_sigframe, ctx) == 512, "frame layout");
_Static_assert(offsetof(struct ig_fault, rip) == 32, "fault layout");
_Static_assert(offsetof(struct ig_fault, r15) == 168, "fault layout");

void ig_signal_fault_tramp(void);

/* The signal and its si_code for (f), as Linux raises them; 0 for none. */
static int signal_of(const struct ig_fault *f, siginfo_t *info)
{
    int sig = 0, code = SI_KERNEL;
    void *addr = (void *)(uintptr_t)f->rip;
    int v = f->vector < 0 ? -f->vector : f->vector;

    if (f->vector == 14 || (f->vector == -SIGSEGV && f->has_error_code)) {
        sig = SIGSEGV;
        code = (f->error_code & 1) ? SEGV_ACCERR : SEGV_MAPERR;
        addr = (void *)(uintptr_t)f->fault_addr;
    } else if (f->vector < 0) {
        sig = v;
        code = sig == SIGSEGV  ? SEGV_MAPERR
               : sig == SIGBUS ? BUS_ADRERR
               : sig == SIGFPE ? FPE_INTDIV
               : sig == SIGILL ? ILL_ILLOPN
                               : TRAP_BRKPT;
        if (sig == SIGSEGV || sig == SIGBUS)
            addr = (void *)(uintptr_t)f->fault_addr;
    } else if (v == 13) {
        sig = SIGSEGV;
        addr = NULL;
    } else if (v == 0) {
        sig = SIGFPE;
        code = FPE_INTDIV;
    } else if (v == 16 || v == 19) {
        sig = SIGFPE;
        code = FPE_FLTINV;
    } else if (v == 6) {
        sig = SIGILL;
        code = ILL_ILLOPN;
    } else if (v == 1 || v == 3) {
        sig = SIGTRAP;
        code = v == 1 ? TRAP_TRACE : SI_KERNEL;
    } else if (v == 12 || v == 17) {
        sig = SIGBUS;
        code = v == 17 ? BUS_ADRALN : SI_KERNEL;
    }
    if (sig != SIGSEGV && sig != SIGBUS && sig != SIGFPE && sig != SIGILL &&
        sig != SIGTRAP)
        return 0;
    memset(info, 0, sizeof(*info));
    info->si_signo = sig;
    info->si_code = code;
    info->si_addr = addr;
    return sig;
}

/* Whether the frame may go to [lo, hi): the running thread's stack, or
 * memory the page map has in use and unprotected (a stack the program
 * made itself, in the heap or a mapping). */
static int room(uintptr_t lo, uintptr_t hi)
{
    uintptr_t slo, shi;

    ig_stack_current(&slo, &shi);
    return (lo >= slo && hi <= shi) || ig_mm_usable(lo, hi - lo);
}

int ig_signal_fault(struct ig_fault *f)
{
    siginfo_t info;

    /* The pico tender calls us with its own thread pointer. */
    ig_sched_tls_reload();
    int sig = signal_of(f, &info);
    if (!sig)
        return 0;
    const struct sigaction *a = ig_signal_action(sig);
    if (a->sa_handler == SIG_DFL || a->sa_handler == SIG_IGN ||
        (*ig_signal_thread_mask() & BIT(sig)))
        return 0;
    const stack_t *alt = ig_signal_thread_altstack();
    uintptr_t alo = (uintptr_t)alt->ss_sp, ahi = alo + alt->ss_size;
    uintptr_t top = f->rsp - RED_ZONE;
    if ((a->sa_flags & SA_ONSTACK) && !(alt->ss_flags & SS_DISABLE) &&
        !(f->rsp > alo && f->rsp <= ahi))
        top = ahi;
    uintptr_t at = (top - sizeof(struct ig_sigframe)) & ~(uintptr_t)63;
    if (top < sizeof(struct ig_sigframe) + 64 || !room(at, top))
        return 0;
    struct ig_sigframe *fr = (struct ig_sigframe *)at;
    fr->ctx = *f;
    fr->info = info;
    fr->sig = sig;
    f->rip = (uintptr_t)ig_signal_fault_tramp;
    f->rsp = at;
    f->rdi = at;
    f->rflags &= ~((1ull << 8) | (1ull << 10)); /* TF, DF: the ABI's */
    return 1;
}

/* The handler's third argument: the interrupted registers in Linux's
 * layout, the saved SSE state, the alternate stack and the mask before. */
static void fill_context(ucontext_t *uc, struct ig_sigframe *fr, uint64_t mask)
{
    const struct ig_fault *f = &fr->ctx;
    greg_t *g = uc->uc_mcontext.gregs;

    memset(uc, 0, sizeof(*uc));
    g[REG_R8] = (greg_t)f->r8;
    g[REG_R9] = (greg_t)f->r9;
    g[REG_R10] = (greg_t)f->r10;
    g[REG_R11] = (greg_t)f->r11;
    g[REG_R12] = (greg_t)f->r12;
    g[REG_R13] = (greg_t)f->r13;
    g[REG_R14] = (greg_t)f->r14;
    g[REG_R15] = (greg_t)f->r15;
    g[REG_RDI] = (greg_t)f->rdi;
    g[REG_RSI] = (greg_t)f->rsi;
    g[REG_RBP] = (greg_t)f->rbp;
    g[REG_RBX] = (greg_t)f->rbx;
    g[REG_RDX] = (greg_t)f->rdx;
    g[REG_RAX] = (greg_t)f->rax;
    g[REG_RCX] = (greg_t)f->rcx;
    g[REG_RSP] = (greg_t)f->rsp;
    g[REG_RIP] = (greg_t)f->rip;
    g[REG_EFL] = (greg_t)f->rflags;
    g[REG_ERR] = (greg_t)f->error_code;
    g[REG_TRAPNO] = f->vector;
    g[REG_CR2] = (greg_t)f->fault_addr;
    uc->uc_mcontext.fpregs = (fpregset_t)(void *)fr->fx;
    uc->uc_stack = *ig_signal_thread_altstack();
    uc->uc_sigmask = (sigset_t)mask;
}

/* The trampoline's C part, on the frame's stack with the SSE state saved:
 * runs the handler as signal.c's act() would, then returns to have the
 * interrupted context restored. */
void ig_signal_fault_run(struct ig_sigframe *fr)
{
    ig_sched_tls_reload();
    uint64_t *mask = ig_signal_thread_mask(), saved = *mask;
    struct sigaction *act = ig_signal_action(fr->sig), a = *act;

    /* The disposition may have changed since the fault was taken. */
    if (a.sa_handler == SIG_DFL || a.sa_handler == SIG_IGN)
        ig_fault_report(&fr->ctx);
    if (a.sa_flags & SA_RESETHAND)
        act->sa_handler = SIG_DFL;
    *mask |= a.sa_mask | ((a.sa_flags & SA_NODEFER) ? 0 : BIT(fr->sig));
    *mask &= ~(BIT(SIGKILL) | BIT(SIGSTOP));
    if (a.sa_flags & SA_SIGINFO) {
        ucontext_t uc;
        fill_context(&uc, fr, saved);
        a.sa_sigaction(fr->sig, &fr->info, &uc);
    } else
        a.sa_handler(fr->sig);
    *mask = saved;
}
