/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run_guest.c: start a guest, pass its console through, return the status. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <ingot/host_image.h>
#include <ingot/kvm_abi.h>

#include "run.h"

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

/* Waits until the console has data, ending the wait at the escalation
 * deadline of a forwarded signal.  Returns read()'s result, or -2 when a
 * wait ended without data (EINTR, the deadline). */
static ssize_t read_console(int fd, char *buf, size_t len, pid_t child,
                            const struct ig_run_pump_opts *o,
                            struct ig_proc_stop *stop, int *stopping,
                            int *killed)
{
    struct pollfd pfd = {fd, POLLIN, 0};
    int timeout = -1;

    if (!*stopping && ig_proc_forwarded()) {
        *stopping = 1;
        ig_proc_stop_start(stop, child, 0, o->stop_ms);
    }
    if (*stopping) {
        long left = ig_proc_stop_check(stop);
        if (left < 0 && !*killed) {
            *killed = 1;
            ig_host_error("the guest did not end within %ld s of the "
                          "signal; killed it (--stop-timeout)",
                          o->stop_ms / 1000);
        }
        timeout = left < 0 ? -1 : (int)(left > 1000000 ? 1000000 : left);
    }
    if (poll(&pfd, 1, timeout) <= 0)
        return -2;
    return read(fd, buf, len);
}

int ig_run_pump(char *const *argv, struct ig_image *img,
                const struct ig_run_pump_opts *o, struct ig_run_end *e)
{
    struct ig_proc_opts po;
    struct ig_proc_stop stop;
    int stopping = 0, killed = 0;
    struct ig_run_end end = {.record = -1};
    struct pump p = {0};
    int fds[2];
    char buf[4096];

    if (pipe2(fds, O_CLOEXEC) < 0) {
        ig_host_error("pipe: %s", strerror(errno));
        return -1;
    }
    int null = o->pass_stdin ? -1 : open("/dev/null", O_RDONLY | O_CLOEXEC);
    ig_proc_opts_init(&po);
    po.stdin_fd = null; /* -1: inherited */
    po.stdout_fd = fds[1];
    po.die_with_parent = 1;
    signal(SIGPIPE, SIG_IGN);
    ig_proc_forward_start();
    int r = ig_proc_spawn(argv, &po, &p.qemu);
    close(fds[1]);
    if (null >= 0)
        close(null);
    if (r < 0) {
        ig_proc_forward_stop();
        close(fds[0]);
        ig_host_error("%s: %s", argv[0], strerror(-r));
        return -1;
    }

    ig_run_exitrec_init(&p.rec);
    ig_run_btline_init(&p.bt, symbolize, img);
    for (;;) {
        ssize_t n = read_console(fds[0], buf, sizeof(buf), p.qemu, o, &stop,
                                 &stopping, &killed);
        if (n == -2 || (n < 0 && errno == EINTR))
            continue;
        if (n <= 0)
            break;
        end.saw_console = 1;
        ig_run_exitrec_feed(&p.rec, buf, (size_t)n, to_backtrace, &p);
    }
    ig_run_exitrec_flush(&p.rec, to_backtrace, &p);
    ig_run_btline_flush(&p.bt, to_stdout, &p);
    close(fds[0]);
    ig_proc_wait(p.qemu, &end.qemu_raw);
    end.signalled = p.broken ? SIGPIPE : ig_proc_forwarded();
    ig_proc_forward_stop();
    end.record = p.rec.status;
    end.killed = killed;
    *e = end;
    return 0;
}
