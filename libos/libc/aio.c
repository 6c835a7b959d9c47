/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* aio.c: POSIX asynchronous I/O on library-OS threads. */
#include <ingot/plat.h>
#include <ingot/posix.h>
#include <ingot/sched.h>
#include <ingot/signal.h>

#include <aio.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { QUEUED, RUNNING, DONE };

/* lio_listio(LIO_NOWAIT, ..., sev): notified when its last request ends. */
struct group {
    int left;
    struct sigevent ev;
};

struct notice {
    void (*fn)(union sigval);
    union sigval value;
};

static struct ig_waitq done_q; /* aio_suspend, lio_listio(LIO_WAIT) */

static void *notice_main(void *arg)
{
    struct notice n = *(struct notice *)arg;

    free(arg);
    n.fn(n.value);
    return NULL;
}

/* SIGEV_SIGNAL (si_code SI_ASYNCIO) or SIGEV_THREAD, as for timers. */
static void notify(const struct sigevent *ev)
{
    if (ev->sigev_notify == SIGEV_SIGNAL && ev->sigev_signo > 0) {
        siginfo_t info;
        memset(&info, 0, sizeof(info));
        info.si_signo = ev->sigev_signo;
        info.si_code = SI_ASYNCIO;
        info.si_pid = 1;
        info.si_value = ev->sigev_value;
        ig_signal_post_info(&info);
    } else if (ev->sigev_notify == SIGEV_THREAD && ev->sigev_notify_function) {
        struct notice *n = malloc(sizeof(*n));
        pthread_attr_t attr;
        pthread_t t;
        if (!n)
            return;
        *n = (struct notice){ev->sigev_notify_function, ev->sigev_value};
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        if (pthread_create(&t, &attr, notice_main, n) != 0)
            free(n);
    }
}

static void finish(struct aiocb *cb, ssize_t r, int err)
{
    struct group *g = (struct group *)cb->__next;

    cb->__return_value = r;
    cb->__error_code = err;
    cb->__state = DONE;
    cb->__next = NULL;
    notify(&cb->aio_sigevent);
    if (g && --g->left == 0) {
        notify(&g->ev);
        free(g);
    }
    ig_waitq_wake_all(&done_q);
}

static void *worker(void *arg)
{
    struct aiocb *cb = arg;
    ssize_t r;

    if (cb->__state != QUEUED) /* cancelled before it started */
        return NULL;
    cb->__state = RUNNING;
    switch (cb->aio_lio_opcode) {
    case LIO_READ:
        r = pread(cb->aio_fildes, (void *)cb->aio_buf, cb->aio_nbytes,
                  cb->aio_offset);
        break;
    case LIO_WRITE:
        /* O_APPEND: at the end, as POSIX has it for aio_write. */
        r = (fcntl(cb->aio_fildes, F_GETFL) & O_APPEND)
                ? write(cb->aio_fildes, (const void *)cb->aio_buf,
                        cb->aio_nbytes)
                : pwrite(cb->aio_fildes, (const void *)cb->aio_buf,
                         cb->aio_nbytes, cb->aio_offset);
        break;
    case O_DSYNC:
        r = fdatasync(cb->aio_fildes);
        break;
    default: /* O_SYNC */
        r = fsync(cb->aio_fildes);
        break;
    }
    finish(cb, r, r < 0 ? errno : 0);
    return NULL;
}

/* Queues (cb) with (op); errors are the request's (aio_error), as
 * glibc's, except for what cannot start at all. */
static int submit(struct aiocb *cb, int op, struct group *g)
{
    pthread_attr_t attr;
    pthread_t t;

    /* A zeroed block asks for SIGEV_SIGNAL with signal 0: no signal, as
     * on Linux. */
    if (cb->aio_reqprio < 0 || (cb->aio_sigevent.sigev_notify == SIGEV_SIGNAL &&
                                (cb->aio_sigevent.sigev_signo < 0 ||
                                 cb->aio_sigevent.sigev_signo >= NSIG)))
        return -EINVAL;
    if (fcntl(cb->aio_fildes, F_GETFL) < 0)
        return -EBADF;
    if (op != O_SYNC && op != O_DSYNC && cb->aio_offset < 0)
        return -EINVAL;
    if (op == O_SYNC || op == O_DSYNC)
        cb->aio_lio_opcode = op;
    cb->__state = QUEUED;
    cb->__error_code = EINPROGRESS;
    cb->__return_value = 0;
    cb->__next = (struct aiocb *)(void *)g;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (pthread_create(&t, &attr, worker, cb) != 0) {
        cb->__state = DONE;
        cb->__error_code = EAGAIN;
        cb->__next = NULL;
        return -EAGAIN;
    }
    return 0;
}

int aio_read(struct aiocb *cb)
{
    cb->aio_lio_opcode = LIO_READ;
    return (int)ig_posix_ret(submit(cb, LIO_READ, NULL));
}

int aio_write(struct aiocb *cb)
{
    cb->aio_lio_opcode = LIO_WRITE;
    return (int)ig_posix_ret(submit(cb, LIO_WRITE, NULL));
}

int aio_fsync(int op, struct aiocb *cb)
{
    if (op != O_SYNC && op != O_DSYNC)
        return (int)ig_posix_ret(-EINVAL);
    return (int)ig_posix_ret(submit(cb, op, NULL));
}

int aio_error(const struct aiocb *cb)
{
    return cb->__error_code;
}

ssize_t aio_return(struct aiocb *cb)
{
    if (cb->__error_code == EINPROGRESS)
        return ig_posix_ret(-EINVAL);
    return cb->__return_value;
}

static int any_done(const struct aiocb *const list[], int n)
{
    for (int i = 0; i < n; i++)
        if (list[i] && list[i]->__error_code != EINPROGRESS)
            return 1;
    return 0;
}

/* Not made again after a handler (EINTR), as on Linux. */
int aio_suspend(const struct aiocb *const list[], int n,
                const struct timespec *timeout)
{
    uint64_t deadline = UINT64_MAX;

    if (n < 0)
        return (int)ig_posix_ret(-EINVAL);
    if (timeout) {
        if (timeout->tv_sec < 0 || timeout->tv_nsec < 0 ||
            timeout->tv_nsec >= 1000000000l)
            return (int)ig_posix_ret(-EINVAL);
        deadline = ig_plat_clock_monotonic() +
                   (uint64_t)timeout->tv_sec * 1000000000ull +
                   (uint64_t)timeout->tv_nsec;
    }
    ig_sched_testcancel();
    while (!any_done(list, n)) {
        long r = ig_waitq_wait_intr(&done_q, deadline);
        if (r == -IG_ERESTART) {
            ig_sched_again(&r, 0);
            return (int)ig_posix_ret(r);
        }
        if (r == -ETIMEDOUT && !any_done(list, n))
            return (int)ig_posix_ret(-EAGAIN);
    }
    return 0;
}

static int cancel_one(struct aiocb *cb)
{
    if (cb->__state == DONE)
        return AIO_ALLDONE;
    if (cb->__state == RUNNING)
        return AIO_NOTCANCELED;
    finish(cb, -1, ECANCELED);
    return AIO_CANCELED;
}

/* Requests are tracked by their control blocks only: aio_cancel(fd, NULL)
 * can cancel none it does not know, and answers as for all done. */
int aio_cancel(int fd, struct aiocb *cb)
{
    if (fcntl(fd, F_GETFL) < 0)
        return (int)ig_posix_ret(-EBADF);
    if (!cb)
        return AIO_ALLDONE;
    if (cb->aio_fildes != fd)
        return (int)ig_posix_ret(-EINVAL);
    return cancel_one(cb);
}

int lio_listio(int mode, struct aiocb *const list[], int n,
               struct sigevent *sev)
{
    struct group *g = NULL;
    int failed = 0, queued = 0;

    if ((mode != LIO_WAIT && mode != LIO_NOWAIT) || n < 0)
        return (int)ig_posix_ret(-EINVAL);
    if (mode == LIO_NOWAIT && sev && sev->sigev_notify != SIGEV_NONE) {
        if (!(g = calloc(1, sizeof(*g))))
            return (int)ig_posix_ret(-EAGAIN);
        g->ev = *sev;
        g->left = 1; /* until every request is queued */
    }
    for (int i = 0; i < n; i++) {
        struct aiocb *cb = list[i];
        if (!cb || cb->aio_lio_opcode == LIO_NOP)
            continue;
        if (cb->aio_lio_opcode != LIO_READ && cb->aio_lio_opcode != LIO_WRITE) {
            cb->__error_code = EINVAL;
            cb->__return_value = -1;
            failed = 1;
            continue;
        }
        if (g)
            g->left++;
        if (submit(cb, cb->aio_lio_opcode, g) < 0) {
            if (g)
                g->left--;
            cb->__error_code =
                cb->__error_code == EINPROGRESS ? EINVAL : cb->__error_code;
            failed = 1;
            continue;
        }
        queued++;
    }
    if (g && --g->left == 0) {
        notify(&g->ev);
        free(g);
    }
    if (mode == LIO_WAIT) {
        for (int i = 0; i < n; i++) {
            while (list[i] && list[i]->aio_lio_opcode != LIO_NOP &&
                   list[i]->__error_code == EINPROGRESS) {
                long r = ig_waitq_wait_intr(&done_q, UINT64_MAX);
                if (r == -IG_ERESTART) {
                    ig_sched_again(&r, 0);
                    return (int)ig_posix_ret(r);
                }
            }
            if (list[i] && list[i]->aio_lio_opcode != LIO_NOP &&
                list[i]->__error_code != 0)
                failed = 1;
        }
    }
    (void)queued;
    return failed ? (int)ig_posix_ret(-EIO) : 0;
}
