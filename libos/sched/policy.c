/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* policy.c: scheduling policies and priorities of threads. */
#include <ingot/posix.h>
#include <ingot/sched.h>

#include <errno.h>
#include <pthread.h>
#include <sched.h>

#include "sched_internal.h"

/*
 * SCHED_FIFO and SCHED_RR threads (priorities 1..99, Linux's range) run
 * before SCHED_OTHER ones (0), highest first (ig_thread_set_prio()).  The
 * scheduler is cooperative: a thread keeps the CPU until it blocks or
 * yields, whatever its priority, so SCHED_RR's quantum is the 10 ms slice
 * after which the clock reads yield (ig_sched_maybe_yield()), and FIFO
 * and RR differ only there.  The image is privileged: any thread may set
 * any policy.
 */
#define SLICE_NS 10000000l

static int check(int policy, int prio)
{
    switch (policy) {
    case SCHED_FIFO:
    case SCHED_RR:
        return prio >= 1 && prio <= 99 ? 0 : -EINVAL;
    case SCHED_OTHER:
        return prio == 0 ? 0 : -EINVAL;
    default:
        return -EINVAL;
    }
}

static void apply(struct ig_thread *t, int policy, int prio)
{
    t->policy = policy;
    ig_thread_set_prio(t, prio);
}

int pthread_setschedparam(pthread_t id, int policy, const struct sched_param *p)
{
    struct ig_thread *t = ig_thread_by_id(id);
    int r;

    if (!t)
        return ESRCH;
    if ((r = check(policy, p->sched_priority)) < 0)
        return -r;
    apply(t, policy, p->sched_priority);
    return 0;
}

int pthread_getschedparam(pthread_t id, int *policy, struct sched_param *p)
{
    struct ig_thread *t = ig_thread_by_id(id);

    if (!t)
        return ESRCH;
    *policy = t->policy;
    *p = (struct sched_param){.sched_priority = ig_thread_prio(t)};
    return 0;
}

int pthread_setschedprio(pthread_t id, int prio)
{
    struct ig_thread *t = ig_thread_by_id(id);
    int r;

    if (!t)
        return ESRCH;
    if ((r = check(t->policy, prio)) < 0)
        return -r;
    ig_thread_set_prio(t, prio);
    return 0;
}

/* The process calls act on the calling thread, as Linux's do on the
 * thread whose id is given (0: the caller); the image is process 1
 * (getpid(), libos/libc). */
static struct ig_thread *of_pid(pid_t pid)
{
    return pid == 0 || pid == 1 ? ig_thread_self() : NULL;
}

int sched_setscheduler(pid_t pid, int policy, const struct sched_param *p)
{
    struct ig_thread *t = of_pid(pid);
    int r;

    if (pid < 0 || !p)
        return (int)ig_posix_ret(-EINVAL);
    if (!t)
        return (int)ig_posix_ret(-ESRCH);
    if ((r = check(policy, p->sched_priority)) < 0)
        return (int)ig_posix_ret(r);
    apply(t, policy, p->sched_priority);
    return 0;
}

int sched_getscheduler(pid_t pid)
{
    struct ig_thread *t = of_pid(pid);

    if (pid < 0)
        return (int)ig_posix_ret(-EINVAL);
    return t ? t->policy : (int)ig_posix_ret(-ESRCH);
}

int sched_setparam(pid_t pid, const struct sched_param *p)
{
    struct ig_thread *t = of_pid(pid);
    int r;

    if (pid < 0 || !p)
        return (int)ig_posix_ret(-EINVAL);
    if (!t)
        return (int)ig_posix_ret(-ESRCH);
    if ((r = check(t->policy, p->sched_priority)) < 0)
        return (int)ig_posix_ret(r);
    ig_thread_set_prio(t, p->sched_priority);
    return 0;
}

int sched_getparam(pid_t pid, struct sched_param *p)
{
    struct ig_thread *t = of_pid(pid);

    if (pid < 0 || !p)
        return (int)ig_posix_ret(-EINVAL);
    if (!t)
        return (int)ig_posix_ret(-ESRCH);
    *p = (struct sched_param){.sched_priority = ig_thread_prio(t)};
    return 0;
}

/* A SCHED_RR thread's quantum is the time slice after which the clock
 * reads yield (Linux's default is 100 ms); other policies have none (0),
 * as Linux answers for a SCHED_OTHER thread here. */
int sched_rr_get_interval(pid_t pid, struct timespec *ts)
{
    struct ig_thread *t = of_pid(pid);

    if (pid < 0)
        return (int)ig_posix_ret(-EINVAL);
    if (!t)
        return (int)ig_posix_ret(-ESRCH);
    *ts = (struct timespec){0, t->policy == SCHED_RR ? SLICE_NS : 0};
    return 0;
}

/* ---- Attributes ------------------------------------------------------ */

int pthread_attr_setschedpolicy(pthread_attr_t *a, int policy)
{
    if (policy != SCHED_OTHER && policy != SCHED_FIFO && policy != SCHED_RR)
        return EINVAL;
    a->schedpolicy = policy;
    return 0;
}

int pthread_attr_getschedpolicy(const pthread_attr_t *a, int *policy)
{
    *policy = a->schedpolicy;
    return 0;
}

/* Checked against the attribute's policy now, as glibc does, and again
 * when a thread is created. */
int pthread_attr_setschedparam(pthread_attr_t *a, const struct sched_param *p)
{
    int r = check(a->schedpolicy, p->sched_priority);

    if (r < 0)
        return -r;
    a->schedparam = *p;
    return 0;
}

int pthread_attr_getschedparam(const pthread_attr_t *a, struct sched_param *p)
{
    *p = a->schedparam;
    return 0;
}

int pthread_attr_setinheritsched(pthread_attr_t *a, int inherit)
{
    if (inherit != PTHREAD_INHERIT_SCHED && inherit != PTHREAD_EXPLICIT_SCHED)
        return EINVAL;
    a->inheritsched = inherit;
    return 0;
}

int pthread_attr_getinheritsched(const pthread_attr_t *a, int *inherit)
{
    *inherit = a->inheritsched;
    return 0;
}

/* Linux has system contention scope only. */
int pthread_attr_setscope(pthread_attr_t *a, int scope)
{
    if (scope == PTHREAD_SCOPE_PROCESS)
        return EOPNOTSUPP;
    if (scope != PTHREAD_SCOPE_SYSTEM)
        return EINVAL;
    a->contentionscope = scope;
    return 0;
}

int pthread_attr_getscope(const pthread_attr_t *a, int *scope)
{
    *scope = a->contentionscope;
    return 0;
}

int ig_pthread_sched_check(const void *attr)
{
    const pthread_attr_t *a = attr;

    if (a && a->inheritsched == PTHREAD_EXPLICIT_SCHED)
        return check(a->schedpolicy, a->schedparam.sched_priority);
    return 0;
}

void ig_pthread_sched_start(struct ig_thread *t, const void *attr)
{
    const pthread_attr_t *a = attr;
    struct ig_thread *self = ig_thread_self();

    if (a && a->inheritsched == PTHREAD_EXPLICIT_SCHED)
        apply(t, a->schedpolicy, a->schedparam.sched_priority);
    else if (self)
        apply(t, self->policy, ig_thread_prio(self));
}
