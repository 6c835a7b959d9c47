/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mutex.c: mutexes with priority inheritance and priority ceilings. */
#include <ingot/sched.h>

#include <errno.h>

#include "sched_internal.h"

/*
 * A thread's effective priority is the largest of its base priority, the
 * ceilings of the IG_MUTEX_PRIO_PROTECT mutexes it holds and the effective
 * priorities of the threads waiting for the IG_MUTEX_PRIO_INHERIT ones.  It
 * is recomputed from those whenever one of them can fall (an unlock, a
 * waiter timing out, a base priority or ceiling changing); a new waiter
 * only raises, so it pushes its priority along the chain of owners
 * directly.  Chains are bounded by the number of threads, so a deadlock
 * cycle cannot loop for ever.
 */

#define ON_Q(l) IG_LIST_ENTRY(l, struct ig_thread, q)
#define HELD(l) IG_LIST_ENTRY(l, struct ig_mutex, held)

/* The waiter with the highest effective priority, the first among equals;
 * NULL when none waits. */
static struct ig_thread *best_waiter(const struct ig_mutex *m)
{
    struct ig_thread *best = NULL;

    IG_LIST_FOREACH(l, &m->waiters.threads)
    if (!best || ON_Q(l)->prio > best->prio)
        best = ON_Q(l);
    return best;
}

static int lent_by(const struct ig_mutex *m)
{
    const struct ig_thread *w;

    if (m->protocol == IG_MUTEX_PRIO_PROTECT)
        return m->ceiling;
    w = best_waiter(m);
    return w ? w->prio : 0;
}

void ig_sched_prio_update(struct ig_thread *t)
{
    for (unsigned depth = 0; t && depth < IG_SCHED_IDS_MAX; depth++) {
        int p = t->base_prio;

        IG_LIST_FOREACH(l, &t->held)
        if (lent_by(HELD(l)) > p)
            p = lent_by(HELD(l));
        if (p == t->prio)
            return;
        ig_sched_set_effective(t, p);
        if (!t->blocked_on || t->blocked_on->protocol != IG_MUTEX_PRIO_INHERIT)
            return;
        t = t->blocked_on->owner;
    }
}

/* Raises the owner of (m) and the owners it waits for to (prio). */
static void lend(struct ig_mutex *m, int prio)
{
    for (unsigned depth = 0; depth < IG_SCHED_IDS_MAX; depth++) {
        struct ig_thread *t = m->owner;

        if (!t || t->prio >= prio)
            return;
        ig_sched_set_effective(t, prio);
        m = t->blocked_on;
        if (!m || m->protocol != IG_MUTEX_PRIO_INHERIT)
            return;
    }
}

static void take(struct ig_mutex *m, struct ig_thread *t)
{
    m->owner = t;
    if (m->protocol != IG_MUTEX_PRIO_NONE) {
        ig_list_push_tail(&t->held, &m->held);
        ig_sched_prio_update(t);
    }
}

int ig_mutex_ceiling_check(const struct ig_mutex *m)
{
    struct ig_thread *self = ig_thread_self();

    if (m->protocol == IG_MUTEX_PRIO_PROTECT && self->base_prio > m->ceiling)
        return -EINVAL;
    return 0;
}

int ig_mutex_trylock(struct ig_mutex *m)
{
    if (m->owner)
        return -EBUSY;
    take(m, ig_thread_self());
    return 0;
}

int ig_mutex_lock(struct ig_mutex *m, uint64_t deadline)
{
    struct ig_thread *self = ig_thread_self();
    int r;

    if (!m->owner) {
        take(m, self);
        return 0;
    }
    for (;;) {
        self->blocked_on = m;
        if (m->protocol == IG_MUTEX_PRIO_INHERIT)
            lend(m, self->prio);
        r = ig_waitq_wait(&m->waiters, deadline);
        self->blocked_on = NULL;
        /* Handed over by the unlock (which takes the thread off the
         * sleepers: it cannot have timed out too)?  A thread relocking a
         * mutex it holds owns it all along, and times out. */
        if (m->owner == self && r != -ETIMEDOUT)
            return 0;
        if (!m->owner) {
            take(m, self);
            return 0;
        }
        if (r == -ETIMEDOUT) {
            /* What it lent goes back with it. */
            if (m->protocol == IG_MUTEX_PRIO_INHERIT)
                ig_sched_prio_update(m->owner);
            return -ETIMEDOUT;
        }
    }
}

void ig_mutex_unlock(struct ig_mutex *m)
{
    struct ig_thread *self = m->owner, *w = best_waiter(m);

    m->owner = NULL;
    if (m->protocol == IG_MUTEX_PRIO_NONE) {
        if (w)
            ig_sched_unblock(w);
        return;
    }
    ig_list_remove(&self->held, &m->held);
    if (w) {
        ig_sched_unblock(w);
        w->blocked_on = NULL;
        take(m, w);
    }
    ig_sched_prio_update(self);
}

void ig_mutex_set_ceiling(struct ig_mutex *m, int ceiling)
{
    m->ceiling = ceiling;
    if (m->owner)
        ig_sched_prio_update(m->owner);
}
