/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* intr.c: waits that signals interrupt, and the signals libc plugs in. */
#include <ingot/panic.h>
#include <ingot/plat.h>
#include <ingot/posix.h>
#include <ingot/sched.h>

#include <errno.h>

#include "sched_internal.h"

static const struct ig_sched_signals *signals;

void ig_sched_set_signals(const struct ig_sched_signals *ops)
{
    signals = ops;
}

int ig_waitq_wait_intr(struct ig_waitq *q, uint64_t deadline)
{
    struct ig_thread *t = ig_thread_self();
    int r;

    IG_ASSERT(t);
    if ((signals && signals->pending()) || ig_sched_cancel_due())
        return -IG_ERESTART;
    t->intr = 1;
    t->interrupted = 0;
    r = ig_waitq_wait(q, deadline);
    t->intr = 0;
    if (!t->interrupted)
        return r;
    if ((signals && signals->pending()) || ig_sched_cancel_due())
        return -IG_ERESTART;
    /* Woken for a signal another thread took, or one this thread blocks:
     * a spurious wakeup.  Waiting on here would lose what happened while
     * this thread was off the queue (the joined thread ended, the
     * condition was signalled), so the caller looks at its condition
     * again. */
    if (deadline != UINT64_MAX && ig_plat_clock_monotonic() >= deadline)
        return -ETIMEDOUT;
    return 0;
}

void ig_sched_interrupt_thread(struct ig_thread *t)
{
    if (!t->intr || t->state != IG_THREAD_BLOCKED || !t->waitq)
        return;
    t->interrupted = 1;
    t->intr = 0;
    ig_sched_unblock(t);
}

void ig_sched_interrupt(void)
{
    for (unsigned id = 1; id < IG_SCHED_IDS_MAX; id++) {
        struct ig_thread *t = ig_thread_by_id(id);
        if (!t || !t->intr || t->state != IG_THREAD_BLOCKED || !t->waitq)
            continue;
        t->interrupted = 1;
        t->intr = 0;
        ig_sched_unblock(t);
    }
}

int ig_sched_raise(int sig)
{
    return signals ? signals->raise(sig) : 0;
}

int ig_sched_run_signals(void)
{
    return signals ? signals->deliver() : 0;
}

int ig_sched_again(long *r, int restartable)
{
    if (!IG_INTERRUPTED(*r))
        return 0;
    ig_sched_testcancel();
    int ran = ig_sched_run_signals();
    if (ran == 0 || (ran == 1 && restartable && *r == -IG_ERESTART))
        return 1;
    *r = -EINTR;
    return 0;
}
