/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cancel.c: thread cancellation and cleanup handlers. */
#include <ingot/sched.h>

#include <errno.h>
#include <pthread.h>

#include "sched_internal.h"

/*
 * Deferred cancellation acts at the cancellation points: the interruptible
 * waits (a cancel request wakes the thread like a signal, and the call's
 * entry point acts in ig_sched_again()), pthread_testcancel(), and the
 * calls that test on entry (ig_sched_testcancel()).  Asynchronous
 * cancellation acts when the thread next gets the CPU: the scheduler is
 * cooperative, so a thread that holds it cannot be stopped in between.
 * Acting runs the cleanup handlers, newest first, then ends the thread
 * with PTHREAD_CANCELED (key destructors run as for pthread_exit()).
 */

static int cancel_due(const struct ig_thread *t)
{
    return t->cancel_pending && !t->cancel_disabled;
}

void ig_thread_cleanup_run(void)
{
    struct ig_thread *t = ig_thread_self();
    struct _pthread_cleanup_context *c;

    while ((c = t->cleanup)) {
        t->cleanup = c->_previous;
        c->_routine(c->_arg);
    }
}

_Noreturn static void act(void)
{
    struct ig_thread *t = ig_thread_self();

    t->cancel_disabled = 1; /* a handler's own waits are not cut short */
    t->cancel_pending = 0;
    ig_thread_cleanup_run();
    ig_thread_exit(PTHREAD_CANCELED);
}

void ig_sched_testcancel(void)
{
    struct ig_thread *t = ig_thread_self();

    if (t && cancel_due(t))
        act();
}

int ig_sched_cancel_due(void)
{
    struct ig_thread *t = ig_thread_self();

    return t && cancel_due(t);
}

void ig_sched_cancel_async(void)
{
    struct ig_thread *t = ig_thread_self();

    if (t && t->cancel_async && cancel_due(t))
        act();
}

int pthread_cancel(pthread_t id)
{
    struct ig_thread *t = ig_thread_by_id(id);

    if (!t)
        return ESRCH;
    if (t->state == IG_THREAD_DEAD)
        return 0;
    t->cancel_pending = 1;
    if (t == ig_thread_self()) {
        ig_sched_cancel_async();
        return 0;
    }
    /* Woken from an interruptible wait, it acts on its way out; an
     * asynchronous one acts when it next runs (schedule()). */
    if (!t->cancel_disabled)
        ig_sched_interrupt_thread(t);
    return 0;
}

int pthread_setcancelstate(int state, int *old)
{
    struct ig_thread *t = ig_thread_self();

    if (state != PTHREAD_CANCEL_ENABLE && state != PTHREAD_CANCEL_DISABLE)
        return EINVAL;
    if (!t) { /* before the scheduler: newlib's stdio at boot */
        if (old)
            *old = PTHREAD_CANCEL_ENABLE;
        return 0;
    }
    if (old)
        *old =
            t->cancel_disabled ? PTHREAD_CANCEL_DISABLE : PTHREAD_CANCEL_ENABLE;
    t->cancel_disabled = state == PTHREAD_CANCEL_DISABLE;
    ig_sched_cancel_async();
    return 0;
}

int pthread_setcanceltype(int type, int *old)
{
    struct ig_thread *t = ig_thread_self();

    if (type != PTHREAD_CANCEL_DEFERRED && type != PTHREAD_CANCEL_ASYNCHRONOUS)
        return EINVAL;
    if (!t) {
        if (old)
            *old = PTHREAD_CANCEL_DEFERRED;
        return 0;
    }
    if (old)
        *old = t->cancel_async ? PTHREAD_CANCEL_ASYNCHRONOUS
                               : PTHREAD_CANCEL_DEFERRED;
    t->cancel_async = type == PTHREAD_CANCEL_ASYNCHRONOUS;
    ig_sched_cancel_async();
    return 0;
}

/* Also a yield point (once a time slice has passed, as the clock reads
 * are): a thread that loops on it waiting to be cancelled lets the
 * canceller run. */
void pthread_testcancel(void)
{
    ig_sched_maybe_yield();
    ig_sched_testcancel();
}

void _pthread_cleanup_push(struct _pthread_cleanup_context *c,
                           void (*routine)(void *), void *arg)
{
    struct ig_thread *t = ig_thread_self();

    c->_routine = routine;
    c->_arg = arg;
    c->_canceltype = -1;
    c->_previous = t->cleanup;
    t->cleanup = c;
}

void _pthread_cleanup_pop(struct _pthread_cleanup_context *c, int execute)
{
    struct ig_thread *t = ig_thread_self();

    t->cleanup = c->_previous;
    if (execute)
        c->_routine(c->_arg);
}

void _pthread_cleanup_push_defer(struct _pthread_cleanup_context *c,
                                 void (*routine)(void *), void *arg)
{
    struct ig_thread *t = ig_thread_self();

    _pthread_cleanup_push(c, routine, arg);
    c->_canceltype = t->cancel_async;
    t->cancel_async = 0;
}

void _pthread_cleanup_pop_restore(struct _pthread_cleanup_context *c,
                                  int execute)
{
    struct ig_thread *t = ig_thread_self();

    _pthread_cleanup_pop(c, execute);
    t->cancel_async = c->_canceltype == 1;
    ig_sched_cancel_async();
}
