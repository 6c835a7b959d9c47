/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* timerfd.c: timerfd_create(2): a timer whose expirations a read counts. */
#include <errno.h>
#include <fcntl.h>
#include <ingot/plat.h>
#include <ingot/sched.h>
#include <stdlib.h>
#include <string.h>

#include "vfs_internal.h"

#define NS_PER_SEC 1000000000ull

/* A callout (<ingot/sched.h>) armed for the next expiry on the monotonic
 * clock; CLOCK_REALTIME absolute times are converted when set. */
struct timerfd {
    struct ig_callout co; /* first: the callout is the timer */
    int clock;
    uint64_t interval;
    uint64_t count; /* expirations not yet read */
    struct ig_waitq q;
};

static void expire(struct ig_callout *c, uint64_t now)
{
    struct timerfd *t = (struct timerfd *)c;
    uint64_t n = 1;

    if (t->interval) {
        uint64_t late = (now - c->when) / t->interval;
        n += late;
        ig_callout_arm(c, c->when + (late + 1) * t->interval);
    }
    t->count += n;
    ig_waitq_wake_all(&t->q);
    ig_file_notify();
}

/* A read of at least 8 bytes takes the count of expirations, waiting for
 * one (-EAGAIN with O_NONBLOCK). */
static ssize_t tfd_read(struct ig_file *f, void *buf, size_t len, off_t *off)
{
    struct timerfd *t = f->priv;

    (void)off;
    if (len < sizeof(t->count))
        return -EINVAL;
    while (t->count == 0) {
        if (f->flags & O_NONBLOCK)
            return -EAGAIN;
        if (ig_waitq_wait_intr(&t->q, UINT64_MAX) == -IG_ERESTART)
            return -IG_ERESTART;
    }
    memcpy(buf, &t->count, sizeof(t->count));
    t->count = 0;
    return sizeof(t->count);
}

static ssize_t tfd_write(struct ig_file *f, const void *buf, size_t len,
                         off_t *off)
{
    (void)f;
    (void)buf;
    (void)len;
    (void)off;
    return -EINVAL;
}

static unsigned tfd_poll(struct ig_file *f)
{
    struct timerfd *t = f->priv;

    return t->count ? IG_POLL_IN : 0;
}

static int tfd_stat(struct ig_file *f, struct stat *st)
{
    (void)f;
    memset(st, 0, sizeof(*st));
    st->st_mode = 0600; /* an anonymous inode */
    st->st_nlink = 1;
    st->st_blksize = 4096;
    return 0;
}

static int tfd_ioctl(struct ig_file *f, unsigned long req, void *arg)
{
    (void)f;
    (void)req;
    (void)arg;
    return -ENOTTY;
}

static void tfd_release(struct ig_file *f)
{
    struct timerfd *t = f->priv;

    ig_callout_cancel(&t->co);
    free(t);
}

static const struct ig_file_ops timerfd_ops = {
    .read = tfd_read,
    .write = tfd_write,
    .stat = tfd_stat,
    .poll = tfd_poll,
    .ioctl = tfd_ioctl,
    .release = tfd_release,
};

int ig_vfs_timerfd(int clock, int flags)
{
    struct timerfd *t = calloc(1, sizeof(*t));

    if (!t)
        return -ENOMEM;
    t->clock = clock;
    t->co.fn = expire;
    struct ig_file *f =
        ig_file_alloc(&timerfd_ops, O_RDWR | (flags & O_NONBLOCK), t);
    if (!f) {
        free(t);
        return -ENOMEM;
    }
    int fd = ig_fd_alloc(f, 0, (flags & O_CLOEXEC) != 0);
    if (fd < 0)
        ig_file_put(f);
    return fd;
}

static struct timerfd *timerfd_of(int fd)
{
    struct ig_file *f = ig_fd_get(fd);

    return f && f->ops == &timerfd_ops ? f->priv : NULL;
}

int ig_vfs_timerfd_get(int fd, uint64_t *value, uint64_t *interval)
{
    struct timerfd *t;
    uint64_t now = ig_plat_clock_monotonic();

    if (!ig_fd_get(fd))
        return -EBADF;
    if (!(t = timerfd_of(fd)))
        return -EINVAL;
    *interval = t->interval;
    *value = t->co.armed ? (t->co.when > now ? t->co.when - now : 1) : 0;
    return 0;
}

int ig_vfs_timerfd_set(int fd, int abs, uint64_t value, uint64_t interval)
{
    struct timerfd *t;
    uint64_t now = ig_plat_clock_monotonic();

    if (!ig_fd_get(fd))
        return -EBADF;
    if (!(t = timerfd_of(fd)))
        return -EINVAL;
    ig_callout_cancel(&t->co);
    t->count = 0; /* Linux: setting the timer drops unread expirations */
    t->interval = interval;
    if (value == 0)
        return 0;
    if (abs && t->clock == IG_TIMERFD_REALTIME) {
        uint64_t wall = ig_plat_clock_wall();
        value = value > wall ? now + (value - wall) : now;
    } else if (!abs) {
        value = value > UINT64_MAX - now ? UINT64_MAX - 1 : now + value;
    }
    ig_callout_arm(&t->co, value > now ? value : now);
    return 0;
}
