/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run_guest.c: start a guest, pass its console through, return the status. */
#include <errno.h>
#include <fcntl.h>
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
            kill(p->qemu, SIGTERM);
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

int ig_run_pump(char *const *argv, struct ig_image *img, struct ig_run_end *e)
{
    struct ig_proc_opts po;
    struct ig_run_end end = {.record = -1};
    struct pump p = {0};
    int fds[2];
    char buf[4096];

    if (pipe2(fds, O_CLOEXEC) < 0) {
        ig_host_error("pipe: %s", strerror(errno));
        return -1;
    }
    int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
    ig_proc_opts_init(&po);
    po.stdin_fd = null;
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
    ig_proc_wait(p.qemu, &end.qemu_raw);
    end.signalled = p.broken ? SIGPIPE : ig_proc_forwarded();
    ig_proc_forward_stop();
    end.record = p.rec.status;
    *e = end;
    return 0;
}
