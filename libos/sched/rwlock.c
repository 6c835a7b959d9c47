/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* rwlock.c: pthread read-write locks; waiting writers keep new readers out. */
#include <ingot/sched.h>

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>

#include "sync_internal.h"

struct rwlock {
    struct ig_thread *writer;
    unsigned readers;
    unsigned writers_waiting;
    struct ig_waitq waiters;
};

int pthread_rwlock_init(pthread_rwlock_t *l, const pthread_rwlockattr_t *a)
{
    struct rwlock *rw = calloc(1, sizeof(*rw));

    (void)a;
    if (!rw)
        return ENOMEM;
    *l = ig_sync_handle_new(rw);
    if (!*l) {
        free(rw);
        return ENOMEM;
    }
    return 0;
}

static struct rwlock *rwlock_of(pthread_rwlock_t *l)
{
    if (*l == 0 || *l == PTHREAD_RWLOCK_INITIALIZER)
        if (pthread_rwlock_init(l, NULL) != 0)
            return NULL;
    return ig_sync_handle_get(*l);
}

int pthread_rwlock_destroy(pthread_rwlock_t *l)
{
    struct rwlock *rw = ig_sync_handle_get(*l);

    if (rw && (rw->writer || rw->readers))
        return EBUSY;
    ig_sync_handle_free(*l);
    *l = 0;
    return 0;
}

int pthread_rwlock_tryrdlock(pthread_rwlock_t *l)
{
    struct rwlock *rw = rwlock_of(l);

    if (!rw)
        return EINVAL;
    if (rw->writer || rw->writers_waiting)
        return EBUSY;
    rw->readers++;
    return 0;
}

int pthread_rwlock_rdlock(pthread_rwlock_t *l)
{
    struct rwlock *rw = rwlock_of(l);

    if (!rw)
        return EINVAL;
    if (rw->writer == ig_thread_self())
        return EDEADLK;
    while (rw->writer || rw->writers_waiting)
        ig_waitq_wait(&rw->waiters, UINT64_MAX);
    rw->readers++;
    return 0;
}

int pthread_rwlock_trywrlock(pthread_rwlock_t *l)
{
    struct rwlock *rw = rwlock_of(l);

    if (!rw)
        return EINVAL;
    if (rw->writer || rw->readers)
        return EBUSY;
    rw->writer = ig_thread_self();
    return 0;
}

int pthread_rwlock_wrlock(pthread_rwlock_t *l)
{
    struct rwlock *rw = rwlock_of(l);

    if (!rw)
        return EINVAL;
    if (rw->writer == ig_thread_self())
        return EDEADLK;
    rw->writers_waiting++;
    while (rw->writer || rw->readers)
        ig_waitq_wait(&rw->waiters, UINT64_MAX);
    rw->writers_waiting--;
    rw->writer = ig_thread_self();
    return 0;
}

int pthread_rwlock_unlock(pthread_rwlock_t *l)
{
    struct rwlock *rw = rwlock_of(l);

    if (!rw)
        return EINVAL;
    if (rw->writer == ig_thread_self())
        rw->writer = NULL;
    else if (rw->readers)
        rw->readers--;
    else
        return EPERM;
    if (!rw->writer && !rw->readers)
        ig_waitq_wake_all(&rw->waiters);
    return 0;
}
