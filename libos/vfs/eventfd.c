/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* eventfd.c: eventfd(2): a 64-bit counter on a descriptor. */
#include <errno.h>
#include <fcntl.h>
#include <ingot/posix.h>
#include <ingot/sched.h>
#include <stdlib.h>
#include <string.h>

#include "vfs_internal.h"

#define EV_MAX 0xfffffffffffffffeull

struct eventfd {
    uint64_t count;
    int semaphore;
    struct ig_waitq q; /* readers waiting for a count, writers for room */
};

/* Reads take the whole count (or 1 with EFD_SEMAPHORE), waiting while it
 * is 0; writes add, waiting while the sum would pass EV_MAX. */
static ssize_t ev_read(struct ig_file *f, void *buf, size_t len, off_t *off)
{
    struct eventfd *e = f->priv;
    uint64_t v;

    (void)off;
    if (len < sizeof(v))
        return -EINVAL;
    while (e->count == 0) {
        if (f->flags & O_NONBLOCK)
            return -EAGAIN;
        if (ig_waitq_wait_intr(&e->q, UINT64_MAX) == -IG_ERESTART)
            return -IG_ERESTART;
    }
    v = e->semaphore ? 1 : e->count;
    e->count -= v;
    memcpy(buf, &v, sizeof(v));
    ig_waitq_wake_all(&e->q);
    ig_file_notify();
    return sizeof(v);
}

static ssize_t ev_write(struct ig_file *f, const void *buf, size_t len,
                        off_t *off)
{
    struct eventfd *e = f->priv;
    uint64_t v;

    (void)off;
    if (len < sizeof(v))
        return -EINVAL;
    memcpy(&v, buf, sizeof(v));
    if (v == UINT64_MAX)
        return -EINVAL;
    while (v > EV_MAX - e->count) {
        if (f->flags & O_NONBLOCK)
            return -EAGAIN;
        if (ig_waitq_wait_intr(&e->q, UINT64_MAX) == -IG_ERESTART)
            return -IG_ERESTART;
    }
    e->count += v;
    if (v) {
        ig_waitq_wake_all(&e->q);
        ig_file_notify();
    }
    return sizeof(v);
}

static unsigned ev_poll(struct ig_file *f)
{
    struct eventfd *e = f->priv;

    return (e->count ? IG_POLL_IN : 0) | (e->count < EV_MAX ? IG_POLL_OUT : 0);
}

static int ev_stat(struct ig_file *f, struct stat *st)
{
    (void)f;
    memset(st, 0, sizeof(*st));
    st->st_mode = 0600; /* an anonymous inode: no file type bits */
    st->st_nlink = 1;
    st->st_blksize = 4096;
    return 0;
}

static int ev_ioctl(struct ig_file *f, unsigned long req, void *arg)
{
    (void)f;
    (void)req;
    (void)arg;
    return -ENOTTY;
}

static void ev_release(struct ig_file *f)
{
    free(f->priv);
}

static const struct ig_file_ops eventfd_ops = {
    .read = ev_read,
    .write = ev_write,
    .stat = ev_stat,
    .poll = ev_poll,
    .ioctl = ev_ioctl,
    .release = ev_release,
};

int ig_vfs_eventfd(unsigned int initval, int flags, int semaphore)
{
    struct eventfd *e = calloc(1, sizeof(*e));

    if (!e)
        return -ENOMEM;
    e->count = initval;
    e->semaphore = semaphore;
    struct ig_file *f =
        ig_file_alloc(&eventfd_ops, O_RDWR | (flags & O_NONBLOCK), e);
    if (!f) {
        free(e);
        return -ENOMEM;
    }
    int fd = ig_fd_alloc(f, 0, (flags & O_CLOEXEC) != 0);
    if (fd < 0)
        ig_file_put(f);
    return fd;
}
