/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* barrier.c: pthread barriers, spinlocks and the process-shared attributes. */
#include <ingot/sched.h>

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#include "sync_internal.h"

/*
 * The image is one process, so every object is shared by all that can
 * reach its memory: PTHREAD_PROCESS_SHARED and PTHREAD_PROCESS_PRIVATE
 * behave alike, and the attributes only record which was asked for.
 */
static int pshared_ok(int v)
{
    return v == PTHREAD_PROCESS_PRIVATE || v == PTHREAD_PROCESS_SHARED;
}

#define PSHARED_ATTR(type, name)                                               \
    int name##_getpshared(const type *a, int *v)                               \
    {                                                                          \
        *v = a->process_shared;                                                \
        return 0;                                                              \
    }                                                                          \
    int name##_setpshared(type *a, int v)                                      \
    {                                                                          \
        if (!pshared_ok(v))                                                    \
            return EINVAL;                                                     \
        a->process_shared = v;                                                 \
        return 0;                                                              \
    }

PSHARED_ATTR(pthread_mutexattr_t, pthread_mutexattr)
PSHARED_ATTR(pthread_condattr_t, pthread_condattr)
PSHARED_ATTR(pthread_rwlockattr_t, pthread_rwlockattr)
PSHARED_ATTR(pthread_barrierattr_t, pthread_barrierattr)

int pthread_rwlockattr_init(pthread_rwlockattr_t *a)
{
    *a = (pthread_rwlockattr_t){.is_initialized = 1};
    return 0;
}

int pthread_rwlockattr_destroy(pthread_rwlockattr_t *a)
{
    if (!a)
        return EINVAL;
    a->is_initialized = 0;
    return 0;
}

/* ---- Barriers ---------------------------------------------------------- */

struct barrier {
    unsigned count;   /* threads per cycle */
    unsigned waiting; /* arrived in this cycle */
    uint64_t cycle;   /* completed cycles */
    struct ig_waitq waiters;
};

int pthread_barrierattr_init(pthread_barrierattr_t *a)
{
    *a = (pthread_barrierattr_t){.is_initialized = 1};
    return 0;
}

int pthread_barrierattr_destroy(pthread_barrierattr_t *a)
{
    if (!a)
        return EINVAL;
    a->is_initialized = 0;
    return 0;
}

int pthread_barrier_init(pthread_barrier_t *b, const pthread_barrierattr_t *a,
                         unsigned count)
{
    struct barrier *br;

    (void)a;
    if (count == 0)
        return EINVAL;
    br = calloc(1, sizeof(*br));
    if (!br)
        return ENOMEM;
    br->count = count;
    *b = ig_sync_handle_new(br);
    if (!*b) {
        free(br);
        return ENOMEM;
    }
    return 0;
}

int pthread_barrier_destroy(pthread_barrier_t *b)
{
    struct barrier *br = ig_sync_handle_get(*b);

    if (!br)
        return EINVAL;
    if (br->waiting)
        return EBUSY;
    ig_sync_handle_free(*b);
    *b = 0;
    return 0;
}

/* The last thread to arrive completes the cycle, wakes the others and is
 * the one that gets PTHREAD_BARRIER_SERIAL_THREAD. */
int pthread_barrier_wait(pthread_barrier_t *b)
{
    struct barrier *br = ig_sync_handle_get(*b);
    uint64_t cycle;

    if (!br)
        return EINVAL;
    if (++br->waiting == br->count) {
        br->waiting = 0;
        br->cycle++;
        ig_waitq_wake_all(&br->waiters);
        return PTHREAD_BARRIER_SERIAL_THREAD;
    }
    cycle = br->cycle;
    while (br->cycle == cycle)
        ig_waitq_wait(&br->waiters, UINT64_MAX);
    return 0;
}

/* ---- Spinlocks ----------------------------------------------------------
 * The lock holds its owner's thread id, 0 when free.  Nothing preempts the
 * owner, so a thread that spun without yielding would spin for ever:
 * pthread_spin_lock yields to the other threads while the lock is taken. */

int pthread_spin_init(pthread_spinlock_t *s, int pshared)
{
    (void)pshared; /* any value, as Linux: one process */
    *s = 0;
    return 0;
}

int pthread_spin_destroy(pthread_spinlock_t *s)
{
    return *s ? EBUSY : 0;
}

int pthread_spin_trylock(pthread_spinlock_t *s)
{
    if (*s)
        return EBUSY;
    *s = ig_thread_id(ig_thread_self());
    return 0;
}

int pthread_spin_lock(pthread_spinlock_t *s)
{
    unsigned self = ig_thread_id(ig_thread_self());

    if (*s == self)
        return EDEADLK;
    while (*s)
        ig_sched_yield();
    *s = self;
    return 0;
}

int pthread_spin_unlock(pthread_spinlock_t *s)
{
    if (*s != ig_thread_id(ig_thread_self()))
        return EPERM;
    *s = 0;
    return 0;
}
