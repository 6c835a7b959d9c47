/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* faults.c: fault signals become guest crash reports; SIGSYS ends the run. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "tender.h"

#define ALT_STACK_SIZE (64u << 10)
#define REPORT_STACK_SIZE (128u << 10)

/*
 * The guest shares the tender's address space and may write anything it
 * can reach, the boot page included, so the handlers trust no memory it
 * could have changed.  What they need is copied at install time into a
 * page that is then made read-only (the guest's mprotect is confined to
 * its memory region, memory.c):
 * the tender's FS base, the span of the image (where a fault entry may
 * point) and the bounds of the handler's stacks.  Two stacks, each with a
 * PROT_NONE guard page below it: the alternate signal stack, where the
 * kernel delivers the signal, and a report stack on which the guest's
 * fault entry runs.  A fault whose interrupted %rsp lies on either (the
 * kernel writes that into the ucontext, the guest cannot) happened inside
 * the report: the tender then prints its own line and exits, instead of
 * calling the guest again until a stack overflows.
 */
struct fault_state {
    struct ig_pico_boot *boot; /* fault_entry is read and checked; host
                                * signals are ORed into host_signals */
    long stop_timeout;         /* --stop-timeout seconds, -1 for none */
    uint64_t tender_fs;
    int fsgsbase;
    uint64_t image_lo, image_hi;
    uint64_t alt_lo, alt_hi;       /* including the guard page */
    uint64_t report_lo, report_hi; /* including the guard page */
};

/* A page of its own, read-only once filled: its address is a constant of
 * the tender's code, so not even a pointer to it lies in writable memory. */
static union {
    struct fault_state s;
    char page[4096];
} state __attribute__((aligned(4096)));
#define st (&state.s)

/*
 * Both handlers run after the seccomp filter is in place, so they may only
 * use write(2) and exit_group (glibc's _exit); no stdio, no malloc.
 */
struct msg {
    char buf[256];
    size_t n;
};

static void put(struct msg *m, const char *s)
{
    while (*s && m->n < sizeof(m->buf))
        m->buf[m->n++] = *s++;
}

static void put_num(struct msg *m, unsigned long v, int base)
{
    char tmp[24];
    int i = 0;

    if (base == 16)
        put(m, "0x");
    do {
        tmp[i++] = "0123456789abcdef"[v % (unsigned)base];
        v /= (unsigned)base;
    } while (v);
    while (i > 0 && m->n < sizeof(m->buf))
        m->buf[m->n++] = tmp[--i];
}

/* System call numbers are signed: a guest may ask for -1. */
static void put_signed(struct msg *m, long v)
{
    if (v < 0)
        put(m, "-");
    put_num(m, v < 0 ? -(unsigned long)v : (unsigned long)v, 10);
}

static void say(struct msg *m)
{
    ssize_t r = write(STDERR_FILENO, m->buf, m->n);
    (void)r; /* nothing better to do if stderr is gone */
}

/* The guest may have moved the FS base to its own thread's TLS (wrfsbase);
 * glibc reaches its TCB through %fs, so each handler puts the tender's
 * back before calling anything. */
static inline void restore_fs(void)
{
    if (st->fsgsbase)
        __asm__ volatile("wrfsbase %0" : : "r"(st->tender_fs) : "memory");
}

/* Calls the guest's fault entry (fn) with (f) on the report stack and
 * returns its answer (1: resume with the registers in (f)); %rbp 0 ends
 * the guest's backtrace there.  The entry may clobber every register the
 * ABI lets a callee clobber, the SSE ones included. */
static int call_on_report_stack(uint64_t fn, struct ig_pico_fault *f)
{
    int r;

    __asm__ volatile("mov %%rsp, %%r12\n\t"
                     "mov %%rbp, %%r13\n\t"
                     "mov %[stk], %%rsp\n\t"
                     "xor %%ebp, %%ebp\n\t"
                     "call *%[fn]\n\t"
                     "mov %%r12, %%rsp\n\t"
                     "mov %%r13, %%rbp"
                     : "=a"(r), "+D"(f)
                     : [stk] "r"((st->report_hi - 4096) & ~15ull), [fn] "r"(fn)
                     : "rcx", "rdx", "rsi", "r8", "r9", "r10", "r11", "r12",
                       "r13", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5",
                       "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11",
                       "xmm12", "xmm13", "xmm14", "xmm15", "memory", "cc");
    return r;
}

static void on_sigsys(int sig, siginfo_t *si, void *ucv)
{
    const ucontext_t *uc = ucv;
    struct msg m = {.n = 0};
    int nr = si->si_syscall;

    restore_fs();
    (void)sig;
    put(&m, "\ningot-pico: forbidden system call ");
    put_signed(&m, nr);
    if (nr >= 0 && nr < IG_TENDER_SYSNAMES && ig_tender_sysnames[nr]) {
        put(&m, " (");
        put(&m, ig_tender_sysnames[nr]);
        put(&m, ")");
    }
    put(&m, " at RIP ");
    put_num(&m, (unsigned long)uc->uc_mcontext.gregs[REG_RIP], 16);
    put(&m, "; the pico sandbox stopped the image\n");
    say(&m);
    _exit(IG_PICO_STATUS_SYSCALL);
}

static void on_fault(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    greg_t *g = uc->uc_mcontext.gregs;
    uint64_t rsp = (uint64_t)g[REG_RSP], rip = (uint64_t)g[REG_RIP];
    const char *why = " before the guest could report it\n";

    restore_fs();
    /* Read once: the guest may change it meanwhile. */
    uint64_t entry = *(volatile uint64_t *)&st->boot->fault_entry;
    if ((rsp >= st->alt_lo && rsp < st->alt_hi) ||
        (rsp >= st->report_lo && rsp < st->report_hi)) {
        why = " inside the guest's fault report\n";
    } else if (entry && (entry < st->image_lo || entry >= st->image_hi)) {
        why = "; the guest's fault entry is outside its image\n";
    } else if (entry) {
        struct ig_pico_fault *f =
            (struct ig_pico_fault *)(uintptr_t)(st->report_hi - 4096);
        *f = (struct ig_pico_fault){
            .signo = sig,
            .si_code = si->si_code,
            .addr = (uint64_t)(uintptr_t)si->si_addr,
            .trapno = (uint64_t)g[REG_TRAPNO],
            .err = (uint64_t)g[REG_ERR],
            .rip = rip,
            .rsp = rsp,
            .rbp = (uint64_t)g[REG_RBP],
            .rflags = (uint64_t)g[REG_EFL],
            .rax = (uint64_t)g[REG_RAX],
            .rbx = (uint64_t)g[REG_RBX],
            .rcx = (uint64_t)g[REG_RCX],
            .rdx = (uint64_t)g[REG_RDX],
            .rsi = (uint64_t)g[REG_RSI],
            .rdi = (uint64_t)g[REG_RDI],
            .r8 = (uint64_t)g[REG_R8],
            .r9 = (uint64_t)g[REG_R9],
            .r10 = (uint64_t)g[REG_R10],
            .r11 = (uint64_t)g[REG_R11],
            .r12 = (uint64_t)g[REG_R12],
            .r13 = (uint64_t)g[REG_R13],
            .r14 = (uint64_t)g[REG_R14],
            .r15 = (uint64_t)g[REG_R15],
        };
        /* The fault record sits at the top of the report stack, which
         * starts below it.  A guest that returns 1 has a signal handler
         * to run: its %rip, %rsp, rflags and %rdi go into the interrupted
         * context
         * (segment registers stay the kernel's), which the return from
         * this handler resumes, SSE state included; the guest reloads its
         * own thread pointer there. */
        if (call_on_report_stack(entry, f) == 1) {
            restore_fs();
            g[REG_RIP] = (greg_t)f->rip;
            g[REG_RSP] = (greg_t)f->rsp;
            g[REG_EFL] = (greg_t)f->rflags;
            g[REG_RDI] = (greg_t)f->rdi;
            return;
        }
        restore_fs();
        why = "; the guest's fault entry returned\n";
    }
    struct msg m = {.n = 0};
    put(&m, "\ningot-pico: signal ");
    put_num(&m, (unsigned long)sig, 10);
    put(&m, " at RIP ");
    put_num(&m, (unsigned long)rip, 16);
    put(&m, why);
    say(&m);
    _exit(IG_PICO_STATUS_CRASH);
}

/* Maps (len) bytes with a PROT_NONE guard page below them; stores the
 * span, guard included, in (*lo, *hi).  Returns the usable start or NULL. */
static void *map_guarded(size_t len, uint64_t *lo, uint64_t *hi)
{
    char *p = mmap(NULL, len + 4096, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    if (p == MAP_FAILED || mprotect(p, 4096, PROT_NONE) < 0)
        return NULL;
    *lo = (uint64_t)(uintptr_t)p;
    *hi = *lo + len + 4096;
    return p + 4096;
}

/* The kill after --stop-timeout: a message and 128 + SIGKILL, as `ingot
 * run` ends a guest it had to kill. */
static _Noreturn void stop_kill(void)
{
    struct msg m = {.n = 0};

    put(&m, "ingot-pico: the guest did not end within ");
    put_num(&m, (unsigned long)st->stop_timeout, 10);
    put(&m, " s of the signal; killed it (--stop-timeout)\n");
    say(&m);
    _exit(128 + SIGKILL);
}

/*
 * Set by the first host signal once the stop timer runs.  In writable
 * memory, so a guest could clear it and postpone its own end with the
 * next signal; nothing else: SIGKILL from outside still ends it, as it
 * ends any process.
 */
static volatile sig_atomic_t stop_armed;

/* SIGALRM: the stop timer ran out.  One that was not ours (kill -ALRM)
 * ends the run as SIGALRM's default action would. */
static void on_alarm(int sig)
{
    (void)sig;
    restore_fs();
    if (stop_armed)
        stop_kill();
    _exit(128 + SIGALRM);
}

/* Host signals for the guest: recorded in the boot page for
 * ig_plat_signal_take(); the first one but SIGWINCH starts the
 * --stop-timeout timer,
 * with the only timer call the filter allows: alarm(stop_timeout).  An
 * atomic OR and that call: no errno, no TLS, no libc; the page's
 * address comes from the read-only state. */
static void on_host_signal(int sig)
{
    __atomic_fetch_or(&st->boot->host_signals, 1ull << (sig - 1),
                      __ATOMIC_SEQ_CST);
    /* A new terminal size is no request to stop. */
    if (sig == SIGWINCH || st->stop_timeout < 0 || stop_armed)
        return;
    stop_armed = 1;
    if (st->stop_timeout == 0) {
        restore_fs();
        stop_kill();
    }
    long r;
    __asm__ volatile("syscall"
                     : "=a"(r)
                     : "a"((long)SYS_alarm), "D"(st->stop_timeout)
                     : "rcx", "r11", "memory");
    (void)r;
}

int ig_tender_faults_install(struct ig_pico_boot *b, uint64_t image_lo,
                             uint64_t image_hi, long stop_timeout)
{
    static const int fault_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL,
                                        SIGTRAP};
    struct sigaction sa;
    stack_t ss;
    struct fault_state *s = &state.s;

    s->boot = b;
    s->stop_timeout = stop_timeout;
    s->tender_fs = b->tender_fs;
    s->fsgsbase = (b->flags & IG_PICO_F_FSGSBASE) != 0;
    s->image_lo = image_lo;
    s->image_hi = image_hi;
    ss.ss_sp = map_guarded(ALT_STACK_SIZE, &s->alt_lo, &s->alt_hi);
    if (!ss.ss_sp ||
        !map_guarded(REPORT_STACK_SIZE, &s->report_lo, &s->report_hi) ||
        mprotect(&state, sizeof(state), PROT_READ) < 0)
        return -1;
    ss.ss_size = ALT_STACK_SIZE;
    ss.ss_flags = 0;
    if (sigaltstack(&ss, NULL) < 0)
        return -1;

    /* NODEFER: a fault inside the report enters the handler again, which
     * sees it came from the report's stacks and ends the image, instead of
     * the kernel killing the process for a blocked fault signal. */
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof(fault_signals) / sizeof(int); i++)
        if (sigaction(fault_signals[i], &sa, NULL) < 0)
            return -1;
    sa.sa_sigaction = on_sigsys;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    if (sigaction(SIGSYS, &sa, NULL) < 0)
        return -1;
    /* No SA_RESTART: the guest's idle wait (ppoll, clock_nanosleep) ends
     * with EINTR and the guest looks at host_signals. */
    static const int host_signals[] = {SIGINT,  SIGTERM, SIGHUP,
                                       SIGQUIT, SIGUSR1, SIGUSR2};
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_host_signal;
    sa.sa_flags = SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof(host_signals) / sizeof(int); i++)
        if (sigaction(host_signals[i], &sa, NULL) < 0)
            return -1;
    /* A write to a console nobody reads fails with EPIPE, which the guest
     * turns into its own SIGPIPE (its disposition, not the tender's). */
    sa.sa_handler = SIG_IGN;
    if (sigaction(SIGPIPE, &sa, NULL) < 0)
        return -1;
    sa.sa_handler = on_host_signal;
    /* The terminal's size changed (--tty): the guest reads the new one. */
    if ((b->flags & IG_PICO_F_TTY) && sigaction(SIGWINCH, &sa, NULL) < 0)
        return -1;
    if (stop_timeout > 0) {
        sa.sa_handler = on_alarm;
        if (sigaction(SIGALRM, &sa, NULL) < 0)
            return -1;
    }
    return 0;
}
