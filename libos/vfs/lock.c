/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* lock.c: fcntl(2) record locks (process and OFD) and flock(2). */
#include <errno.h>
#include <fcntl.h>
#include <ingot/sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "vfs_internal.h"

/*
 * Every lock is a byte range [start, end) of a vnode with an owner.
 * Traditional fcntl locks belong to the process: the image is one, so
 * they never conflict with each other (as on Linux, a process's own locks
 * replace each other) and go when any descriptor of the file is closed.
 * OFD locks and flock() locks belong to the open file description and go
 * with its last descriptor.  fcntl locks of either kind conflict with
 * each other; flock() locks are a separate space.  Waiters sleep on one
 * queue and look again whenever a lock is released.
 */
#define PROCESS_OWNER ((void *)1)

struct lock {
    struct ig_vnode *vn;
    void *owner;      /* PROCESS_OWNER or the struct ig_file */
    int flock;        /* a flock() lock (whole file) */
    int type;         /* IG_LOCK_RD or IG_LOCK_WR */
    off_t start, end; /* end == INT64_MAX: to end of file, growing */
    struct lock *next;
};

static struct lock *locks;
static struct ig_waitq waiters;

static int overlaps(const struct lock *l, off_t start, off_t end)
{
    return l->start < end && start < l->end;
}

/* The first lock that (owner) cannot coexist with. */
static struct lock *conflict(struct ig_vnode *vn, void *owner, int flock,
                             int type, off_t start, off_t end)
{
    for (struct lock *l = locks; l; l = l->next)
        if (l->vn == vn && l->flock == flock && l->owner != owner &&
            overlaps(l, start, end) &&
            (type == IG_LOCK_WR || l->type == IG_LOCK_WR))
            return l;
    return NULL;
}

/* Removes (owner)'s locks of (vn) in [start, end), splitting ranges that
 * stick out.  Returns 0 or -ENOLCK when a split needs memory. */
static int clear(struct ig_vnode *vn, void *owner, int flock, off_t start,
                 off_t end)
{
    for (struct lock **pp = &locks; *pp;) {
        struct lock *l = *pp;
        if (l->vn != vn || l->owner != owner || l->flock != flock ||
            !overlaps(l, start, end)) {
            pp = &l->next;
            continue;
        }
        if (l->start < start && l->end > end) {
            struct lock *tail = malloc(sizeof(*tail));
            if (!tail)
                return -ENOLCK;
            *tail = *l;
            tail->start = end;
            l->end = start;
            l->next = tail;
            return 0;
        }
        if (l->start < start) {
            l->end = start;
        } else if (l->end > end) {
            l->start = end;
        } else {
            *pp = l->next;
            free(l);
            continue;
        }
        pp = &l->next;
    }
    return 0;
}

static int add(struct ig_vnode *vn, void *owner, int flock, int type,
               off_t start, off_t end)
{
    int err = clear(vn, owner, flock, start, end);
    if (err || type == IG_LOCK_UN) {
        ig_waitq_wake_all(&waiters);
        return err;
    }
    struct lock *l = malloc(sizeof(*l));
    if (!l)
        return -ENOLCK;
    *l = (struct lock){vn, owner, flock, type, start, end, locks};
    locks = l;
    /* A downgrade (write to read) may let readers in. */
    ig_waitq_wake_all(&waiters);
    return 0;
}

/* The range of (l) relative to (f): [*start, *end).  Returns 0 or
 * -EINVAL (a start before the file, an overflowing range). */
static int range(struct ig_file *f, const struct ig_lock *l, off_t *start,
                 off_t *end)
{
    off_t base;
    int err = ig_file_whence_base(f, l->whence, &base);

    if (err)
        return err;
    if ((l->start > 0 && base > INT64_MAX - l->start) ||
        (l->start < 0 && base < -l->start))
        return -EINVAL;
    off_t s = base + l->start;
    if (l->len == 0) {
        *start = s;
        *end = INT64_MAX;
    } else if (l->len > 0) {
        if (s > INT64_MAX - l->len)
            return -EOVERFLOW;
        *start = s;
        *end = s + l->len;
    } else { /* a negative length locks the bytes before start */
        if (s + l->len < 0)
            return -EINVAL;
        *start = s + l->len;
        *end = s;
    }
    return 0;
}

int ig_vfs_lock(int fd, int ofd, int cmd, struct ig_lock *l)
{
    struct ig_file *f = ig_fd_get(fd);
    off_t start, end;

    if (!f)
        return -EBADF;
    if (l->type != IG_LOCK_RD && l->type != IG_LOCK_WR && l->type != IG_LOCK_UN)
        return -EINVAL;
    if (ofd && l->pid != 0)
        return -EINVAL;
    if (!f->vn)
        return -EINVAL; /* pipes, sockets */
    int err = range(f, l, &start, &end);
    if (err)
        return err;
    void *owner = ofd ? (void *)f : PROCESS_OWNER;
    if (cmd == IG_LOCK_GET) {
        if (l->type == IG_LOCK_UN)
            return -EINVAL;
        struct lock *c = conflict(f->vn, owner, 0, l->type, start, end);
        if (!c) {
            l->type = IG_LOCK_UN;
            return 0;
        }
        l->type = c->type;
        l->whence = SEEK_SET;
        l->start = c->start;
        l->len = c->end == INT64_MAX ? 0 : c->end - c->start;
        l->pid = c->owner == PROCESS_OWNER ? 1 : -1;
        return 0;
    }
    int acc = f->flags & O_ACCMODE;
    if ((l->type == IG_LOCK_RD && acc == O_WRONLY) ||
        (l->type == IG_LOCK_WR && acc == O_RDONLY))
        return -EBADF;
    while (l->type != IG_LOCK_UN &&
           conflict(f->vn, owner, 0, l->type, start, end)) {
        if (cmd != IG_LOCK_WAIT)
            return -EAGAIN;
        ig_waitq_wait(&waiters, UINT64_MAX);
    }
    return add(f->vn, owner, 0, l->type, start, end);
}

int ig_vfs_flock(int fd, int type, int wait)
{
    struct ig_file *f = ig_fd_get(fd);

    if (!f)
        return -EBADF;
    if (type != IG_LOCK_RD && type != IG_LOCK_WR && type != IG_LOCK_UN)
        return -EINVAL;
    if (!f->vn)
        return 0; /* Linux allows flock on pipes and sockets too */
    /* A conversion drops the old lock first, as on Linux. */
    if (type != IG_LOCK_UN)
        clear(f->vn, f, 1, 0, INT64_MAX);
    while (type != IG_LOCK_UN && conflict(f->vn, f, 1, type, 0, INT64_MAX)) {
        if (!wait)
            return -EWOULDBLOCK;
        ig_waitq_wait(&waiters, UINT64_MAX);
    }
    return add(f->vn, f, 1, type, 0, INT64_MAX);
}

/* Closing a descriptor of (f) drops the process's fcntl locks on its
 * vnode; freeing (f) drops its OFD and flock() locks. */
static void release(struct ig_file *f, int last)
{
    int any = 0;

    if (!f->vn)
        return;
    for (struct lock **pp = &locks; *pp;) {
        struct lock *l = *pp;
        if (l->vn == f->vn &&
            (l->owner == PROCESS_OWNER || (last && l->owner == f))) {
            *pp = l->next;
            free(l);
            any = 1;
            continue;
        }
        pp = &l->next;
    }
    if (any)
        ig_waitq_wake_all(&waiters);
}

void (*const ig_vfs_lock_release)(struct ig_file *f, int last) = release;
