/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mutex_proto.c: pthread mutex priority protocols and ceilings. */
#include <ingot/sched.h>

#include <errno.h>
#include <pthread.h>

#include "sync_internal.h"

/*
 * PTHREAD_PRIO_INHERIT and PTHREAD_PRIO_PROTECT mutexes (mutex.c).  A
 * ceiling is a real-time priority, 1..99 as on Linux; a PROTECT mutex
 * made from attributes that never set one has ceiling 1, as glibc's.
 */
#define CEILING_MIN 1
#define CEILING_MAX 99

static int ceiling_valid(int ceiling)
{
    return ceiling >= CEILING_MIN && ceiling <= CEILING_MAX;
}

int pthread_mutexattr_setprotocol(pthread_mutexattr_t *a, int protocol)
{
    if (protocol != PTHREAD_PRIO_NONE && protocol != PTHREAD_PRIO_INHERIT &&
        protocol != PTHREAD_PRIO_PROTECT)
        return EINVAL;
    a->protocol = protocol;
    return 0;
}

int pthread_mutexattr_getprotocol(const pthread_mutexattr_t *a, int *protocol)
{
    *protocol = a->protocol;
    return 0;
}

int pthread_mutexattr_setprioceiling(pthread_mutexattr_t *a, int ceiling)
{
    if (!ceiling_valid(ceiling))
        return EINVAL;
    a->prio_ceiling = ceiling;
    return 0;
}

int pthread_mutexattr_getprioceiling(const pthread_mutexattr_t *a, int *ceiling)
{
    *ceiling = a->prio_ceiling;
    return 0;
}

/* Linux answers EINVAL for a mutex that is not PTHREAD_PRIO_PROTECT. */
int pthread_mutex_getprioceiling(const pthread_mutex_t *m, int *ceiling)
{
    const struct ig_sync_mutex *mx = ig_sync_handle_get(*m);

    if (!mx || mx->core.protocol != PTHREAD_PRIO_PROTECT)
        return EINVAL;
    *ceiling = mx->core.ceiling;
    return 0;
}

/* Takes the mutex (waiting for it, whatever the caller's priority),
 * changes the ceiling, and releases it again.  Held by the caller, as on
 * Linux: a recursive mutex changes in place, an error-checking one
 * answers EDEADLK, a normal one blocks for ever like a relock. */
int pthread_mutex_setprioceiling(pthread_mutex_t *m, int ceiling, int *old)
{
    struct ig_sync_mutex *mx = ig_sync_mutex_of(m);
    int mine, held;

    if (!mx || mx->core.protocol != PTHREAD_PRIO_PROTECT ||
        !ceiling_valid(ceiling))
        return EINVAL;
    mine = mx->core.owner == ig_thread_self();
    if (mine && mx->type == PTHREAD_MUTEX_ERRORCHECK)
        return EDEADLK;
    held = mine && mx->type == PTHREAD_MUTEX_RECURSIVE;
    if (!held)
        ig_mutex_lock(&mx->core, UINT64_MAX);
    if (old)
        *old = mx->core.ceiling;
    ig_mutex_set_ceiling(&mx->core, ceiling);
    if (!held)
        ig_mutex_unlock(&mx->core);
    ig_sched_preempt();
    return 0;
}
