/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* epoll.c: epoll_create1/ctl/wait over the files' readiness. */
#include <ingot/list.h>
#include <ingot/posix.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/stat.h>

#include "net_internal.h"

struct item {
    int fd;
    struct ig_file *file; /* the description registered under (fd) */
    uint32_t events;
    epoll_data_t data;
    unsigned last;      /* EPOLLET: the bits seen at the last scan */
    unsigned long seen; /* EPOLLET: ig_file_notify_seq at the last scan */
    uint64_t seen_ev;   /* EPOLLET: the file's event at the last scan */
    int disabled;       /* EPOLLONESHOT fired */
    int queued;         /* ready at the last scan, in the order of (rank) */
    uint64_t rank;      /* when it joined the ready ones (ig_file_event()) */
};

/* Linux keeps a ready list: a file joins its tail when an event makes it
 * ready, and a level-triggered one goes back to the tail once reported.
 * Programs see that order (redis serves its clients in it), so the scan
 * sorts the ready items by (rank), the number of the event that made them
 * ready, or of their last report. */
struct epoll {
    struct ig_link link; /* in instances, for forget() */
    struct item *items;
    struct item **ready; /* scratch for scan(), (cap) entries */
    int n, cap;
};

static struct ig_list instances;

static const struct ig_file_ops epoll_ops;

static struct item *find(struct epoll *ep, int fd)
{
    for (int i = 0; i < ep->n; i++)
        if (ep->items[i].fd == fd)
            return &ep->items[i];
    return NULL;
}

/* A file description is going away: Linux drops it from every epoll
 * set then, so its descriptor number can be reused safely. */
static void forget(struct ig_file *f)
{
    IG_LIST_FOREACH(l, &instances)
    {
        struct epoll *ep = IG_LIST_ENTRY(l, struct epoll, link);
        for (int i = 0; i < ep->n;)
            if (ep->items[i].file == f)
                ep->items[i] = ep->items[--ep->n];
            else
                i++;
    }
}

static unsigned ready(struct item *it)
{
    unsigned want = (it->events & ~(EPOLLET | EPOLLONESHOT | EPOLLEXCLUSIVE)) |
                    EPOLLERR | EPOLLHUP;

    if (it->disabled)
        return 0;
    return ig_file_poll(it->file) & want;
}

static int by_rank(const void *a, const void *b)
{
    const struct item *x = *(struct item *const *)a,
                      *y = *(struct item *const *)b;
    return x->rank < y->rank ? -1 : x->rank > y->rank;
}

static int scan(struct epoll *ep, struct epoll_event *out, int max)
{
    int nready = 0, count = 0;

    for (int i = 0; i < ep->n; i++) {
        struct item *it = &ep->items[i];
        unsigned ev = ready(it);
        if (!ev) {
            it->queued = 0;
            continue;
        }
        if (!it->queued) {
            uint64_t e =
                it->file->ops->event ? it->file->ops->event(it->file) : 0;
            it->queued = 1;
            it->rank = e ? e : ig_file_event();
        }
        ep->ready[nready++] = it;
    }
    if (nready > 1)
        qsort(ep->ready, (size_t)nready, sizeof(*ep->ready), by_rank);
    for (int k = 0; k < nready && count < max; k++) {
        struct item *it = ep->ready[k];
        unsigned ev = ready(it);
        if (it->events & EPOLLET) {
            /* An edge is new readiness, but also readiness that dropped
             * and came back between two scans (a socket read empty, then
             * more data): Linux reports an item again whenever its file
             * wakes its waiters.  A file that numbers its events (.event:
             * sockets) is reported again after an event of its own; for
             * the others any wakeup since the last scan re-reports what
             * is ready, which can only add a spurious event, never lose
             * one. */
            const struct ig_file_ops *ops = it->file->ops;
            uint64_t fev = ops->event ? ops->event(it->file) : 0;
            int woke = ops->event ? fev != it->seen_ev
                                  : it->seen != ig_file_notify_seq;
            unsigned fresh = woke ? ev : ev & ~it->last;
            it->last = ev;
            it->seen = ig_file_notify_seq;
            it->seen_ev = fev;
            ev = fresh;
        }
        if (!ev)
            continue;
        out[count].events = ev;
        out[count].data = it->data;
        count++;
        it->rank = ig_file_event(); /* back to the tail */
        if (it->events & EPOLLONESHOT)
            it->disabled = 1;
    }
    return count;
}

static unsigned epoll_poll(struct ig_file *f)
{
    struct epoll *ep = f->priv;

    for (int i = 0; i < ep->n; i++)
        if (ready(&ep->items[i]))
            return IG_POLL_IN;
    return 0;
}

static int epoll_stat(struct ig_file *f, struct stat *st)
{
    (void)f;
    *st = (struct stat){0};
    st->st_mode = 0600;
    st->st_nlink = 1;
    return 0;
}

static void epoll_release(struct ig_file *f)
{
    struct epoll *ep = f->priv;

    /* Not yet linked when installing its descriptor failed. */
    if (ig_list_linked(&instances, &ep->link))
        ig_list_remove(&instances, &ep->link);
    free(ep->items);
    free(ep->ready);
    free(ep);
}

static const struct ig_file_ops epoll_ops = {
    .stat = epoll_stat,
    .poll = epoll_poll,
    .release = epoll_release,
};

static int create(int flags)
{
    if (flags & ~EPOLL_CLOEXEC)
        return -EINVAL;
    struct epoll *ep = calloc(1, sizeof(*ep));
    if (!ep)
        return -ENOMEM;
    /* EPOLL_CLOEXEC has nothing to do: nothing is ever executed. */
    int fd = ig_fd_install(&epoll_ops, O_RDONLY, ep);
    if (fd < 0)
        return fd; /* ep was freed with the file */
    ig_file_gone_hook = forget;
    ig_list_push_head(&instances, &ep->link);
    return fd;
}

int epoll_create1(int flags)
{
    return (int)ig_posix_ret(create(flags));
}

int epoll_create(int size)
{
    return (int)ig_posix_ret(size <= 0 ? -EINVAL : create(0));
}

static int ctl(int epfd, int op, int fd, struct epoll_event *event)
{
    struct ig_file *ef = ig_fd_get(epfd), *f = ig_fd_get(fd);

    if (!ef || !f)
        return -EBADF;
    if (ef->ops != &epoll_ops || fd == epfd)
        return -EINVAL;
    if (f->ops == &epoll_ops)
        return -EINVAL; /* nesting is not supported */
    if (!f->ops->poll)
        return -EPERM; /* regular files, as Linux */
    struct epoll *ep = ef->priv;
    struct item *it = find(ep, fd);
    if (op != EPOLL_CTL_DEL && !event)
        return -EFAULT;
    switch (op) {
    case EPOLL_CTL_ADD:
        if (it)
            return -EEXIST;
        if (ep->n == ep->cap) {
            int cap = ep->cap ? ep->cap * 2 : 16;
            struct item **r = realloc(ep->ready, (size_t)cap * sizeof(*r));
            if (!r)
                return -ENOMEM;
            ep->ready = r;
            struct item *n = realloc(ep->items, (size_t)cap * sizeof(*n));
            if (!n)
                return -ENOMEM;
            ep->items = n;
            ep->cap = cap;
        }
        it = &ep->items[ep->n++];
        *it = (struct item){.fd = fd, .file = f};
        break;
    case EPOLL_CTL_MOD:
        if (!it)
            return -ENOENT;
        break;
    case EPOLL_CTL_DEL:
        if (!it)
            return -ENOENT;
        *it = ep->items[--ep->n];
        return 0;
    default:
        return -EINVAL;
    }
    it->events = event->events;
    it->data = event->data;
    it->last = 0;
    it->disabled = 0;
    ig_file_notify(); /* a thread in epoll_wait() looks again */
    return 0;
}

int epoll_ctl(int epfd, int op, int fd, struct epoll_event *event)
{
    return (int)ig_posix_ret(ctl(epfd, op, fd, event));
}

static int wait_events(int epfd, struct epoll_event *events, int maxevents,
                       int timeout)
{
    struct ig_file *ef = ig_fd_get(epfd);
    uint64_t deadline = ig_net_deadline_ms(timeout);
    int n;

    if (!ef)
        return -EBADF;
    if (ef->ops != &epoll_ops || maxevents <= 0)
        return -EINVAL;
    ig_poll_prepare();
    while ((n = scan(ef->priv, events, maxevents)) == 0) {
        int r = ig_poll_wait(deadline);
        if (r)
            return IG_INTERRUPTED(r) ? r : 0;
        if (ig_fd_get(epfd) != ef)
            return -EBADF;
    }
    return n;
}

int epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout)
{
    long r;

    ig_sched_testcancel();
    do
        r = wait_events(epfd, events, maxevents, timeout);
    while (ig_sched_again(&r, 0));
    return (int)ig_posix_ret(r);
}
