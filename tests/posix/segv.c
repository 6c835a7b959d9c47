/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* segv.c: protections that fault, and the faults a SIGSEGV handler sees
 * (fix and retry, guard pages that grow a buffer, siglongjmp out, the
 * alternate stack); differential.  With the argument "crash": a write to
 * a read-only page without a handler, for the crash report. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

/* A faulting access must happen before what the handler set is read. */
#define BARRIER() __asm__ volatile("" ::: "memory")

static size_t pg;
static char *area, *guard, *limit;
static volatile int faults, code;
static volatile uintptr_t addr_off;
static sigjmp_buf back;
static volatile int jump;
static volatile int contexts, contexts_ok;

/* Unlocks the faulting page, or moves the guard one page up while the
 * buffer may grow, or jumps out. */
static void on_segv(int sig, siginfo_t *si, void *uc)
{
    char *a = si->si_addr;
    const ucontext_t *u = uc;

    /* The interrupted registers, as Linux gives them (gnulib's c-stack
     * reads REG_RSP to tell a stack overflow). */
    contexts++;
    if (u && u->uc_mcontext.gregs[REG_CR2] == (greg_t)(uintptr_t)a &&
        u->uc_mcontext.gregs[REG_RIP] != 0 &&
        u->uc_mcontext.gregs[REG_RSP] != 0 && u->uc_mcontext.fpregs)
        contexts_ok++;
    faults++;
    code = si->si_code;
    addr_off = (uintptr_t)(a - area);
    if (jump)
        siglongjmp(back, sig);
    if (a >= guard && a < guard + pg && guard + pg < limit) {
        mprotect(guard, pg, RW);
        guard += pg;
        mprotect(guard, pg, PROT_NONE);
        return;
    }
    mprotect((void *)((uintptr_t)a & ~(pg - 1)), pg, RW);
}

static const char *code_name(int c)
{
    return c == SEGV_ACCERR   ? "SEGV_ACCERR"
           : c == SEGV_MAPERR ? "SEGV_MAPERR"
                              : "other";
}

static int crash(void)
{
    char *p = mmap(NULL, pg, PROT_READ, ANON, -1, 0);

    printf("segv: writing to a read-only page\n");
    fflush(stdout);
    p[0] = 1;
    printf("segv: not stopped\n");
    return 0;
}

int main(int argc, char **argv)
{
    struct sigaction sa;

    setvbuf(stdout, NULL, _IOLBF, 0);
    pg = (size_t)sysconf(_SC_PAGESIZE);
    if (argc > 1 && strcmp(argv[1], "crash") == 0)
        return crash();
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    area = mmap(NULL, 16 * pg, RW, ANON, -1, 0);

    /* A read-only page: the write faults, the handler unlocks it, the
     * write happens. */
    area[pg] = 'a';
    mprotect(area + pg, pg, PROT_READ);
    printf("read-only page reads: %c, faults %d\n", area[pg], faults);
    area[pg + 5] = 'b';
    BARRIER();
    printf("write after the handler: %c, faults %d, %s at +%lu\n", area[pg + 5],
           faults, code_name(code), (unsigned long)addr_off);

    /* PROT_NONE faults on reading too. */
    mprotect(area + 2 * pg, pg, PROT_NONE);
    volatile char c = area[2 * pg + 7];
    BARRIER();
    printf("PROT_NONE read: %d, faults %d, %s at +%lu\n", c, faults,
           code_name(code), (unsigned long)addr_off);

    /* A buffer that grows behind a guard page: 10 pages written one byte
     * at a time, the handler moving the guard up each time it is hit. */
    faults = 0;
    guard = area + 4 * pg;
    limit = area + 15 * pg;
    mprotect(guard, pg, PROT_NONE);
    for (size_t i = 0; i < 10 * pg; i++)
        area[3 * pg + i] = (char)i;
    BARRIER();
    long sum = 0;
    for (size_t i = 0; i < 10 * pg; i++)
        sum += (unsigned char)area[3 * pg + i];
    printf("grown by guard faults: %d, sum %ld\n", faults, sum);

    /* siglongjmp out of the handler; the signal mask comes back. */
    jump = 1;
    mprotect(area, pg, PROT_READ);
    if (sigsetjmp(back, 1) == 0) {
        area[3] = 1;
        printf("not reached\n");
    } else {
        sigset_t now;
        sigprocmask(SIG_BLOCK, NULL, &now);
        printf("jumped out: %s at +%lu, SIGSEGV blocked %d\n", code_name(code),
               (unsigned long)addr_off, sigismember(&now, SIGSEGV));
    }
    jump = 0;

    /* The handler on an alternate stack. */
    stack_t ss = {.ss_sp = malloc(64 * 1024), .ss_size = 64 * 1024};
    sigaltstack(&ss, NULL);
    sa.sa_flags |= SA_ONSTACK;
    sigaction(SIGSEGV, &sa, NULL);
    area[4] = 'z';
    BARRIER();
    printf("on the alternate stack: %c, %s\n", area[4], code_name(code));

    /* munmap of a protected page, then mapping again: read/write. */
    mprotect(area + 8 * pg, pg, PROT_READ);
    munmap(area, 16 * pg);
    faults = 0;
    char *again = mmap(NULL, 16 * pg, RW, ANON, -1, 0);
    memset(again, 1, 16 * pg);
    printf("mapped again: faults %d\n", faults);
    printf("handler contexts with registers: %s\n",
           contexts && contexts == contexts_ok ? "all" : "not all");
    printf("segv: done\n");
    return 0;
}
