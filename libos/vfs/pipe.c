/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* pipe.c: pipes on the descriptor table. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>

#include "vfs_internal.h"

#define PIPE_SIZE 16384

struct pipe {
    char buf[PIPE_SIZE];
    size_t head, len;
    int readers, writers;
};

/* There is no scheduler to block on yet (the one thread would wait for
 * itself), so an empty or full pipe answers -EAGAIN in either mode. */
static ssize_t pipe_read(struct ig_file *f, void *buf, size_t len, off_t *off)
{
    struct pipe *p = f->priv;
    char *out = buf;
    size_t n = 0;

    (void)off;
    if (len == 0)
        return 0;
    if (p->len == 0)
        return p->writers ? -EAGAIN : 0;
    while (n < len && p->len > 0) {
        out[n++] = p->buf[p->head];
        p->head = (p->head + 1) % PIPE_SIZE;
        p->len--;
    }
    ig_file_notify();
    return (ssize_t)n;
}

static ssize_t pipe_write(struct ig_file *f, const void *buf, size_t len,
                          off_t *off)
{
    struct pipe *p = f->priv;
    const char *in = buf;
    size_t n = 0;

    (void)off;
    if (!p->readers)
        return -EPIPE;
    if (len > 0 && p->len == PIPE_SIZE)
        return -EAGAIN;
    while (n < len && p->len < PIPE_SIZE) {
        p->buf[(p->head + p->len) % PIPE_SIZE] = in[n++];
        p->len++;
    }
    ig_file_notify();
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
    if (!p->readers && !p->writers)
        free(p);
    else
        ig_file_notify();
}

static const struct ig_file_ops pipe_ops = {
    .read = pipe_read,
    .write = pipe_write,
    .stat = pipe_stat,
    .poll = pipe_poll,
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
