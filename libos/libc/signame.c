/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* signame.c: signal sets and names, System V signal calls, siglongjmp. */
#include <ingot/posix.h>

#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define BIT(sig) (1ull << ((sig)-1))

static int bad(int sig)
{
    return ig_posix_failed(sig < 1 || sig >= NSIG ? -EINVAL : 0);
}

int sigemptyset(sigset_t *set)
{
    *set = 0;
    return 0;
}

int sigfillset(sigset_t *set)
{
    *set = ~(sigset_t)0;
    return 0;
}

int sigaddset(sigset_t *set, int sig)
{
    if (bad(sig))
        return -1;
    *set |= BIT(sig);
    return 0;
}

int sigdelset(sigset_t *set, int sig)
{
    if (bad(sig))
        return -1;
    *set &= ~BIT(sig);
    return 0;
}

int sigismember(const sigset_t *set, int sig)
{
    if (bad(sig))
        return -1;
    return (*set & BIT(sig)) != 0;
}

int sigisemptyset(const sigset_t *set)
{
    return *set == 0;
}

int sigandset(sigset_t *dst, const sigset_t *a, const sigset_t *b)
{
    *dst = *a & *b;
    return 0;
}

int sigorset(sigset_t *dst, const sigset_t *a, const sigset_t *b)
{
    *dst = *a | *b;
    return 0;
}

/* Linux's names and the descriptions its C library prints for them. */
static const struct {
    const char *name, *desc;
} sigs[SIGRTMIN] = {
    [SIGHUP] = {"SIGHUP", "Hangup"},
    [SIGINT] = {"SIGINT", "Interrupt"},
    [SIGQUIT] = {"SIGQUIT", "Quit"},
    [SIGILL] = {"SIGILL", "Illegal instruction"},
    [SIGTRAP] = {"SIGTRAP", "Trace/breakpoint trap"},
    [SIGABRT] = {"SIGABRT", "Aborted"},
    [SIGBUS] = {"SIGBUS", "Bus error"},
    [SIGFPE] = {"SIGFPE", "Floating point exception"},
    [SIGKILL] = {"SIGKILL", "Killed"},
    [SIGUSR1] = {"SIGUSR1", "User defined signal 1"},
    [SIGSEGV] = {"SIGSEGV", "Segmentation fault"},
    [SIGUSR2] = {"SIGUSR2", "User defined signal 2"},
    [SIGPIPE] = {"SIGPIPE", "Broken pipe"},
    [SIGALRM] = {"SIGALRM", "Alarm clock"},
    [SIGTERM] = {"SIGTERM", "Terminated"},
    [SIGSTKFLT] = {"SIGSTKFLT", "Stack fault"},
    [SIGCHLD] = {"SIGCHLD", "Child exited"},
    [SIGCONT] = {"SIGCONT", "Continued"},
    [SIGSTOP] = {"SIGSTOP", "Stopped (signal)"},
    [SIGTSTP] = {"SIGTSTP", "Stopped"},
    [SIGTTIN] = {"SIGTTIN", "Stopped (tty input)"},
    [SIGTTOU] = {"SIGTTOU", "Stopped (tty output)"},
    [SIGURG] = {"SIGURG", "Urgent I/O condition"},
    [SIGXCPU] = {"SIGXCPU", "CPU time limit exceeded"},
    [SIGXFSZ] = {"SIGXFSZ", "File size limit exceeded"},
    [SIGVTALRM] = {"SIGVTALRM", "Virtual timer expired"},
    [SIGPROF] = {"SIGPROF", "Profiling timer expired"},
    [SIGWINCH] = {"SIGWINCH", "Window changed"},
    [SIGIO] = {"SIGIO", "I/O possible"},
    [SIGPWR] = {"SIGPWR", "Power failure"},
    [SIGSYS] = {"SIGSYS", "Bad system call"},
};

static __thread char sigbuf[32];

char *strsignal(int sig)
{
    if (sig > 0 && sig < SIGRTMIN && sigs[sig].desc)
        return (char *)sigs[sig].desc;
    if (sig >= SIGRTMIN && sig <= SIGRTMAX)
        snprintf(sigbuf, sizeof(sigbuf), "Real-time signal %d", sig - SIGRTMIN);
    else
        snprintf(sigbuf, sizeof(sigbuf), "Unknown signal %d", sig);
    return sigbuf;
}

const char *ig_signal_name(int sig)
{
    if (sig > 0 && sig < SIGRTMIN && sigs[sig].name)
        return sigs[sig].name;
    return sig >= SIGRTMIN && sig <= SIGRTMAX ? "SIGRT" : "?";
}

void psignal(int sig, const char *msg)
{
    if (msg && *msg)
        fprintf(stderr, "%s: %s\n", msg, strsignal(sig));
    else
        fprintf(stderr, "%s\n", strsignal(sig));
}

void psiginfo(const siginfo_t *info, const char *msg)
{
    psignal(info->si_signo, msg);
}

/* System V: sigset() and friends, on top of sigaction and the mask. */
_sig_func_ptr sigset(int sig, _sig_func_ptr handler)
{
    return signal(sig, handler);
}

static int mask1(int how, int sig)
{
    sigset_t s = 0;

    if (sigaddset(&s, sig) != 0)
        return -1;
    return sigprocmask(how, &s, NULL);
}

int sighold(int sig)
{
    return mask1(SIG_BLOCK, sig);
}

int sigrelse(int sig)
{
    return mask1(SIG_UNBLOCK, sig);
}

int sigignore(int sig)
{
    return signal(sig, SIG_IGN) == SIG_ERR ? -1 : 0;
}

/* The System V sigpause(): unblocks (sig) while waiting. */
int sigpause(int sig)
{
    sigset_t m;

    if (bad(sig))
        return -1;
    sigprocmask(SIG_BLOCK, NULL, &m);
    sigdelset(&m, sig);
    return sigsuspend(&m);
}

/* sigjmp.S calls this before it becomes setjmp(). */
void ig_sigjmp_save(sigjmp_buf env, int savemask)
{
    env->__saved = savemask;
    if (savemask)
        sigprocmask(SIG_BLOCK, NULL, &env->__mask);
}

void siglongjmp(sigjmp_buf env, int val)
{
    if (env->__saved)
        sigprocmask(SIG_SETMASK, &env->__mask, NULL);
    longjmp(env->__jb, val);
}
