/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* proc.c: start, time and wait for children; forward signals to them. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <ingot/host.h>

#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/asan_interface.h>
#endif

/* What a container engine passes on to its process (docker run's
 * --sig-proxy): the guest may handle all but SIGQUIT. */
static const int fwd_sigs[] = {SIGINT,  SIGTERM, SIGHUP,
                               SIGQUIT, SIGUSR1, SIGUSR2};
#define NFWD (sizeof(fwd_sigs) / sizeof(fwd_sigs[0]))

/* pid_t is an int on Linux, as is sig_atomic_t. */
static volatile sig_atomic_t fwd_pid;
static volatile sig_atomic_t fwd_sig;
static volatile sig_atomic_t fwd_inband; /* record, do not kill */
static volatile sig_atomic_t fwd_bits;   /* recorded: bit n for signal n */
static volatile sig_atomic_t fwd_tty;    /* a terminal's keys are not stops */
static struct sigaction fwd_saved[NFWD];
static int fwd_on;

static void forward(int sig, siginfo_t *si, void *uc)
{
    int saved = errno;
    (void)uc;
    /* The terminal's Ctrl-C or Ctrl-\ (the kernel's, SI_KERNEL) under -t
     * is the guest's key, as in a container's pty: passed on, but it does
     * not start the --stop-timeout escalation that a kill(1) does. */
    if (!(fwd_tty && si && si->si_code == SI_KERNEL))
        fwd_sig = sig;
    if (fwd_inband)
        fwd_bits |= 1 << sig;
    else if (fwd_pid > 0)
        kill((pid_t)fwd_pid, sig);
    errno = saved;
}

void ig_proc_forward_start(void)
{
    struct sigaction sa = {.sa_sigaction = forward,
                           .sa_flags = SA_RESTART | SA_SIGINFO};

    if (fwd_on)
        return;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < NFWD; i++) /* fwd_bits |= is not atomic */
        sigaddset(&sa.sa_mask, fwd_sigs[i]);
    fwd_sig = 0;
    fwd_bits = 0;
    for (size_t i = 0; i < NFWD; i++) {
        /* A signal the tool was told to ignore (nohup) stays ignored. */
        sigaction(fwd_sigs[i], NULL, &fwd_saved[i]);
        if (fwd_saved[i].sa_handler != SIG_IGN)
            sigaction(fwd_sigs[i], &sa, NULL);
    }
    fwd_on = 1;
}

void ig_proc_forward_stop(void)
{
    if (!fwd_on)
        return;
    for (size_t i = 0; i < NFWD; i++)
        sigaction(fwd_sigs[i], &fwd_saved[i], NULL);
    fwd_pid = 0;
    fwd_on = 0;
}

int ig_proc_forwarded(void)
{
    return fwd_sig;
}

void ig_proc_forward_inband(int on)
{
    fwd_inband = on;
}

void ig_proc_forward_tty(int on)
{
    fwd_tty = on;
}

int ig_proc_forward_take(void)
{
    sigset_t block, old;
    int sig = 0;

    sigemptyset(&block);
    for (size_t i = 0; i < NFWD; i++)
        sigaddset(&block, fwd_sigs[i]);
    sigprocmask(SIG_BLOCK, &block, &old);
    if (fwd_bits) {
        sig = __builtin_ctz((unsigned)fwd_bits);
        fwd_bits &= ~(1 << sig);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    return sig;
}

void ig_proc_opts_init(struct ig_proc_opts *o)
{
    o->stdin_fd = o->stdout_fd = o->stderr_fd = -1;
    o->die_with_parent = 0;
    o->block_fwd = 0;
}

/* What the child needs; it shares our memory until it execs. */
struct spawn {
    char *const *argv;
    const struct ig_proc_opts *o;
    pid_t parent;
    sigset_t mask; /* the mask to exec with */
    int errfd;
};

/*
 * Runs in the child, on its own stack, while the parent waits (CLONE_VM |
 * CLONE_VFORK: no page tables are copied, which made fork() a fifth of
 * `ingot run`'s own start-up).  Every signal is blocked on entry; a
 * handler of ours would run on the parent's memory, so each caught signal
 * goes back to its default action first, as exec would do anyway.
 */
static int child(void *arg)
{
    const struct spawn *s = arg;
    const struct ig_proc_opts *o = s->o;
    const int fds[3] = {o->stdin_fd, o->stdout_fd, o->stderr_fd};
    struct sigaction dfl = {.sa_handler = SIG_DFL};

    for (int sig = 1; sig < NSIG; sig++) {
        struct sigaction cur;
        if (sig != SIGKILL && sig != SIGSTOP &&
            sigaction(sig, NULL, &cur) == 0 && cur.sa_handler != SIG_DFL &&
            cur.sa_handler != SIG_IGN)
            sigaction(sig, &dfl, NULL);
    }
    if (o->die_with_parent) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != s->parent)
            _exit(127);
    }
    for (int i = 0; i < 3; i++)
        if (fds[i] >= 0 && fds[i] != i && dup2(fds[i], i) < 0)
            goto fail;
    sigprocmask(SIG_SETMASK, &s->mask, NULL);
    execvp(s->argv[0], s->argv);
fail:;
    int err = errno;
    if (write(s->errfd, &err, sizeof(err)) < 0)
        _exit(127);
    _exit(127);
}

int ig_proc_spawn(char *const *argv, const struct ig_proc_opts *o, pid_t *pid)
{
    /* execvp() keeps its path buffer on this stack. */
    _Alignas(16) char stack[64 * 1024];
    struct spawn s = {.argv = argv, .o = o, .parent = getpid()};
    int errpipe[2];
    sigset_t all, old;

    if (pipe2(errpipe, O_CLOEXEC) < 0)
        return -errno;
    s.errfd = errpipe[1];

    /* Hold every signal until fwd_pid names the child, so a Ctrl-C during
     * the start is not lost, and no handler runs in the child. */
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    s.mask = old;
    if (o->block_fwd)
        for (size_t i = 0; i < NFWD; i++)
            sigaddset(&s.mask, fwd_sigs[i]);

    pid_t p = clone(child, stack + sizeof(stack),
                    CLONE_VM | CLONE_VFORK | SIGCHLD, &s);
    int err = p < 0 ? errno : 0;
#ifdef __SANITIZE_ADDRESS__
    /* The child's frames poisoned their part of (stack) in the shadow
     * memory we share, and exec left it so. */
    ASAN_UNPOISON_MEMORY_REGION(stack, sizeof(stack));
#endif
    if (p > 0)
        fwd_pid = p;
    sigprocmask(SIG_SETMASK, &old, NULL);
    close(errpipe[1]);
    if (p < 0) {
        close(errpipe[0]);
        return -err;
    }

    /* The error pipe closes without data when execvp() succeeds. */
    ssize_t n;
    do
        n = read(errpipe[0], &err, sizeof(err));
    while (n < 0 && errno == EINTR);
    close(errpipe[0]);
    if (n == (ssize_t)sizeof(err)) {
        ig_proc_wait(p, NULL);
        fwd_pid = 0;
        return -err;
    }
    *pid = p;
    return 0;
}

static int decode(int status)
{
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

int ig_proc_wait(pid_t pid, int *raw)
{
    int status;

    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return 128 + SIGKILL;
    if (raw)
        *raw = status;
    if (fwd_pid == pid)
        fwd_pid = 0;
    return decode(status);
}

int ig_proc_wait_adopting(pid_t pid)
{
    int status;
    pid_t w;

    while ((w = waitpid(-1, &status, 0)) != pid)
        if (w < 0 && errno != EINTR)
            return 128 + SIGKILL;
    if (fwd_pid == pid)
        fwd_pid = 0;
    return decode(status);
}

long ig_host_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int ig_proc_wait_timeout(pid_t pid, long timeout_ms, long *elapsed_ms)
{
    const struct timespec tick = {0, 1000000};
    long start = ig_host_now_ms();
    int status;

    /* Polling at 1 ms is precise enough for calibration and needs no
     * SIGCHLD handler that could disturb the caller. */
    for (;;) {
        pid_t r = waitpid(pid, &status, WNOHANG);
        *elapsed_ms = ig_host_now_ms() - start;
        if (r == pid)
            break;
        if (r < 0 && errno != EINTR)
            return -errno;
        if (*elapsed_ms > timeout_ms) {
            kill(pid, SIGKILL);
            ig_proc_wait(pid, NULL);
            return -ETIMEDOUT;
        }
        nanosleep(&tick, NULL);
    }
    if (fwd_pid == pid)
        fwd_pid = 0;
    return decode(status);
}

void ig_proc_stop_start(struct ig_proc_stop *s, pid_t pid, int sig,
                        long timeout_ms)
{
    s->pid = pid;
    s->deadline_ms = ig_host_now_ms() + timeout_ms;
    s->killed = 0;
    if (sig)
        kill(pid, sig);
}

long ig_proc_stop_check(struct ig_proc_stop *s)
{
    if (s->killed)
        return -1;
    long left = s->deadline_ms - ig_host_now_ms();
    if (left > 0)
        return left;
    kill(s->pid, SIGKILL);
    s->killed = 1;
    return -1;
}

static int run(char *const *argv, int verbose, int adopting)
{
    struct ig_proc_opts o;
    pid_t pid;

    if (verbose) {
        char *line = ig_shquote_argv(argv);
        fprintf(stderr, "%s\n", line);
        free(line);
    }
    ig_proc_opts_init(&o);
    ig_proc_forward_start();
    int r = ig_proc_spawn(argv, &o, &pid);
    if (r == 0)
        r = adopting ? ig_proc_wait_adopting(pid) : ig_proc_wait(pid, NULL);
    ig_proc_forward_stop();
    return r;
}

int ig_proc_run(char *const *argv, int verbose)
{
    return run(argv, verbose, 0);
}

int ig_proc_run_adopting(char *const *argv, int verbose)
{
    return run(argv, verbose, 1);
}
