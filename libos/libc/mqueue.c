/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mqueue.c: POSIX message queues as objects of the image's namespace. */
#include <ingot/plat.h>
#include <ingot/posix.h>
#include <ingot/sched.h>
#include <ingot/signal.h>
#include <ingot/vfs.h>

#include <fcntl.h>
#include <limits.h>
#include <mqueue.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define MAXMSG_MAX 65536 /* Linux's hard limits for a privileged caller */
#define MSGSIZE_MAX 16777216

/*
 * A queue keeps its messages in a list sorted by priority, highest first,
 * in order of arrival within one.  Descriptors (mqd_t) are file
 * descriptors, as on Linux: each open description has its own O_NONBLOCK
 * and access mode (the file's flags), and poll(), select() and epoll see
 * a queue readable while it holds a message and writable while it has
 * room.  An unlinked queue lives on until its last descriptor closes.
 */
struct msg {
    struct msg *next;
    unsigned prio;
    size_t len;
    char data[];
};

struct queue {
    struct queue *next;
    char name[NAME_MAX + 1];
    int linked, opens;
    long maxmsg, msgsize, cur;
    struct msg *head;
    struct ig_waitq readers, writers;
    int receivers;               /* threads waiting in mq_receive */
    struct sigevent notify;      /* mq_notify, once */
    struct ig_file *notify_desc; /* NULL: none registered */
};

static struct queue *queues;
static const struct ig_file_ops mq_ops;

/* glibc's rule: "/name", one slash only. */
static int check_name(const char *name)
{
    if (name[0] != '/')
        return -EINVAL;
    size_t n = strlen(name + 1);
    if (n == 0 || strchr(name + 1, '/'))
        return -EACCES;
    if (n > NAME_MAX)
        return -ENAMETOOLONG;
    return 0;
}

static struct queue *find(const char *name)
{
    for (struct queue *q = queues; q; q = q->next)
        if (q->linked && !strcmp(q->name, name + 1))
            return q;
    return NULL;
}

static void drop(struct queue *q)
{
    struct queue **p = &queues;

    if (q->opens || q->linked)
        return;
    while (*p != q)
        p = &(*p)->next;
    *p = q->next;
    while (q->head) {
        struct msg *m = q->head;
        q->head = m->next;
        free(m);
    }
    free(q);
}

static int open_r(const char *name, int oflag, mode_t mode,
                  const struct mq_attr *attr)
{
    struct queue *q;
    int r;

    (void)mode; /* nothing checks modes inside one image */
    if ((r = check_name(name)) < 0)
        return r;
    if ((oflag & O_ACCMODE) == O_ACCMODE)
        return -EINVAL;
    if ((q = find(name))) {
        if ((oflag & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
            return -EEXIST;
    } else {
        if (!(oflag & O_CREAT))
            return -ENOENT;
        long maxmsg = attr ? attr->mq_maxmsg : 10;
        long msgsize = attr ? attr->mq_msgsize : 8192;
        if (maxmsg <= 0 || msgsize <= 0 || maxmsg > MAXMSG_MAX ||
            msgsize > MSGSIZE_MAX)
            return -EINVAL;
        if (!(q = calloc(1, sizeof(*q))))
            return -ENOMEM;
        strcpy(q->name, name + 1);
        q->linked = 1;
        q->maxmsg = maxmsg;
        q->msgsize = msgsize;
        q->next = queues;
        queues = q;
    }
    q->opens++;
    int d = ig_fd_install(&mq_ops, oflag & (O_ACCMODE | O_NONBLOCK), q);
    if (d < 0) /* the file was released, and the queue with it */
        return d;
    /* Linux's mq_open() sets close-on-exec. */
    ig_vfs_fcntl(d, F_SETFD, FD_CLOEXEC);
    return d;
}

mqd_t mq_open(const char *name, int oflag, ...)
{
    mode_t mode = 0;
    struct mq_attr *attr = NULL;

    if (oflag & O_CREAT) {
        va_list ap;
        va_start(ap, oflag);
        mode = (mode_t)va_arg(ap, int);
        attr = va_arg(ap, struct mq_attr *);
        va_end(ap);
    }
    return (mqd_t)ig_posix_ret(open_r(name, oflag, mode, attr));
}

/* The open description of queue descriptor (d), or NULL. */
static struct ig_file *desc_of(mqd_t d)
{
    struct ig_file *f = ig_fd_get(d);

    return f && f->ops == &mq_ops ? f : NULL;
}

static struct queue *Q(struct ig_file *f)
{
    return f->priv;
}

int mq_close(mqd_t d)
{
    if (!desc_of(d))
        return (int)ig_posix_ret(-EBADF);
    return (int)ig_posix_ret(ig_vfs_close(d));
}

int mq_unlink(const char *name)
{
    struct queue *q;
    int r = check_name(name);

    if (r < 0)
        return (int)ig_posix_ret(r == -EACCES ? -ENOENT : r);
    if (!(q = find(name)))
        return (int)ig_posix_ret(-ENOENT);
    q->linked = 0;
    drop(q);
    return 0;
}

static uint64_t deadline_of(const struct timespec *abs, int *err)
{
    if (!abs)
        return UINT64_MAX;
    if (abs->tv_nsec < 0 || abs->tv_nsec >= 1000000000l) {
        *err = -EINVAL;
        return 0;
    }
    uint64_t when = abs->tv_sec < 0 ? 0
                                    : (uint64_t)abs->tv_sec * 1000000000ull +
                                          (uint64_t)abs->tv_nsec;
    uint64_t wall = ig_plat_clock_wall(), now = ig_plat_clock_monotonic();
    return when <= wall ? now : now + (when - wall);
}

struct notice {
    void (*fn)(union sigval);
    union sigval value;
};

static void *notice_main(void *arg)
{
    struct notice n = *(struct notice *)arg;

    free(arg);
    n.fn(n.value);
    return NULL;
}

/* A message into an empty queue nobody waits on fires the registration. */
static void notify(struct queue *q)
{
    struct sigevent ev = q->notify;

    q->notify_desc = NULL;
    if (ev.sigev_notify == SIGEV_SIGNAL) {
        siginfo_t info;
        memset(&info, 0, sizeof(info));
        info.si_signo = ev.sigev_signo;
        info.si_code = SI_MESGQ;
        info.si_pid = 1;
        info.si_value = ev.sigev_value;
        ig_signal_post_info(&info);
    } else if (ev.sigev_notify == SIGEV_THREAD) {
        pthread_attr_t attr, *a = ev.sigev_notify_attributes;
        struct notice *n = malloc(sizeof(*n));
        pthread_t t;
        if (!n)
            return; /* as Linux when it cannot start the thread */
        *n = (struct notice){ev.sigev_notify_function, ev.sigev_value};
        if (!a) {
            pthread_attr_init(&attr);
            a = &attr;
        }
        pthread_attr_setdetachstate(a, PTHREAD_CREATE_DETACHED);
        if (pthread_create(&t, a, notice_main, n) != 0)
            free(n);
    }
}

static long send_r(mqd_t d, const char *data, size_t len, unsigned prio,
                   const struct timespec *abs)
{
    struct ig_file *ds = desc_of(d);
    int err = 0;

    if (!ds || (ds->flags & O_ACCMODE) == O_RDONLY)
        return -EBADF;
    struct queue *q = Q(ds);
    if (len > (size_t)q->msgsize)
        return -EMSGSIZE;
    if (prio >= MQ_PRIO_MAX)
        return -EINVAL;
    while (q->cur >= q->maxmsg) {
        if (ds->flags & O_NONBLOCK)
            return -EAGAIN;
        uint64_t deadline = deadline_of(abs, &err);
        if (err)
            return err;
        int r = ig_waitq_wait_intr(&q->writers, deadline);
        if (r == -IG_ERESTART)
            return r;
        if (r == -ETIMEDOUT && q->cur >= q->maxmsg)
            return -ETIMEDOUT;
        if (desc_of(d) != ds) /* another thread closed it */
            return -EBADF;
    }
    struct msg *m = malloc(sizeof(*m) + len), **at = &q->head;
    if (!m)
        return -ENOMEM;
    m->prio = prio;
    m->len = len;
    memcpy(m->data, data, len);
    while (*at && (*at)->prio >= prio)
        at = &(*at)->next;
    m->next = *at;
    *at = m;
    if (q->cur++ == 0 && q->notify_desc && !q->receivers)
        notify(q);
    ig_waitq_wake_one(&q->readers);
    ig_file_notify(); /* pollers: readable now */
    return 0;
}

static long receive_r(mqd_t d, char *buf, size_t len, unsigned *prio,
                      const struct timespec *abs)
{
    struct ig_file *ds = desc_of(d);
    int err = 0;

    if (!ds || (ds->flags & O_ACCMODE) == O_WRONLY)
        return -EBADF;
    struct queue *q = Q(ds);
    if (len < (size_t)q->msgsize)
        return -EMSGSIZE;
    while (!q->head) {
        if (ds->flags & O_NONBLOCK)
            return -EAGAIN;
        uint64_t deadline = deadline_of(abs, &err);
        if (err)
            return err;
        q->receivers++;
        int r = ig_waitq_wait_intr(&q->readers, deadline);
        q->receivers--;
        if (r == -IG_ERESTART)
            return r;
        if (r == -ETIMEDOUT && !q->head)
            return -ETIMEDOUT;
        if (desc_of(d) != ds)
            return -EBADF;
    }
    struct msg *m = q->head;
    q->head = m->next;
    q->cur--;
    memcpy(buf, m->data, m->len);
    if (prio)
        *prio = m->prio;
    long n = (long)m->len;
    free(m);
    ig_waitq_wake_one(&q->writers);
    ig_file_notify(); /* pollers: writable now */
    return n;
}

/* Made again after SA_RESTART handlers, as on Linux; cancellation points. */
int mq_timedsend(mqd_t d, const char *msg, size_t len, unsigned prio,
                 const struct timespec *abs)
{
    long r;

    ig_sched_testcancel();
    do
        r = send_r(d, msg, len, prio, abs);
    while (ig_sched_again(&r, 1));
    return (int)ig_posix_ret(r);
}

int mq_send(mqd_t d, const char *msg, size_t len, unsigned prio)
{
    return mq_timedsend(d, msg, len, prio, NULL);
}

ssize_t mq_timedreceive(mqd_t d, char *msg, size_t len, unsigned *prio,
                        const struct timespec *abs)
{
    long r;

    ig_sched_testcancel();
    do
        r = receive_r(d, msg, len, prio, abs);
    while (ig_sched_again(&r, 1));
    return ig_posix_ret(r);
}

ssize_t mq_receive(mqd_t d, char *msg, size_t len, unsigned *prio)
{
    return mq_timedreceive(d, msg, len, prio, NULL);
}

int mq_getattr(mqd_t d, struct mq_attr *attr)
{
    struct ig_file *ds = desc_of(d);

    if (!ds)
        return (int)ig_posix_ret(-EBADF);
    memset(attr, 0, sizeof(*attr));
    attr->mq_flags = ds->flags & O_NONBLOCK;
    attr->mq_maxmsg = Q(ds)->maxmsg;
    attr->mq_msgsize = Q(ds)->msgsize;
    attr->mq_curmsgs = Q(ds)->cur;
    return 0;
}

/* Only O_NONBLOCK can change. */
int mq_setattr(mqd_t d, const struct mq_attr *attr, struct mq_attr *old)
{
    struct ig_file *ds = desc_of(d);

    if (!ds)
        return (int)ig_posix_ret(-EBADF);
    if (attr->mq_flags & ~(long)O_NONBLOCK)
        return (int)ig_posix_ret(-EINVAL);
    if (old)
        mq_getattr(d, old);
    ds->flags = (ds->flags & ~O_NONBLOCK) | (int)(attr->mq_flags & O_NONBLOCK);
    return 0;
}

int mq_notify(mqd_t d, const struct sigevent *sev)
{
    struct ig_file *ds = desc_of(d);

    if (!ds)
        return (int)ig_posix_ret(-EBADF);
    struct queue *q = Q(ds);
    if (!sev) { /* the one process always is the registered one */
        q->notify_desc = NULL;
        return 0;
    }
    if (q->notify_desc)
        return (int)ig_posix_ret(-EBUSY);
    /* SIGEV_NONE registers without a notification, as on Linux. */
    if ((sev->sigev_notify == SIGEV_SIGNAL &&
         (sev->sigev_signo < 1 || sev->sigev_signo >= NSIG)) ||
        (sev->sigev_notify != SIGEV_SIGNAL &&
         sev->sigev_notify != SIGEV_THREAD &&
         sev->sigev_notify != SIGEV_NONE) ||
        (sev->sigev_notify == SIGEV_THREAD && !sev->sigev_notify_function))
        return (int)ig_posix_ret(-EINVAL);
    q->notify = *sev;
    q->notify_desc = ds;
    return 0;
}

static unsigned mq_poll(struct ig_file *f)
{
    struct queue *q = Q(f);

    return (q->head ? IG_POLL_IN : 0) | (q->cur < q->maxmsg ? IG_POLL_OUT : 0);
}

/* The last descriptor of an open description went (mq_close, close). */
static void mq_release(struct ig_file *f)
{
    struct queue *q = Q(f);

    if (q->notify_desc == f)
        q->notify_desc = NULL; /* its registration goes with it */
    q->opens--;
    drop(q);
}

static const struct ig_file_ops mq_ops = {
    .poll = mq_poll,
    .release = mq_release,
};
