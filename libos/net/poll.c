/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* poll.c: poll(), select() and pselect() across every kind of descriptor. */
#include <ingot/plat.h>
#include <ingot/posix.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/select.h>
#include <sys/time.h>

#include "net_internal.h"

#define NS_PER_MS 1000000ull

struct ig_waitq ig_poll_waiters;

/* Weak: poll() on pipes alone must not pull in the network stack. */
extern uint64_t ig_net_poll(void) __attribute__((weak));

static void wake_pollers(void)
{
    ig_waitq_wake_all(&ig_poll_waiters);
}

void ig_poll_prepare(void)
{
    ig_file_notify_hook = wake_pollers;
    if (ig_net_poll)
        ig_net_poll();
}

uint64_t ig_net_deadline_ms(int timeout_ms)
{
    if (timeout_ms < 0)
        return UINT64_MAX;
    return ig_plat_clock_monotonic() + (uint64_t)timeout_ms * NS_PER_MS;
}

int ig_poll_wait(uint64_t deadline)
{
    if (ig_plat_clock_monotonic() >= deadline)
        return -ETIMEDOUT;
    /* Linux never makes poll, select or epoll_wait again after a
     * handler. */
    if (ig_waitq_wait_intr(&ig_poll_waiters, deadline) == -IG_ERESTART)
        return -IG_ERESTARTNOHAND;
    if (ig_net_poll)
        ig_net_poll();
    return 0;
}

static int scan(struct pollfd *fds, nfds_t n)
{
    int count = 0;

    for (nfds_t i = 0; i < n; i++) {
        struct ig_file *f = fds[i].fd >= 0 ? ig_fd_get(fds[i].fd) : NULL;
        fds[i].revents = 0;
        if (fds[i].fd < 0)
            continue;
        if (!f) {
            fds[i].revents = POLLNVAL;
            count++;
            continue;
        }
        unsigned want = (unsigned)fds[i].events | POLLERR | POLLHUP;
        if (want & POLLRDNORM)
            want |= POLLIN;
        if (want & POLLWRNORM)
            want |= POLLOUT;
        unsigned got = ig_file_poll(f) & want;
        if (got & POLLIN)
            got |= fds[i].events & POLLRDNORM;
        if (got & POLLOUT)
            got |= fds[i].events & POLLWRNORM;
        fds[i].revents = (short)got;
        if (got)
            count++;
    }
    return count;
}

static long do_poll(struct pollfd *fds, nfds_t nfds, uint64_t deadline)
{
    long n, r = 0;

    ig_poll_prepare();
    while ((n = scan(fds, nfds)) == 0 && (r = ig_poll_wait(deadline)) == 0)
        ;
    return IG_INTERRUPTED(r) ? r : n;
}

int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
    uint64_t deadline = ig_net_deadline_ms(timeout);
    long n;

    unsigned long soft, hard;
    ig_vfs_fd_limits(&soft, &hard);
    if (nfds > soft)
        return (int)ig_posix_ret(-EINVAL);
    ig_sched_testcancel();
    do
        n = do_poll(fds, nfds, deadline);
    while (ig_sched_again(&n, 0));
    return (int)ig_posix_ret(n);
}

/* select() as poll(): readable means IN, HUP or ERR; writable OUT or ERR;
 * no descriptor ever has an exceptional condition. */
static int select_scan(int n, fd_set *r, fd_set *w, fd_set *e, fd_set *out_r,
                       fd_set *out_w)
{
    int count = 0;

    FD_ZERO(out_r);
    FD_ZERO(out_w);
    for (int fd = 0; fd < n; fd++) {
        int wr = r && FD_ISSET(fd, r), ww = w && FD_ISSET(fd, w);
        int we = e && FD_ISSET(fd, e);
        if (!wr && !ww && !we)
            continue;
        struct ig_file *f = ig_fd_get(fd);
        if (!f)
            return -EBADF;
        unsigned ev = ig_file_poll(f);
        if (wr && (ev & (POLLIN | POLLHUP | POLLERR))) {
            FD_SET(fd, out_r);
            count++;
        }
        if (ww && (ev & (POLLOUT | POLLERR))) {
            FD_SET(fd, out_w);
            count++;
        }
    }
    return count;
}

/* Returns the count, or -EINVAL, -EBADF, -IG_ERESTARTNOHAND. */
static long select_once(int n, fd_set *r, fd_set *w, fd_set *e,
                        uint64_t deadline)
{
    fd_set out_r, out_w;
    long count, intr = 0;

    if (n < 0 || n > FD_SETSIZE)
        return -EINVAL;
    ig_poll_prepare();
    while ((count = select_scan(n, r, w, e, &out_r, &out_w)) == 0 &&
           (intr = ig_poll_wait(deadline)) == 0)
        ;
    if (IG_INTERRUPTED(intr))
        return intr;
    if (count < 0)
        return count;
    if (r)
        *r = out_r;
    if (w)
        *w = out_w;
    if (e)
        FD_ZERO(e);
    return count;
}

static long do_select(int n, fd_set *r, fd_set *w, fd_set *e, uint64_t deadline)
{
    long count;

    ig_sched_testcancel();
    do
        count = select_once(n, r, w, e, deadline);
    while (ig_sched_again(&count, 0));
    return count;
}

int select(int n, fd_set *r, fd_set *w, fd_set *e, struct timeval *tv)
{
    uint64_t deadline = UINT64_MAX;

    if (tv) {
        if (tv->tv_sec < 0 || tv->tv_usec < 0)
            return (int)ig_posix_ret(-EINVAL);
        deadline = ig_plat_clock_monotonic() +
                   (uint64_t)tv->tv_sec * 1000000000ull +
                   (uint64_t)tv->tv_usec * 1000ull;
    }
    return (int)ig_posix_ret(do_select(n, r, w, e, deadline));
}

/* There are no signals to mask: (sigmask) has nothing to do. */
int pselect(int n, fd_set *r, fd_set *w, fd_set *e, const struct timespec *ts,
            const sigset_t *sigmask)
{
    uint64_t deadline = UINT64_MAX;

    (void)sigmask;
    if (ts) {
        if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000)
            return (int)ig_posix_ret(-EINVAL);
        deadline = ig_plat_clock_monotonic() +
                   (uint64_t)ts->tv_sec * 1000000000ull + (uint64_t)ts->tv_nsec;
    }
    return (int)ig_posix_ret(do_select(n, r, w, e, deadline));
}
