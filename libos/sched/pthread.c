/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* pthread.c: POSIX threads, attributes, once and keys on the scheduler. */
#include <ingot/plat.h>
#include <ingot/posix.h>
#include <ingot/sched.h>

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>

#include "sched_internal.h"

/* newlib's pthread_attr_t has no guard size field: the CPU-time clock
 * attribute, which Ingot does not implement, carries it. */
#define GUARD_OF(a) ((a)->cputime_clock_allowed)

/* pthread_t is newlib's 32-bit handle: the thread's id (ig_thread_id). */

int pthread_attr_init(pthread_attr_t *a)
{
    *a = (pthread_attr_t){.is_initialized = 1,
                          .detachstate = PTHREAD_CREATE_JOINABLE,
                          .inheritsched = PTHREAD_INHERIT_SCHED,
                          .schedpolicy = SCHED_OTHER,
                          .contentionscope = PTHREAD_SCOPE_SYSTEM};
    GUARD_OF(a) = IG_PLAT_PAGE_SIZE;
    return 0;
}

int pthread_attr_destroy(pthread_attr_t *a)
{
    a->is_initialized = 0;
    return 0;
}

int pthread_attr_setdetachstate(pthread_attr_t *a, int state)
{
    if (state != PTHREAD_CREATE_DETACHED && state != PTHREAD_CREATE_JOINABLE)
        return EINVAL;
    a->detachstate = state;
    return 0;
}

int pthread_attr_getdetachstate(const pthread_attr_t *a, int *state)
{
    *state = a->detachstate;
    return 0;
}

/*
 * Stacks.  A thread gets a slot of the platform's pool (a guard page below
 * it) when the size asked for fits one, else a stack from the heap of that
 * size, or the caller's own (pthread_attr_setstack); these two have no
 * guard page.  The guard size asked for is recorded, not provided.
 */
int pthread_attr_setstacksize(pthread_attr_t *a, size_t size)
{
    if (size < IG_SCHED_STACK_MIN || size > INT_MAX)
        return EINVAL;
    a->stacksize = (int)size;
    return 0;
}

int pthread_attr_getstacksize(const pthread_attr_t *a, size_t *size)
{
    *size = a->stacksize ? (size_t)a->stacksize : ig_sched_pool_stack_size();
    return 0;
}

int pthread_attr_setstack(pthread_attr_t *a, void *addr, size_t size)
{
    if (size < IG_SCHED_STACK_MIN || size > INT_MAX ||
        (uintptr_t)addr > UINTPTR_MAX - size)
        return EINVAL;
    a->stackaddr = addr;
    a->stacksize = (int)size;
    return 0;
}

int pthread_attr_getstack(const pthread_attr_t *a, void **addr, size_t *size)
{
    *addr = a->stackaddr;
    return pthread_attr_getstacksize(a, size);
}

int pthread_attr_setguardsize(pthread_attr_t *a, size_t size)
{
    if (size > INT_MAX)
        return EINVAL;
    GUARD_OF(a) = (int)size;
    return 0;
}

int pthread_attr_getguardsize(const pthread_attr_t *a, size_t *size)
{
    *size = (size_t)GUARD_OF(a);
    return 0;
}

/* Starts (fn)(arg) on the stack (attr) asks for. */
static int create(struct ig_thread **t, const pthread_attr_t *attr,
                  void *(*fn)(void *), void *arg)
{
    size_t size = attr ? (size_t)attr->stacksize : 0;
    void *mem;
    int err;

    if (attr && attr->stackaddr)
        return ig_thread_create_stack(t, fn, arg, (uintptr_t)attr->stackaddr,
                                      (uintptr_t)attr->stackaddr + size, NULL);
    if (size <= ig_sched_pool_stack_size()) {
        err = ig_thread_create(t, fn, arg);
        if (err != -EAGAIN || size == 0)
            return err;
        size = ig_sched_pool_stack_size(); /* the pool is full: the heap */
    }
    mem = malloc(size);
    if (!mem)
        return -EAGAIN;
    err = ig_thread_create_stack(t, fn, arg, (uintptr_t)mem,
                                 (uintptr_t)mem + size, mem);
    if (err)
        free(mem);
    return err;
}

int pthread_create(pthread_t *out, const pthread_attr_t *attr,
                   void *(*fn)(void *), void *arg)
{
    struct ig_thread *t;
    int err = ig_pthread_sched_check(attr);

    if (err)
        return -err;
    if ((err = create(&t, attr, fn, arg)))
        return err == -ENOMEM ? EAGAIN : -err;
    ig_pthread_sched_start(t, attr);
    *out = ig_thread_id(t);
    if (attr && attr->detachstate == PTHREAD_CREATE_DETACHED)
        ig_thread_detach(t);
    return 0;
}

int pthread_join(pthread_t id, void **ret)
{
    struct ig_thread *t = ig_thread_by_id(id);

    return t ? -ig_thread_join(t, ret) : ESRCH;
}

int pthread_detach(pthread_t id)
{
    struct ig_thread *t = ig_thread_by_id(id);

    return t ? -ig_thread_detach(t) : ESRCH;
}

void pthread_exit(void *ret)
{
    ig_thread_cleanup_run();
    ig_thread_exit(ret);
}

pthread_t pthread_self(void)
{
    return ig_thread_id(ig_thread_self());
}

int pthread_equal(pthread_t a, pthread_t b)
{
    return a == b;
}

int sched_yield(void)
{
    ig_sched_yield();
    return 0;
}

/* Linux's ranges: 1 to 99 for the real-time policies, 0 for the others. */
int sched_get_priority_max(int policy)
{
    switch (policy) {
    case SCHED_FIFO:
    case SCHED_RR:
        return 99;
    case SCHED_OTHER:
        return 0;
    default:
        return (int)ig_posix_ret(-EINVAL);
    }
}

int sched_get_priority_min(int policy)
{
    switch (policy) {
    case SCHED_FIFO:
    case SCHED_RR:
        return 1;
    case SCHED_OTHER:
        return 0;
    default:
        return (int)ig_posix_ret(-EINVAL);
    }
}

int pthread_once(pthread_once_t *once, void (*fn)(void))
{
    /* Cooperative: nobody else runs between the test and the set unless
     * fn blocks, and then later callers wait until it has finished. */
    while (once->init_executed == 1)
        ig_sched_yield();
    if (once->init_executed == 0) {
        once->init_executed = 1;
        fn();
        once->init_executed = 2;
    }
    return 0;
}

/* ---- Keys ------------------------------------------------------------- */

static struct {
    int used;
    void (*dtor)(void *);
} keys[IG_THREAD_KEYS];

int pthread_key_create(pthread_key_t *key, void (*dtor)(void *))
{
    for (unsigned k = 0; k < IG_THREAD_KEYS; k++)
        if (!keys[k].used) {
            keys[k].used = 1;
            keys[k].dtor = dtor;
            *key = k;
            return 0;
        }
    return EAGAIN;
}

int pthread_key_delete(pthread_key_t key)
{
    if (key >= IG_THREAD_KEYS || !keys[key].used)
        return EINVAL;
    keys[key].used = 0;
    keys[key].dtor = NULL;
    /* Values of other threads stay until their slot is reused; POSIX
     * leaves them undefined after delete.  Clear ours at least. */
    ig_thread_keys(ig_thread_self())[key] = NULL;
    return 0;
}

int pthread_setspecific(pthread_key_t key, const void *value)
{
    if (key >= IG_THREAD_KEYS || !keys[key].used)
        return EINVAL;
    ig_thread_keys(ig_thread_self())[key] = (void *)value;
    return 0;
}

void *pthread_getspecific(pthread_key_t key)
{
    if (key >= IG_THREAD_KEYS || !keys[key].used)
        return NULL;
    return ig_thread_keys(ig_thread_self())[key];
}

void ig_keys_run_destructors(struct ig_thread *t)
{
    /* POSIX: repeat while values remain, at most 4 rounds. */
    for (int round = 0; round < 4; round++) {
        int again = 0;

        for (unsigned k = 0; k < IG_THREAD_KEYS; k++) {
            void *v = t->keys[k];

            if (v && keys[k].used && keys[k].dtor) {
                t->keys[k] = NULL;
                keys[k].dtor(v);
                again = 1;
            }
        }
        if (!again)
            break;
    }
}
