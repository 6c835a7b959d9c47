/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* devfs.c: /dev/null, /dev/zero, /dev/urandom, the console and stdio. */
#include <ingot/plat.h>
#include <ingot/sched.h>

#include <errno.h>
#include <string.h>

#include "vfs_internal.h"

static ssize_t null_read(struct ig_vnode *vn, void *buf, size_t len, off_t o)
{
    (void)vn, (void)buf, (void)len, (void)o;
    return 0;
}

static ssize_t sink_write(struct ig_vnode *vn, const void *buf, size_t len,
                          off_t o)
{
    (void)vn, (void)buf, (void)o;
    return (ssize_t)len;
}

static ssize_t zero_read(struct ig_vnode *vn, void *buf, size_t len, off_t o)
{
    (void)vn, (void)o;
    memset(buf, 0, len);
    return (ssize_t)len;
}

static ssize_t random_read(struct ig_vnode *vn, void *buf, size_t len, off_t o)
{
    (void)vn, (void)o;
    return ig_plat_entropy(buf, len);
}

/* /dev/console and /dev/stdout: the platform's console. */
static ssize_t console_write(struct ig_vnode *vn, const void *buf, size_t len,
                             off_t o)
{
    (void)vn, (void)o;
    return ig_plat_console_write(buf, len); /* -EPIPE: write() raises SIGPIPE */
}

static ssize_t stderr_write(struct ig_vnode *vn, const void *buf, size_t len,
                            off_t o)
{
    (void)vn, (void)o;
    return ig_plat_stderr_write(buf, len);
}

/*
 * Standard input.  The platform reads without blocking; a reader that
 * finds nothing waits on (stdin_waiters) and the scheduler's idle hook
 * below reads for it, into (inbuf), whenever the scheduler looks for work
 * (ig_plat_idle() ends when input arrives), then wakes it.
 */
static struct ig_waitq stdin_waiters;
static char inbuf[4096];
static size_t inoff, inlen;
static int in_end;    /* the hook saw end of input: one reader gets 0 */
static int in_hooked; /* the hook is installed */

static uint64_t stdin_poll(void)
{
    if (!ig_waitq_empty(&stdin_waiters) && inoff == inlen && !in_end) {
        long n = ig_plat_stdin_read(inbuf, sizeof(inbuf));
        if (n > 0) {
            inoff = 0;
            inlen = (size_t)n;
        } else if (n != -EAGAIN) {
            in_end = 1;
        }
        if (n != -EAGAIN)
            ig_waitq_wake_all(&stdin_waiters);
    }
    return UINT64_MAX;
}

static ssize_t stdin_read(struct ig_vnode *vn, void *buf, size_t len, off_t o)
{
    (void)vn, (void)o;
    if (len == 0)
        return 0;
    for (;;) {
        if (inoff < inlen) {
            size_t n = inlen - inoff < len ? inlen - inoff : len;
            memcpy(buf, inbuf + inoff, n);
            inoff += n;
            return (ssize_t)n;
        }
        if (in_end) {
            in_end = 0; /* a terminal may send more after end of file */
            return 0;
        }
        long n = ig_plat_stdin_read(buf, len);
        if (n != -EAGAIN)
            return n < 0 ? -EIO : n;
        if (!in_hooked) {
            in_hooked = 1;
            ig_sched_set_idle_hook(stdin_poll);
        }
        if (ig_waitq_wait_intr(&stdin_waiters, UINT64_MAX) == -IG_ERESTART)
            return -IG_ERESTART;
    }
}

/* /dev/tty: the image's terminal, which is standard input's and output's
 * when standard input is one (ENXIO otherwise, as for a process without
 * a controlling terminal). */
static int stdin_tty;

static int tty_open(struct ig_vnode *vn, struct ig_file *f, int flags)
{
    (void)vn, (void)f, (void)flags;
    return stdin_tty ? 0 : -ENXIO;
}

static const struct ig_vnode_ops null_ops = {.read = null_read,
                                             .write = sink_write};
static const struct ig_vnode_ops zero_ops = {.read = zero_read,
                                             .write = sink_write};
static const struct ig_vnode_ops random_ops = {.read = random_read,
                                               .write = sink_write};
static const struct ig_vnode_ops console_ops = {.read = null_read,
                                                .write = console_write};
static const struct ig_vnode_ops stdin_ops = {.read = stdin_read,
                                              .write = sink_write};
static const struct ig_vnode_ops stdout_ops = {.read = null_read,
                                               .write = console_write};
static const struct ig_vnode_ops stderr_ops = {.read = null_read,
                                               .write = stderr_write};
static const struct ig_vnode_ops tty_ops = {
    .open = tty_open, .read = stdin_read, .write = console_write};

/* The nodes' operations are ramfs's; ours are their private data. */
void ig_vfs_stdio_tty(unsigned mask)
{
    static const struct ig_vnode_ops *const ops[3] = {&stdin_ops, &stdout_ops,
                                                      &stderr_ops};
    stdin_tty = mask & 1;
    for (int i = 0; i < 3; i++) {
        struct ig_file *f = ig_fd_get(i);
        if (!f || !f->vn || f->vn->priv != (const void *)ops[i])
            continue;
        int on = (mask >> i) & 1;
        f->vn->flags =
            on ? f->vn->flags | IG_VNODE_TTY : f->vn->flags & ~IG_VNODE_TTY;
        ig_file_set_tty(f, on);
    }
}

int ig_devfs_populate(struct ig_vnode *dir)
{
    static const struct {
        const char *name;
        const struct ig_vnode_ops *ops;
        int stdio; /* the host stream it is, or -1 */
    } devs[] = {
        {"null", &null_ops, -1},       {"zero", &zero_ops, -1},
        {"urandom", &random_ops, -1},  {"random", &random_ops, -1},
        {"console", &console_ops, -1}, {"stdin", &stdin_ops, 0},
        {"stdout", &stdout_ops, 1},    {"stderr", &stderr_ops, 2},
        {"tty", &tty_ops, -1},
    };
    stdin_tty = ig_plat_isatty(0);
    for (size_t i = 0; i < sizeof(devs) / sizeof(devs[0]); i++) {
        /* A terminal exactly when the host's stream is one. */
        unsigned flags =
            (devs[i].stdio >= 0 && ig_plat_isatty(devs[i].stdio)) ||
                    devs[i].ops == &tty_ops
                ? IG_VNODE_TTY
                : 0;
        int err = ig_ramfs_mknod(dir, devs[i].name, devs[i].ops, flags);
        if (err)
            return err;
    }
    return 0;
}
