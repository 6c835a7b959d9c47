/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* pipe.c: pipes on the descriptor table. */
#include <errno.h>
#include <fcntl.h>
#include <ingot/sched.h>
#include <stdlib.h>

#include "vfs_internal.h"

#define PIPE_SIZE 16384
/* Writes up to this size are atomic: Linux's PIPE_BUF, at least the 512
 * newlib's <sys/syslimits.h> promises. */
#define PIPE_ATOMIC 4096

struct pipe {
    char buf[PIPE_SIZE];
    size_t head, len;
    int readers, writers;
    struct ig_waitq readq;  /* readers waiting for data or end of file */
    struct ig_waitq writeq; /* writers waiting for room or no readers */
};

/* Like Linux: a read of an empty pipe waits for data while a writer is
 * open (-EAGAIN with O_NONBLOCK) and returns 0 once none is. */
static ssize_t pipe_read(struct ig_file *f, void *buf, size_t len, off_t *off)
{
    struct pipe *p = f->priv;
    char *out = buf;
    size_t n = 0;

    (void)off;
    if (len == 0)
        return 0;
    while (p->len == 0) {
        if (!p->writers)
            return 0;
        if (f->flags & O_NONBLOCK)
            return -EAGAIN;
        if (ig_waitq_wait_intr(&p->readq, UINT64_MAX) == -IG_ERESTART)
            return -IG_ERESTART;
    }
    while (n < len && p->len > 0) {
        out[n++] = p->buf[p->head];
        p->head = (p->head + 1) % PIPE_SIZE;
        p->len--;
    }
    ig_waitq_wake_all(&p->writeq);
    ig_file_notify();
    return (ssize_t)n;
}

/* A blocking write returns when all (len) bytes are in, waiting for room;
 * up to PIPE_ATOMIC bytes go in at once, never split by another writer.
 * With O_NONBLOCK it writes what fits (a write of at most PIPE_ATOMIC
 * bytes all or nothing) and gives -EAGAIN when nothing does.  Without readers:
 * -EPIPE (libc's write() raises SIGPIPE), or the count written before they
 * left.  A signal ends the wait with the count written, or -IG_ERESTART. */
static ssize_t pipe_write(struct ig_file *f, const void *buf, size_t len,
                          off_t *off)
{
    struct pipe *p = f->priv;
    const char *in = buf;
    size_t n = 0;

    (void)off;
    while (n < len) {
        if (!p->readers)
            return n ? (ssize_t)n : -EPIPE;
        size_t room = PIPE_SIZE - p->len, want = len - n;
        if (room == 0 || (len <= PIPE_ATOMIC && room < want)) {
            if (f->flags & O_NONBLOCK)
                return n ? (ssize_t)n : -EAGAIN;
            if (ig_waitq_wait_intr(&p->writeq, UINT64_MAX) == -IG_ERESTART)
                return n ? (ssize_t)n : -IG_ERESTART;
            continue;
        }
        while (n < len && p->len < PIPE_SIZE) {
            p->buf[(p->head + p->len) % PIPE_SIZE] = in[n++];
            p->len++;
        }
        ig_waitq_wake_all(&p->readq);
        ig_file_notify();
    }
    return (ssize_t)n;
}

static int pipe_stat(struct ig_file *f, struct stat *st)
{
    struct pipe *p = f->priv;

    *st = (struct stat){0};
    st->st_mode = S_IFIFO | 0600;
    st->st_nlink = 1;
    st->st_size = (off_t)p->len;
    st->st_blksize = PIPE_SIZE;
    return 0;
}

/* The read end is readable with data or without writers (end of file);
 * the write end is writable with room, and in error without readers. */
static unsigned pipe_poll(struct ig_file *f)
{
    struct pipe *p = f->priv;

    if ((f->flags & O_ACCMODE) == O_RDONLY)
        return (p->len ? IG_POLL_IN : 0) | (p->writers ? 0 : IG_POLL_HUP);
    if (!p->readers)
        return IG_POLL_ERR;
    return p->len < PIPE_SIZE ? IG_POLL_OUT : 0;
}

static void pipe_release(struct ig_file *f)
{
    struct pipe *p = f->priv;

    if ((f->flags & O_ACCMODE) == O_RDONLY)
        p->readers--;
    else
        p->writers--;
    if (!p->readers && !p->writers) {
        free(p);
    } else {
        /* End of file for waiting readers, EPIPE for waiting writers. */
        ig_waitq_wake_all(&p->readq);
        ig_waitq_wake_all(&p->writeq);
        ig_file_notify();
    }
}

static int pipe_ioctl(struct ig_file *f, unsigned long req, void *arg)
{
    struct pipe *p = f->priv;

    if (req != IG_FIONREAD)
        return -ENOTTY;
    *(int *)arg = (int)p->len;
    return 0;
}

static const struct ig_file_ops pipe_ops = {
    .read = pipe_read,
    .write = pipe_write,
    .stat = pipe_stat,
    .poll = pipe_poll,
    .ioctl = pipe_ioctl,
    .release = pipe_release,
};

int ig_vfs_pipe(int fds[2], int flags)
{
    struct pipe *p = calloc(1, sizeof(*p));
    int keep = flags & O_NONBLOCK, cloexec = (flags & O_CLOEXEC) != 0;

    if (!p)
        return -ENOMEM;
    struct ig_file *r = ig_file_alloc(&pipe_ops, O_RDONLY | keep, p);
    struct ig_file *w = ig_file_alloc(&pipe_ops, O_WRONLY | keep, p);
    if (!r || !w) {
        free(r);
        free(w);
        free(p);
        return -ENOMEM;
    }
    p->readers = p->writers = 1;
    fds[0] = ig_fd_alloc(r, 0, cloexec);
    fds[1] = fds[0] < 0 ? -EMFILE : ig_fd_alloc(w, 0, cloexec);
    if (fds[1] < 0) {
        if (fds[0] >= 0)
            ig_vfs_close(fds[0]);
        else
            ig_file_put(r);
        ig_file_put(w);
        return -EMFILE;
    }
    return 0;
}
