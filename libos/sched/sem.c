/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sem.c: POSIX unnamed semaphores on a wait queue. */
#include <ingot/posix.h>
#include <ingot/sched.h>

#include <errno.h>
#include <semaphore.h>

#include "sync_internal.h"

/* sem_t's two pointers are a struct ig_waitq. */
_Static_assert(sizeof(struct ig_waitq) == 2 * sizeof(void *),
               "sem_t holds a wait queue");

static struct ig_waitq *waitq_of(sem_t *s)
{
    return (struct ig_waitq *)(void *)&s->__head;
}

int sem_init(sem_t *s, int pshared, unsigned int value)
{
    (void)pshared; /* one process: shared or not is the same */
    if (value > SEM_VALUE_MAX)
        return (int)ig_posix_ret(-EINVAL);
    s->__value = value;
    s->__head = s->__tail = 0;
    return 0;
}

int sem_destroy(sem_t *s)
{
    return (int)ig_posix_ret(ig_waitq_empty(waitq_of(s)) ? 0 : -EBUSY);
}

static int sem_take(sem_t *s)
{
    if (s->__value == 0)
        return -EAGAIN;
    s->__value--;
    return 0;
}

int sem_trywait(sem_t *s)
{
    return (int)ig_posix_ret(sem_take(s));
}

/* 0, -ETIMEDOUT, or -IG_ERESTART when a signal interrupted the wait. */
static long sem_wait_until(sem_t *s, uint64_t deadline)
{
    ig_sched_testcancel();
    while (s->__value == 0) {
        int r = ig_waitq_wait_intr(waitq_of(s), deadline);
        if (r == -IG_ERESTART)
            return r;
        if (r == -ETIMEDOUT && s->__value == 0)
            return -ETIMEDOUT;
    }
    s->__value--;
    return 0;
}

/* As on Linux: sem_wait() is made again after SA_RESTART handlers,
 * sem_timedwait() fails with EINTR after any handler. */
int sem_wait(sem_t *s)
{
    long r;

    do
        r = sem_wait_until(s, UINT64_MAX);
    while (ig_sched_again(&r, 1));
    return (int)ig_posix_ret(r);
}

static long sem_timedwait_r(sem_t *s, const struct timespec *abs)
{
    if (sem_take(s) == 0)
        return 0;
    if (!abs || abs->tv_nsec < 0 || abs->tv_nsec >= 1000000000)
        return -EINVAL;
    return sem_wait_until(s, ig_sync_deadline(CLOCK_REALTIME, abs));
}

int sem_timedwait(sem_t *s, const struct timespec *abs)
{
    long r;

    do
        r = sem_timedwait_r(s, abs);
    while (ig_sched_again(&r, 0));
    return (int)ig_posix_ret(r);
}

int sem_post(sem_t *s)
{
    if (s->__value == SEM_VALUE_MAX)
        return (int)ig_posix_ret(-EOVERFLOW);
    s->__value++;
    ig_waitq_wake_one(waitq_of(s));
    return 0;
}

int sem_getvalue(sem_t *s, int *value)
{
    *value = (int)s->__value;
    return 0;
}
