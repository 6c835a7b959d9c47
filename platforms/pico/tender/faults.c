/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* faults.c: fault signals become guest crash reports; SIGSYS ends the run. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include "tender.h"

#define ALT_STACK_SIZE (64u << 10)

static struct ig_pico_boot *boot;

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
    if (boot && (boot->flags & IG_PICO_F_FSGSBASE))
        __asm__ volatile("wrfsbase %0" : : "r"(boot->tender_fs) : "memory");
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
    const ucontext_t *uc = ucv;
    const greg_t *g = uc->uc_mcontext.gregs;
    restore_fs();
    ig_pico_fault_fn entry = (ig_pico_fault_fn)(uintptr_t)boot->fault_entry;
    struct ig_pico_fault f = {
        .signo = sig,
        .si_code = si->si_code,
        .addr = (uint64_t)(uintptr_t)si->si_addr,
        .trapno = (uint64_t)g[REG_TRAPNO],
        .err = (uint64_t)g[REG_ERR],
        .rip = (uint64_t)g[REG_RIP],
        .rsp = (uint64_t)g[REG_RSP],
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

    /* The guest registers its entry as its first act; a fault before
     * that (or in the tender itself) gets a short report from here. */
    if (entry)
        entry(&f);
    struct msg m = {.n = 0};
    put(&m, "\ningot-pico: signal ");
    put_num(&m, (unsigned long)sig, 10);
    put(&m, " at RIP ");
    put_num(&m, (unsigned long)f.rip, 16);
    put(&m, " before the guest could report it\n");
    say(&m);
    _exit(IG_PICO_STATUS_CRASH);
}

int ig_tender_faults_install(struct ig_pico_boot *b)
{
    static const int fault_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL,
                                        SIGTRAP};
    struct sigaction sa;
    stack_t ss;

    boot = b;
    ss.ss_sp = mmap(NULL, ALT_STACK_SIZE, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (ss.ss_sp == MAP_FAILED)
        return -1;
    ss.ss_size = ALT_STACK_SIZE;
    ss.ss_flags = 0;
    if (sigaltstack(&ss, NULL) < 0)
        return -1;

    /* NODEFER: a fault inside the report re-enters the handler, and the
     * guest's report code then ends the image, instead of the kernel
     * killing the process for a blocked fault signal. */
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
    return 0;
}
