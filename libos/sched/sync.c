/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sync.c: handles, pthread mutexes and condition variables. */
#include <ingot/plat.h>
#include <ingot/posix.h>
#include <ingot/sched.h>

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "sync_internal.h"

/*
 * newlib's pthread_mutex_t, pthread_cond_t and pthread_rwlock_t are 32-bit
 * handles; the objects live in a table indexed by handle - 1.  0 and the
 * static initializer (0xffffffff) both mean "not created yet": the object
 * is made with default attributes on first use.  With cooperative
 * scheduling, no other thread runs between a test and a set below unless
 * the code blocks on a wait queue.
 */
struct cond {
    struct ig_waitq waiters;
    clockid_t clock;
};

static void **table;
static uint32_t table_len;

uint32_t ig_sync_handle_new(void *obj)
{
    for (uint32_t i = 0; i < table_len; i++)
        if (!table[i]) {
            table[i] = obj;
            return i + 1;
        }
    uint32_t old = table_len, n = old ? old * 2 : 64;
    void **t = realloc(table, n * sizeof(*t));
    if (!t)
        return 0;
    for (uint32_t i = old; i < n; i++)
        t[i] = NULL;
    table = t;
    table_len = n;
    table[old] = obj;
    return old + 1;
}

void *ig_sync_handle_get(uint32_t h)
{
    return h && h <= table_len ? table[h - 1] : NULL;
}

void ig_sync_handle_free(uint32_t h)
{
    if (h && h <= table_len) {
        free(table[h - 1]);
        table[h - 1] = NULL;
    }
}

uint64_t ig_sync_deadline(clockid_t clock, const struct timespec *abs)
{
    uint64_t when, now_mono = ig_plat_clock_monotonic(), now;

    if (abs->tv_sec < 0)
        return now_mono;
    when = (uint64_t)abs->tv_sec * 1000000000ull + (uint64_t)abs->tv_nsec;
    if (clock == CLOCK_MONOTONIC)
        return when;
    now = ig_plat_clock_wall();
    return when <= now ? now_mono : now_mono + (when - now);
}

/* ---- Mutexes ---------------------------------------------------------- */

int pthread_mutexattr_init(pthread_mutexattr_t *a)
{
    /* Ceiling 1, the lowest real-time priority, until one is set. */
    *a = (pthread_mutexattr_t){.is_initialized = 1,
                               .type = PTHREAD_MUTEX_DEFAULT,
                               .protocol = PTHREAD_PRIO_NONE,
                               .prio_ceiling = 1};
    return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *a)
{
    if (!a)
        return EINVAL;
    a->is_initialized = 0;
    return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *a, int type)
{
    if (type < PTHREAD_MUTEX_NORMAL || type > PTHREAD_MUTEX_DEFAULT)
        return EINVAL;
    a->type = type;
    return 0;
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *a, int *type)
{
    *type = a->type;
    return 0;
}

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a)
{
    struct ig_sync_mutex *mx = calloc(1, sizeof(*mx));

    if (!mx)
        return ENOMEM;
    mx->type = a ? a->type : PTHREAD_MUTEX_DEFAULT;
    mx->core.protocol = a ? a->protocol : IG_MUTEX_PRIO_NONE;
    mx->core.ceiling = a ? a->prio_ceiling : 1;
    *m = ig_sync_handle_new(mx);
    if (!*m) {
        free(mx);
        return ENOMEM;
    }
    return 0;
}

struct ig_sync_mutex *ig_sync_mutex_of(pthread_mutex_t *m)
{
    if (*m == 0 || *m == PTHREAD_MUTEX_INITIALIZER)
        if (pthread_mutex_init(m, NULL) != 0)
            return NULL;
    return ig_sync_handle_get(*m);
}

int pthread_mutex_destroy(pthread_mutex_t *m)
{
    struct ig_sync_mutex *mx = ig_sync_handle_get(*m);

    if (mx && mx->core.owner)
        return EBUSY;
    ig_sync_handle_free(*m);
    *m = 0;
    return 0;
}

int pthread_mutex_trylock(pthread_mutex_t *m)
{
    struct ig_sync_mutex *mx = ig_sync_mutex_of(m);
    struct ig_thread *self = ig_thread_self();
    int r;

    if (!mx)
        return EINVAL;
    if (ig_mutex_take_free(&mx->core, self)) {
        mx->count = 1;
        return 0;
    }
    if (mx->core.owner == self && mx->type == PTHREAD_MUTEX_RECURSIVE) {
        mx->count++;
        return 0;
    }
    if ((r = ig_mutex_ceiling_check(&mx->core)) < 0 ||
        (r = ig_mutex_trylock(&mx->core)) < 0)
        return -r;
    mx->count = 1;
    return 0;
}

int pthread_mutex_lock(pthread_mutex_t *m)
{
    struct ig_sync_mutex *mx = ig_sync_mutex_of(m);
    struct ig_thread *self = ig_thread_self();

    if (!mx)
        return EINVAL;
    if (ig_mutex_take_free(&mx->core, self)) {
        mx->count = 1;
        return 0;
    }
    if (mx->core.owner == self) {
        if (mx->type == PTHREAD_MUTEX_RECURSIVE) {
            mx->count++;
            return 0;
        }
        if (mx->type == PTHREAD_MUTEX_ERRORCHECK)
            return EDEADLK;
        /* NORMAL/DEFAULT relocking deadlocks, as POSIX says it may. */
    }
    if (ig_mutex_ceiling_check(&mx->core) < 0)
        return EINVAL;
    ig_mutex_lock(&mx->core, UINT64_MAX);
    mx->count = 1;
    return 0;
}

int pthread_mutex_timedlock(pthread_mutex_t *m, const struct timespec *abs)
{
    struct ig_sync_mutex *mx = ig_sync_mutex_of(m);
    int r;

    if (!mx)
        return EINVAL;
    if ((r = pthread_mutex_trylock(m)) != EBUSY)
        return r;
    if (mx->core.owner == ig_thread_self() &&
        mx->type == PTHREAD_MUTEX_ERRORCHECK)
        return EDEADLK;
    if (!abs || abs->tv_nsec < 0 || abs->tv_nsec >= 1000000000)
        return EINVAL;
    r = ig_mutex_lock(&mx->core, ig_sync_deadline(CLOCK_REALTIME, abs));
    if (r < 0)
        return -r;
    mx->count = 1;
    return 0;
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
    struct ig_sync_mutex *mx = ig_sync_mutex_of(m);

    if (!mx)
        return EINVAL;
    if (mx->core.owner != ig_thread_self())
        return EPERM;
    if (--mx->count == 0 && !ig_mutex_release_idle(&mx->core)) {
        ig_mutex_unlock(&mx->core);
        ig_sched_preempt();
    }
    return 0;
}

/* ---- Condition variables ---------------------------------------------- */

int pthread_condattr_init(pthread_condattr_t *a)
{
    *a = (pthread_condattr_t){.is_initialized = 1, .clock = CLOCK_REALTIME};
    return 0;
}

int pthread_condattr_destroy(pthread_condattr_t *a)
{
    if (!a)
        return EINVAL;
    a->is_initialized = 0;
    return 0;
}

int pthread_condattr_setclock(pthread_condattr_t *a, clockid_t clock)
{
    if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC)
        return EINVAL;
    a->clock = clock;
    return 0;
}

int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *a)
{
    struct cond *cv = calloc(1, sizeof(*cv));

    if (!cv)
        return ENOMEM;
    cv->clock = a ? a->clock : CLOCK_REALTIME;
    *c = ig_sync_handle_new(cv);
    if (!*c) {
        free(cv);
        return ENOMEM;
    }
    return 0;
}

static struct cond *cond_of(pthread_cond_t *c)
{
    if (*c == 0 || *c == PTHREAD_COND_INITIALIZER)
        if (pthread_cond_init(c, NULL) != 0)
            return NULL;
    return ig_sync_handle_get(*c);
}

int pthread_cond_destroy(pthread_cond_t *c)
{
    struct cond *cv = ig_sync_handle_get(*c);

    if (cv && !ig_waitq_empty(&cv->waiters))
        return EBUSY;
    ig_sync_handle_free(*c);
    *c = 0;
    return 0;
}

static int cond_wait(pthread_cond_t *c, pthread_mutex_t *m, uint64_t deadline)
{
    struct cond *cv = cond_of(c);
    struct ig_sync_mutex *mx = ig_sync_mutex_of(m);
    unsigned count;
    int r;

    if (!cv || !mx)
        return EINVAL;
    if (mx->core.owner != ig_thread_self())
        return EPERM;
    ig_sched_testcancel(); /* a cancellation point, the mutex held */
    /* Releasing the mutex and queueing happen with no switch between. */
    count = mx->count;
    mx->count = 0;
    ig_mutex_unlock(&mx->core);
    /* A signal's handlers run with the mutex released; the wait then ends
     * as a spurious wakeup (never EINTR, as POSIX has it), so no
     * pthread_cond_signal() meanwhile can be lost. */
    r = ig_waitq_wait_intr(&cv->waiters, deadline);
    if (r == -IG_ERESTART)
        ig_sched_run_signals();
    ig_mutex_lock(&mx->core, UINT64_MAX);
    mx->count = count;
    /* Cancelled: its cleanup handlers run with the mutex held again. */
    if (r == -IG_ERESTART)
        ig_sched_testcancel();
    return r == -ETIMEDOUT ? ETIMEDOUT : 0;
}

int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
    return cond_wait(c, m, UINT64_MAX);
}

int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
                           const struct timespec *abs)
{
    struct cond *cv = cond_of(c);

    if (!cv || !abs || abs->tv_nsec < 0 || abs->tv_nsec >= 1000000000)
        return EINVAL;
    return cond_wait(c, m, ig_sync_deadline(cv->clock, abs));
}

int pthread_cond_signal(pthread_cond_t *c)
{
    struct cond *cv = cond_of(c);

    if (!cv)
        return EINVAL;
    ig_waitq_wake_one(&cv->waiters);
    return 0;
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
    struct cond *cv = cond_of(c);

    if (!cv)
        return EINVAL;
    ig_waitq_wake_all(&cv->waiters);
    return 0;
}
