/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run_guest.c: start a guest, pass its console through, return the status. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <ingot/host_image.h>
#include <ingot/kvm_abi.h>

#include "run.h"

/* How often the host's wall clock goes to a kvm guest (kvm_abi.h). */
#define CLOCK_PERIOD_MS 1000

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct pump {
    pid_t qemu;
    int broken; /* stdout went away: discard the rest */
    struct ig_run_exitrec rec;
    struct ig_run_btline bt;
};

static void to_stdout(void *ctx, const char *buf, size_t len)
{
    struct pump *p = ctx;

    while (len && !p->broken) {
        ssize_t n = write(STDOUT_FILENO, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            /* Like a process writing to a closed pipe: stop the guest
             * and end as if killed by SIGPIPE. */
            p->broken = 1;
            kill(p->qemu, SIGKILL);
            return;
        }
        buf += n;
        len -= (size_t)n;
    }
}

static void to_backtrace(void *ctx, const char *buf, size_t len)
{
    struct pump *p = ctx;
    ig_run_btline_feed(&p->bt, buf, len, to_stdout, p);
}

static const char *symbolize(void *ctx, uint64_t addr, uint64_t *off)
{
    return ig_image_symbolize(ctx, addr, off);
}

int ig_run_end_status(const struct ig_run_end *e)
{
    if (e->record >= 0)
        return e->record;
    if (e->killed)
        return 128 + SIGKILL;
    if (e->signalled)
        return 128 + e->signalled;
    if (WIFSIGNALED(e->qemu_raw)) {
        ig_host_error("QEMU was killed by signal %d (%s)",
                      WTERMSIG(e->qemu_raw), strsignal(WTERMSIG(e->qemu_raw)));
        return IG_RUN_STATUS_FAIL;
    }
    /* QEMU exits 1 when it rejects its options or the image; it has said
     * why on stderr.  A guest that ran is not mistaken for this, since a
     * guest of ours prints before it can stop. */
    if (WEXITSTATUS(e->qemu_raw) == 1 && !e->saw_console)
        return IG_RUN_STATUS_FAIL;
    ig_host_error("guest stopped without reporting an exit status (reset or "
                  "triple fault)");
    return IG_KVM_STATUS_LOST;
}

/* The escalation of --stop-timeout, once a signal was forwarded: returns
 * the poll timeout until it is due (-1: none). */
static int stop_timeout(pid_t child, const struct ig_run_pump_opts *o,
                        struct ig_proc_stop *stop, int *stopping, int *killed)
{
    if (!*stopping && ig_proc_forwarded()) {
        *stopping = 1;
        ig_proc_stop_start(stop, child, 0, o->stop_ms);
    }
    if (!*stopping)
        return -1;
    long left = ig_proc_stop_check(stop);
    if (left < 0 && !*killed) {
        *killed = 1;
        ig_host_error("the guest did not end within %ld s of the signal; "
                      "killed it (--stop-timeout)",
                      o->stop_ms / 1000);
    }
    return left < 0 ? -1 : (int)(left > 1000000 ? 1000000 : left);
}

static void to_stderr(void *ctx, const char *buf, size_t len)
{
    (void)ctx;
    while (len) {
        ssize_t n = write(STDERR_FILENO, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        buf += n;
        len -= (size_t)n;
    }
}

extern char **environ;

/* -t: the terminal's window size changed (SIGWINCH). */
static volatile sig_atomic_t winch;

static void on_winch(int sig)
{
    (void)sig;
    winch = 1;
}

/* Passes a window size change on: in-band to a kvm guest (the size, which
 * it takes as SIGWINCH), as the signal itself to the pico tender (whose
 * guest then reads the size from the terminal). */
static void pass_winch(struct ig_run_input *in, pid_t child, int inband)
{
    unsigned char ws[8];

    winch = 0;
    if (!inband)
        kill(child, SIGWINCH);
    else if (ig_run_tty_winsize(ws) == 0)
        ig_run_input_winsize(in, ws);
}

/* Returns the tracer of (pid) from /proc, 0 for none, -1 if unreadable. */
static long tracer_of(pid_t pid)
{
    char path[64], buf[4096];
    snprintf(path, sizeof(path), "/proc/%ld/status", (long)pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;

    if (fd >= 0)
        close(fd);
    if (n <= 0)
        return -1;
    buf[n] = '\0';
    const char *t = strstr(buf, "\nTracerPid:");
    return t ? strtol(t + 12, NULL, 10) : -1;
}

/* pico --gdb: waits until the tender (pid) stops itself before the guest's
 * first instruction, then attaches gdbserver to it on (port), its messages
 * on our stderr.  Returns gdbserver's pid, 0 when the tender ended instead
 * (its status in (*raw), (*reaped) set), or -1 after printing why. */
static pid_t attach_gdbserver(pid_t pid, int port, int *raw, int *reaped)
{
    posix_spawn_file_actions_t fa;
    char portarg[32], pidarg[24];
    pid_t g;
    int st, r;

    while ((r = waitpid(pid, &st, WUNTRACED)) < 0 && errno == EINTR)
        ;
    if (r < 0 || !WIFSTOPPED(st)) {
        *raw = st;
        *reaped = r >= 0;
        return 0;
    }
    kill(pid, SIGCONT); /* it now waits for SIGCHLD (tender main.c) */
    snprintf(portarg, sizeof(portarg), "127.0.0.1:%d", port);
    snprintf(pidarg, sizeof(pidarg), "%ld", (long)pid);
    char *const argv[] = {"gdbserver", "--once", "--attach",
                          portarg,     pidarg,   NULL};
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, STDERR_FILENO, STDOUT_FILENO);
    r = posix_spawnp(&g, "gdbserver", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (r != 0) {
        ig_host_error("gdbserver: %s", strerror(r));
        kill(pid, SIGKILL);
        return -1;
    }
    /* Attached (or gdbserver gave up): the tender's wait for SIGCHLD
     * ends whenever gdb lets it run. */
    pid_t w = 0;
    while (tracer_of(pid) == 0 && (w = waitpid(g, NULL, WNOHANG)) == 0)
        usleep(10000);
    if (w == g) {
        ig_host_error("gdbserver ended before attaching to the tender");
        kill(pid, SIGKILL);
        return -1;
    }
    kill(pid, SIGCHLD);
    return g;
}

/* gdbserver --once ends when gdb disconnects after seeing the tender
 * exit; a gdb that stays connected (or never came) gets 2 s, then
 * gdbserver is stopped. */
static void stop_gdbserver(pid_t g)
{
    for (int i = 0; i < 200; i++) {
        if (waitpid(g, NULL, WNOHANG) == g)
            return;
        usleep(10000);
    }
    kill(g, SIGTERM);
    waitpid(g, NULL, 0);
}

int ig_run_pump(char *const *argv, struct ig_image *img,
                const struct ig_run_pump_opts *o, struct ig_run_end *e)
{
    struct ig_proc_opts po;
    struct ig_proc_stop stop;
    struct ig_run_input in = {.src = -1, .dst = -1};
    int stopping = 0, killed = 0;
    struct ig_run_end end = {.record = -1};
    struct pump p = {0};
    int fds[2], infds[2] = {-1, -1};
    char buf[4096];

    if (pipe2(fds, O_CLOEXEC) < 0 ||
        (o->input_channel && pipe2(infds, O_CLOEXEC) < 0)) {
        ig_host_error("pipe: %s", strerror(errno));
        return -1;
    }
    int null = o->pass_stdin || o->input_channel
                   ? -1
                   : open("/dev/null", O_RDONLY | O_CLOEXEC);
    ig_proc_opts_init(&po);
    po.stdin_fd = o->input_channel ? infds[0] : null; /* -1: inherited */
    po.stdout_fd = fds[1];
    po.die_with_parent = 1;
    /* With the input channel every signal reaches the guest through
     * ingot run: the terminal's Ctrl-C to the whole group must not also
     * end QEMU, which then keeps them blocked (it never unblocks them). */
    po.block_fwd = o->input_channel;
    signal(SIGPIPE, SIG_IGN);
    struct sigaction winch_sa = {.sa_handler = on_winch}, winch_old;
    sigemptyset(&winch_sa.sa_mask);
    if (o->tty)
        sigaction(SIGWINCH, &winch_sa, &winch_old);
    ig_proc_forward_start();
    ig_proc_forward_inband(o->input_channel);
    ig_proc_forward_tty(o->tty);
    int r = ig_proc_spawn(argv, &po, &p.qemu);
    close(fds[1]);
    if (infds[0] >= 0)
        close(infds[0]);
    if (null >= 0)
        close(null);
    if (r < 0) {
        ig_proc_forward_inband(0);
        ig_proc_forward_tty(0);
        ig_proc_forward_stop();
        if (o->tty)
            sigaction(SIGWINCH, &winch_old, NULL);
        close(fds[0]);
        if (infds[1] >= 0)
            close(infds[1]);
        ig_host_error("%s: %s", argv[0], strerror(-r));
        return -1;
    }
    if (o->input_channel)
        ig_run_input_init(&in, STDIN_FILENO, infds[1], o->tty);
    pid_t gdbserver = 0;
    int reaped = 0;
    if (o->gdbserver_port)
        gdbserver =
            attach_gdbserver(p.qemu, o->gdbserver_port, &end.qemu_raw, &reaped);

    ig_run_exitrec_init(&p.rec);
    if (o->framed_stderr)
        ig_run_exitrec_set_err(&p.rec, to_stderr, NULL);
    if (o->core)
        ig_run_exitrec_set_core(&p.rec, ig_run_core_feed, o->core);
    if (o->tty)
        ig_run_exitrec_set_tty(&p.rec, ig_run_tty_apply);
    ig_run_btline_init(&p.bt, symbolize, img);
    long long clock_next = 0;
    for (;;) {
        struct pollfd pfd[3] = {{fds[0], POLLIN, 0}};
        int sig;

        while (o->input_channel && (sig = ig_proc_forward_take()) != 0)
            ig_run_input_signal(&in, sig);
        if (winch)
            pass_winch(&in, p.qemu, o->input_channel);
        int timeout = stop_timeout(p.qemu, o, &stop, &stopping, &killed);
        if (o->input_channel && in.dst >= 0) {
            /* The guest's wall clock follows the host's (kvm_abi.h). */
            long long now = now_ms();
            if (now >= clock_next && ig_run_input_clock(&in) == 0)
                clock_next = now + CLOCK_PERIOD_MS;
            int left = clock_next > now ? (int)(clock_next - now) : 10;
            if (timeout < 0 || left < timeout)
                timeout = left;
        }
        ig_run_input_poll(&in, &pfd[1], &pfd[2]);
        if (poll(pfd, 3, timeout) <= 0)
            continue; /* a signal or the escalation deadline */
        ig_run_input_service(&in, &pfd[1], &pfd[2]);
        if (!(pfd[0].revents & (POLLIN | POLLHUP | POLLERR)))
            continue;
        ssize_t n = read(fds[0], buf, sizeof(buf));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        end.saw_console = 1;
        ig_run_exitrec_feed(&p.rec, buf, (size_t)n, to_backtrace, &p);
    }
    ig_run_exitrec_flush(&p.rec, to_backtrace, &p);
    ig_run_btline_flush(&p.bt, to_stdout, &p);
    close(fds[0]);
    ig_run_input_close(&in);
    if (!reaped)
        ig_proc_wait(p.qemu, &end.qemu_raw);
    if (gdbserver > 0)
        stop_gdbserver(gdbserver);
    /* An exit record, if any, takes precedence (ig_run_end_status()). */
    end.signalled = p.broken ? SIGPIPE : ig_proc_forwarded();
    ig_proc_forward_inband(0);
    ig_proc_forward_tty(0);
    ig_proc_forward_stop();
    if (o->tty)
        sigaction(SIGWINCH, &winch_old, NULL);
    end.record = p.rec.status;
    end.killed = killed;
    *e = end;
    return 0;
}
