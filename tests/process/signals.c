/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* signals.c: POSIX signal calls in one process, compared with Linux. */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "errname.h"

static volatile sig_atomic_t hits[NSIG];
static volatile sig_atomic_t blocked_inside, extra_blocked_inside;
static volatile int info_signo, info_code, info_value, info_pid_ok;
static sigjmp_buf jump;

static void count(int sig)
{
    sigset_t m;

    hits[sig]++;
    sigprocmask(SIG_BLOCK, NULL, &m);
    blocked_inside = sigismember(&m, sig);
    extra_blocked_inside = sigismember(&m, SIGHUP);
}

static void with_info(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    hits[sig]++;
    info_signo = si->si_signo;
    info_code = si->si_code;
    info_value = si->si_value.sival_int;
    info_pid_ok = si->si_pid == getpid();
}

static void jump_out(int sig)
{
    hits[sig]++;
    siglongjmp(jump, sig);
}

static void show(const char *what, int r)
{
    printf("%s: %d", what, r);
    if (r == -1)
        printf(" %s", errname(errno));
    printf("\n");
}

static void install(int sig, void (*fn)(int), int flags)
{
    struct sigaction a;

    memset(&a, 0, sizeof(a));
    a.sa_handler = fn;
    a.sa_flags = flags;
    sigemptyset(&a.sa_mask);
    sigaddset(&a.sa_mask, SIGHUP);
    show("sigaction", sigaction(sig, &a, NULL));
}

static void numbers(void)
{
    printf("SIGHUP %d SIGINT %d SIGQUIT %d SIGABRT %d SIGKILL %d\n", SIGHUP,
           SIGINT, SIGQUIT, SIGABRT, SIGKILL);
    printf("SIGUSR1 %d SIGUSR2 %d SIGPIPE %d SIGALRM %d SIGTERM %d\n", SIGUSR1,
           SIGUSR2, SIGPIPE, SIGALRM, SIGTERM);
    printf("SIGCHLD %d SIGCONT %d SIGSTOP %d SIGTSTP %d SIGWINCH %d\n", SIGCHLD,
           SIGCONT, SIGSTOP, SIGTSTP, SIGWINCH);
    printf("SIGSYS %d SIGRTMIN %d SIGRTMAX %d NSIG %d\n", SIGSYS, SIGRTMIN,
           SIGRTMAX, NSIG);
    printf("SA_SIGINFO %#x SA_RESTART %#x SA_NODEFER %#x SA_RESETHAND %#x "
           "SA_ONSTACK %#x\n",
           SA_SIGINFO, SA_RESTART, SA_NODEFER, (unsigned)SA_RESETHAND,
           SA_ONSTACK);
    printf("SIG_BLOCK %d SIG_UNBLOCK %d SIG_SETMASK %d\n", SIG_BLOCK,
           SIG_UNBLOCK, SIG_SETMASK);
}

static void sets(void)
{
    sigset_t s;

    sigemptyset(&s);
    printf("empty has SIGINT: %d\n", sigismember(&s, SIGINT));
    sigfillset(&s);
    printf("full has SIGRTMAX: %d\n", sigismember(&s, SIGRTMAX));
    show("sigdelset SIGRTMAX", sigdelset(&s, SIGRTMAX));
    printf("has SIGRTMAX: %d\n", sigismember(&s, SIGRTMAX));
    show("sigaddset 0", sigaddset(&s, 0));
    show("sigaddset NSIG", sigaddset(&s, NSIG));
    show("sigismember -1", sigismember(&s, -1));
}

static void names(void)
{
    printf("strsignal SIGTERM: %s\n", strsignal(SIGTERM));
    printf("strsignal SIGUSR2: %s\n", strsignal(SIGUSR2));
    printf("strsignal SIGCHLD: %s\n", strsignal(SIGCHLD));
    printf("strsignal SIGRTMIN+2: %s\n", strsignal(SIGRTMIN + 2));
}

static void errors(void)
{
    struct sigaction a;

    memset(&a, 0, sizeof(a));
    a.sa_handler = count;
    printf("signal SIGKILL is SIG_ERR: %d\n",
           signal(SIGKILL, count) == SIG_ERR);
    printf("errno %s\n", errname(errno));
    show("sigaction SIGSTOP", sigaction(SIGSTOP, &a, NULL));
    show("sigaction 0", sigaction(0, &a, NULL));
    show("sigaction NSIG", sigaction(NSIG, &a, NULL));
    show("sigaction SIGKILL query", sigaction(SIGKILL, NULL, &a));
    printf("SIGKILL disposition is SIG_DFL: %d\n", a.sa_handler == SIG_DFL);
    show("kill self 0", kill(getpid(), 0));
    show("kill self 99", kill(getpid(), 99));
    show("raise -1", raise(-1));
    show("sigprocmask bad how", sigprocmask(99, &a.sa_mask, NULL));
}

static void delivery(void)
{
    sigset_t s, old, pend;

    install(SIGUSR1, count, 0);
    show("raise SIGUSR1", raise(SIGUSR1));
    printf("SIGUSR1 hits %d, blocked inside %d, sa_mask inside %d\n",
           hits[SIGUSR1], blocked_inside, extra_blocked_inside);
    sigprocmask(SIG_BLOCK, NULL, &s);
    printf("after: SIGUSR1 blocked %d SIGHUP blocked %d\n",
           sigismember(&s, SIGUSR1), sigismember(&s, SIGHUP));

    install(SIGUSR2, count, SA_NODEFER | SA_RESETHAND);
    show("kill SIGUSR2", kill(getpid(), SIGUSR2));
    printf("SIGUSR2 hits %d, blocked inside %d\n", hits[SIGUSR2],
           blocked_inside);
    struct sigaction now;
    sigaction(SIGUSR2, NULL, &now);
    printf("SIGUSR2 reset to SIG_DFL: %d\n", now.sa_handler == SIG_DFL);

    /* Blocked: pending until unblocked, then delivered at once. */
    sigemptyset(&s);
    sigaddset(&s, SIGUSR1);
    sigprocmask(SIG_BLOCK, &s, &old);
    raise(SIGUSR1);
    raise(SIGUSR1);
    sigpending(&pend);
    printf("blocked: hits %d, pending %d\n", hits[SIGUSR1],
           sigismember(&pend, SIGUSR1));
    sigprocmask(SIG_SETMASK, &old, NULL);
    sigpending(&pend);
    printf("unblocked: hits %d, pending %d\n", hits[SIGUSR1],
           sigismember(&pend, SIGUSR1));

    /* Ignored by default or on request: nothing happens. */
    show("raise SIGCHLD", raise(SIGCHLD));
    show("raise SIGURG", raise(SIGURG));
    show("raise SIGWINCH", raise(SIGWINCH));
    printf("signal SIGTERM SIG_IGN was SIG_DFL: %d\n",
           signal(SIGTERM, SIG_IGN) == SIG_DFL);
    show("raise SIGTERM ignored", raise(SIGTERM));
    printf("signal SIGTERM back, was SIG_IGN: %d\n",
           signal(SIGTERM, SIG_DFL) == SIG_IGN);

    /* Ignoring a pending signal discards it. */
    sigprocmask(SIG_BLOCK, &s, &old);
    raise(SIGUSR1);
    signal(SIGUSR1, SIG_IGN);
    sigpending(&pend);
    printf("ignored while pending: pending %d\n", sigismember(&pend, SIGUSR1));
    sigprocmask(SIG_SETMASK, &old, NULL);
}

static void info(void)
{
    struct sigaction a;

    memset(&a, 0, sizeof(a));
    a.sa_sigaction = with_info;
    a.sa_flags = SA_SIGINFO;
    sigaction(SIGRTMIN, &a, NULL);
    kill(getpid(), SIGRTMIN);
    printf("siginfo: signo %d code %d pid is ours %d\n", info_signo - SIGRTMIN,
           info_code, info_pid_ok);
    sigqueue(getpid(), SIGRTMIN, (union sigval){.sival_int = 42});
    printf("sigqueue: code %d value %d\n", info_code, info_value);
}

static void waits(void)
{
    sigset_t s, empty;
    int sig = 0;
    struct timespec zero = {0, 0};

    signal(SIGUSR1, count);
    sigemptyset(&s);
    sigaddset(&s, SIGUSR1);
    sigaddset(&s, SIGUSR2);
    sigprocmask(SIG_BLOCK, &s, NULL);
    int before = hits[SIGUSR1];
    raise(SIGUSR1);
    sigemptyset(&empty);
    show("sigsuspend", sigsuspend(&empty));
    printf("sigsuspend ran the handler: %d\n", hits[SIGUSR1] - before);

    before = hits[SIGUSR2];
    raise(SIGUSR2);
    printf("sigwait: %d", sigwait(&s, &sig));
    printf(" sig %d, handler hits %d\n", sig, hits[SIGUSR2] - before);
    show("sigtimedwait nothing", sigtimedwait(&s, NULL, &zero));
    raise(SIGUSR1);
    siginfo_t si;
    show("sigtimedwait pending", sigtimedwait(&s, &si, &zero));
    printf("si_signo %d\n", si.si_signo);
    sigprocmask(SIG_UNBLOCK, &s, NULL);
}

static void jumps(void)
{
    sigset_t m;
    int r;

    signal(SIGUSR1, jump_out);
    if ((r = sigsetjmp(jump, 1)) == 0) {
        raise(SIGUSR1);
        printf("not reached\n");
    }
    sigprocmask(SIG_BLOCK, NULL, &m);
    printf("siglongjmp returned %d, SIGUSR1 blocked after %d\n", r,
           sigismember(&m, SIGUSR1));
}

static void altstack(void)
{
    static char mem[SIGSTKSZ];
    stack_t ss = {.ss_sp = mem, .ss_size = 1024, .ss_flags = 0}, old;

    show("sigaltstack small", sigaltstack(&ss, NULL));
    ss.ss_size = sizeof(mem);
    show("sigaltstack", sigaltstack(&ss, &old));
    printf("old disabled %d\n", (old.ss_flags & SS_DISABLE) != 0);
    show("sigaltstack query", sigaltstack(NULL, &old));
    printf("now: size ok %d flags %d\n", old.ss_size == sizeof(mem),
           old.ss_flags);
    ss.ss_flags = SS_DISABLE;
    show("sigaltstack disable", sigaltstack(&ss, NULL));
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    numbers();
    sets();
    names();
    errors();
    delivery();
    info();
    waits();
    jumps();
    altstack();
    printf("signals: done\n");
    return 0;
}
