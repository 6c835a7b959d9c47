/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* signal.c: dispositions, masks, pending signals and their delivery. */
#include <ingot/console.h>
#include <ingot/panic.h>
#include <ingot/plat.h>
#include <ingot/posix.h>
#include <ingot/sched.h>
#include <ingot/signal.h>

#include <pthread.h>
#include <signal.h>
#include <string.h>

#include "signal_internal.h"

#define BIT(sig) (1ull << ((sig)-1))
#define UNBLOCKABLE (BIT(SIGKILL) | BIT(SIGSTOP))
/* Linux's default actions: these are ignored, every other signal ends the
 * image.  Stop signals are ignored too: an image has no job control. */
#define DEFAULT_IGNORED                                                        \
    (BIT(SIGCHLD) | BIT(SIGURG) | BIT(SIGWINCH) | BIT(SIGCONT) |               \
     BIT(SIGSTOP) | BIT(SIGTSTP) | BIT(SIGTTIN) | BIT(SIGTTOU))

static struct sigaction actions[NSIG];
static uint64_t pending;             /* process-wide, one of each */
static siginfo_t pending_info[NSIG]; /* what SA_SIGINFO handlers see */
static __thread uint64_t mask;       /* each thread's blocked set */
static struct ig_waitq sig_waiters;  /* sigsuspend, sigwait, pause */
/* Each thread's alternate signal stack, and whether a handler is running
 * on it (sigaltstack() then reports SS_ONSTACK and refuses changes). */
static __thread stack_t alt_stack = {.ss_flags = SS_DISABLE};
static __thread int on_alt_stack;

/* sigstack.S: calls (fn)(sig, info, NULL) with the stack at (top). */
void ig_signal_call_on(void *top, void (*fn)(int, siginfo_t *, void *), int sig,
                       siginfo_t *info);

static int ignored(int sig)
{
    _sig_func_ptr h = actions[sig].sa_handler;

    return h == SIG_IGN || (h == SIG_DFL && (DEFAULT_IGNORED & BIT(sig)));
}

_Noreturn void ig_signal_die(int sig)
{
    char line[64];
    /* The library OS's formatter: snprintf would link newlib's floating
     * point printf into every image. */
    int n =
        ig_snprintk(line, sizeof(line), "ingot: terminated by signal %d (%s)\n",
                    sig, ig_signal_name(sig));

    if (n > (int)sizeof(line) - 1)
        n = (int)sizeof(line) - 1;
    ig_plat_stderr_write(line, (size_t)n);
    ig_plat_exit(128 + sig);
}

static void fill_info(siginfo_t *info, int sig)
{
    *info = pending_info[sig];
}

/* Runs the action of (sig), already taken off the pending set, in the
 * running thread.  Returns 1 when a handler ran, 2 when it ran without
 * SA_RESTART (a blocking call it interrupted fails with EINTR), else 0. */
static int act(int sig)
{
    struct sigaction a = actions[sig];
    uint64_t saved = mask;
    siginfo_t info;

    if (a.sa_handler == SIG_IGN)
        return 0;
    if (a.sa_handler == SIG_DFL) {
        if (DEFAULT_IGNORED & BIT(sig))
            return 0;
        ig_signal_die(sig);
    }
    if (a.sa_flags & SA_RESETHAND)
        actions[sig].sa_handler = SIG_DFL;
    mask |= a.sa_mask | ((a.sa_flags & SA_NODEFER) ? 0 : BIT(sig));
    mask &= ~UNBLOCKABLE;
    fill_info(&info, sig);
    if ((a.sa_flags & SA_ONSTACK) && !(alt_stack.ss_flags & SS_DISABLE) &&
        !on_alt_stack) {
        /* A handler (int) ignores the two arguments more it is passed. */
        stack_t alt = alt_stack;
        if (alt.ss_flags & SS_AUTODISARM)
            alt_stack = (stack_t){.ss_flags = SS_DISABLE};
        else
            on_alt_stack = 1;
        ig_signal_call_on((char *)alt.ss_sp + alt.ss_size,
                          (a.sa_flags & SA_SIGINFO)
                              ? a.sa_sigaction
                              : (void (*)(int, siginfo_t *, void *))(
                                    void (*)(void))a.sa_handler,
                          sig, &info);
        on_alt_stack = 0;
        alt_stack = alt; /* as Linux's sigreturn puts it back */
    } else if (a.sa_flags & SA_SIGINFO) {
        a.sa_sigaction(sig, &info, NULL);
    } else {
        a.sa_handler(sig);
    }
    mask = saved;
    return (a.sa_flags & SA_RESTART) ? 1 : 2;
}

int ig_signal_deliver(void)
{
    int ran = 0;

    while (pending & ~mask) {
        int sig = __builtin_ctzll(pending & ~mask) + 1;
        pending &= ~BIT(sig);
        int r = act(sig);
        if (r > ran)
            ran = r;
    }
    return ran;
}

int ig_signal_post_info(const siginfo_t *info)
{
    int sig = info->si_signo;

    if (sig < 1 || sig >= NSIG)
        return -EINVAL;
    if (ignored(sig))
        return 0;
    pending |= BIT(sig);
    pending_info[sig] = *info;
    ig_waitq_wake_all(&sig_waiters);
    ig_sched_interrupt();
    return 0;
}

int ig_signal_post(int sig, int code, const union sigval *value)
{
    siginfo_t info;

    memset(&info, 0, sizeof(info));
    info.si_signo = sig;
    info.si_code = code;
    if (code <= 0 && code != SI_TIMER) /* sent by the process itself */
        info.si_pid = getpid();
    if (value)
        info.si_value = *value;
    return ig_signal_post_info(&info);
}

int ig_signal_is_pending(int sig)
{
    return sig > 0 && sig < NSIG && (pending & BIT(sig));
}

int ig_signal_unblocked_pending(void)
{
    return (pending & ~mask) != 0;
}

/*
 * Host signals (plat.h): taken whenever the scheduler looks for work, so a
 * signal `ingot run` received reaches the image within a millisecond of
 * busy time or at once when it idles.  A handler does not run here (this
 * is inside the scheduler, perhaps under a lock the handler wants): the
 * signal becomes pending and wakes sigsuspend/pause/sigwait/sleep.  A
 * default action that ends the image does so at once, unless the thread
 * here blocks the signal.
 */
static uint64_t host_signals(void)
{
    int sig;

    while ((sig = ig_plat_signal_take()) != 0) {
        ig_signal_post(sig, SI_USER, NULL);
        if ((pending & BIT(sig) & ~mask) && actions[sig].sa_handler == SIG_DFL)
            ig_signal_die(sig);
    }
    return UINT64_MAX;
}

static int send_self(int sig, int code, union sigval value);

static int raise_r(int sig)
{
    return send_self(sig, SI_TKILL, (union sigval){0});
}

static const struct ig_sched_signals sched_signals = {
    .pending = ig_signal_unblocked_pending,
    .deliver = ig_signal_deliver,
    .raise = raise_r,
};

void ig_signal_init(void)
{
    ig_sched_set_idle_hook(host_signals);
    ig_sched_set_signals(&sched_signals);
}

/* The waits for signals (sleeps, sigsuspend, sigwait) are cancellation
 * points: a cancel request ends them (pthread_cancel()). */
static int sig_wait(uint64_t deadline)
{
    int r = ig_waitq_wait_intr(&sig_waiters, deadline);

    if (r == -IG_ERESTART)
        ig_sched_testcancel();
    return r;
}

int ig_signal_sleep_until(uint64_t deadline)
{
    ig_sched_testcancel();
    for (;;) {
        if (ig_signal_deliver())
            return -EINTR;
        if (ig_plat_clock_monotonic() >= deadline)
            return 0;
        sig_wait(deadline);
    }
}

/* Generation by the program itself: delivered before the call returns when
 * the calling thread does not block it (POSIX kill(2) and raise(3)). */
static int send_self(int sig, int code, union sigval value)
{
    if (sig < 0 || sig >= NSIG)
        return -EINVAL;
    if (sig == 0)
        return 0;
    ig_signal_post(sig, code, &value);
    ig_signal_deliver();
    return 0;
}

int raise(int sig)
{
    return (int)ig_posix_ret(send_self(sig, SI_TKILL, (union sigval){0}));
}

/* The image is process 1, the leader of its own process group, and the only
 * process: pid 0 and -1 reach it, pgrp 1 is its group. */
int kill(pid_t pid, int sig)
{
    if (pid != getpid() && pid != 0 && pid != -1)
        return (int)ig_posix_ret(sig < 0 || sig >= NSIG ? -EINVAL : -ESRCH);
    return (int)ig_posix_ret(send_self(sig, SI_USER, (union sigval){0}));
}

int killpg(pid_t pgrp, int sig)
{
    if (pgrp < 0)
        return (int)ig_posix_ret(-EINVAL);
    return kill(pgrp == 0 ? 0 : (pgrp == getpid() ? getpid() : -2), sig);
}

int sigqueue(pid_t pid, int sig, const union sigval value)
{
    if (pid != getpid())
        return (int)ig_posix_ret(sig < 0 || sig >= NSIG ? -EINVAL : -ESRCH);
    return (int)ig_posix_ret(send_self(sig, SI_QUEUE, value));
}

void abort(void)
{
    sigset_t abrt = BIT(SIGABRT);

    /* A handler runs once; if it returns, the default action ends the
     * image (POSIX: abort() does not return).  The disposition is reset
     * directly: sigaction() would link fault delivery into every image. */
    sigprocmask(SIG_UNBLOCK, &abrt, NULL);
    raise(SIGABRT);
    actions[SIGABRT] = (struct sigaction){.sa_handler = SIG_DFL};
    raise(SIGABRT);
    ig_signal_die(SIGABRT);
}

/* Another thread's signal is the process's: the first thread to reach a
 * safe point with it unblocked runs it. */
int pthread_kill(pthread_t t, int sig)
{
    if (sig < 0 || sig >= NSIG)
        return EINVAL;
    if (!ig_thread_by_id(t))
        return ESRCH;
    if (t == pthread_self())
        return -send_self(sig, SI_TKILL, (union sigval){0});
    return sig ? -ig_signal_post(sig, SI_TKILL, NULL) : 0;
}

int sigaction(int sig, const struct sigaction *restrict a,
              struct sigaction *restrict old)
{
    if (sig < 1 || sig >= NSIG || (a && (BIT(sig) & UNBLOCKABLE)))
        return (int)ig_posix_ret(-EINVAL);
    if (old)
        *old = actions[sig];
    if (a) {
        /* Faults reach handlers from now on (sigfault.c). */
        ig_fault_set_deliver(ig_signal_fault);
        actions[sig] = *a;
        actions[sig].sa_mask &= ~UNBLOCKABLE;
        /* POSIX: setting a pending signal to be ignored discards it. */
        if (ignored(sig))
            pending &= ~BIT(sig);
    }
    return 0;
}

/* glibc's signal(): BSD semantics, the handler stays and calls restart. */
_sig_func_ptr signal(int sig, _sig_func_ptr handler)
{
    struct sigaction a = {.sa_handler = handler, .sa_flags = SA_RESTART};
    struct sigaction old;

    if (handler == SIG_ERR) {
        ig_posix_failed(-EINVAL);
        return SIG_ERR;
    }
    sigemptyset(&a.sa_mask);
    sigaddset(&a.sa_mask, sig);
    if (sigaction(sig, &a, &old) != 0)
        return SIG_ERR;
    return old.sa_handler;
}

int siginterrupt(int sig, int flag)
{
    struct sigaction a;

    if (sigaction(sig, NULL, &a) != 0)
        return -1;
    if (flag)
        a.sa_flags &= ~SA_RESTART;
    else
        a.sa_flags |= SA_RESTART;
    return sigaction(sig, &a, NULL);
}

int pthread_sigmask(int how, const sigset_t *restrict set,
                    sigset_t *restrict old)
{
    uint64_t m = mask;

    if (set) {
        switch (how) {
        case SIG_BLOCK:
            m |= *set;
            break;
        case SIG_UNBLOCK:
            m &= ~*set;
            break;
        case SIG_SETMASK:
            m = *set;
            break;
        default:
            return EINVAL;
        }
    }
    if (old)
        *old = mask;
    mask = m & ~UNBLOCKABLE;
    /* Signals this unblocked are delivered before the call returns. */
    ig_signal_deliver();
    return 0;
}

int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old)
{
    return (int)ig_posix_ret(-pthread_sigmask(how, set, old));
}

int sigpending(sigset_t *set)
{
    *set = pending & mask;
    return 0;
}

int sigsuspend(const sigset_t *m)
{
    uint64_t saved = mask;

    ig_sched_testcancel();
    mask = *m & ~UNBLOCKABLE;
    while (!ig_signal_deliver())
        sig_wait(UINT64_MAX);
    mask = saved;
    ig_signal_deliver();
    return (int)ig_posix_ret(-EINTR);
}

int pause(void)
{
    sigset_t m = mask;

    return sigsuspend(&m);
}

/* sigtimedwait() inside the library OS: the signal, or -EINVAL, -EINTR,
 * -EAGAIN. */
static int timedwait(const sigset_t *set, siginfo_t *info,
                     const struct timespec *timeout)
{
    uint64_t deadline = UINT64_MAX;

    ig_sched_testcancel();
    if (timeout) {
        if (timeout->tv_sec < 0 || timeout->tv_nsec < 0 ||
            timeout->tv_nsec >= 1000000000l)
            return -EINVAL;
        deadline = ig_plat_clock_monotonic() +
                   (uint64_t)timeout->tv_sec * 1000000000ull +
                   (uint64_t)timeout->tv_nsec;
    }
    for (;;) {
        uint64_t ready = pending & *set;
        if (ready) {
            int sig = __builtin_ctzll(ready) + 1;
            pending &= ~BIT(sig);
            if (info)
                fill_info(info, sig);
            return sig;
        }
        /* Signals outside (set) that are not blocked interrupt the wait. */
        if (ig_signal_deliver() > 0)
            return -EINTR;
        if (sig_wait(deadline) == -ETIMEDOUT && !(pending & *set))
            return -EAGAIN;
    }
}

int sigtimedwait(const sigset_t *restrict set, siginfo_t *restrict info,
                 const struct timespec *restrict timeout)
{
    return (int)ig_posix_ret(timedwait(set, info, timeout));
}

int sigwaitinfo(const sigset_t *restrict set, siginfo_t *restrict info)
{
    return sigtimedwait(set, info, NULL);
}

/* sigwait() returns the error number instead of setting errno. */
int sigwait(const sigset_t *restrict set, int *restrict sig)
{
    int r;

    do
        r = timedwait(set, NULL, NULL);
    while (r == -EINTR);
    if (r < 0)
        return -r;
    *sig = r;
    return 0;
}

/* Per thread, as on Linux; SA_ONSTACK handlers of signals delivered to
 * the thread run there (act()), and so do those of faults (sigfault.c):
 * a stack overflow can reach one there. */
int sigaltstack(const stack_t *restrict ss, stack_t *restrict old)
{
    stack_t cur = alt_stack;

    if (on_alt_stack)
        cur.ss_flags = SS_ONSTACK;
    if (ss) {
        int mode = ss->ss_flags & ~(int)SS_AUTODISARM;
        if (on_alt_stack)
            return (int)ig_posix_ret(-EPERM);
        if (mode != 0 && mode != SS_ONSTACK && mode != SS_DISABLE)
            return (int)ig_posix_ret(-EINVAL);
        if (mode == SS_DISABLE) {
            alt_stack = (stack_t){.ss_flags = SS_DISABLE};
        } else {
            if (ss->ss_size < MINSIGSTKSZ)
                return (int)ig_posix_ret(-ENOMEM);
            alt_stack =
                (stack_t){ss->ss_sp, ss->ss_flags & SS_AUTODISARM, ss->ss_size};
        }
    }
    if (old)
        *old = cur;
    return 0;
}

struct sigaction *ig_signal_action(int sig)
{
    return &actions[sig];
}

uint64_t *ig_signal_thread_mask(void)
{
    return &mask;
}

const stack_t *ig_signal_thread_altstack(void)
{
    return &alt_stack;
}
