/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* lock.c: newlib's retargetable locks (malloc, stdio, atexit, env, ...). */
#include <ingot/sched.h>

#include <stdlib.h>
#include <sys/lock.h>

/*
 * newlib is configured with --enable-newlib-retargetable-locking: it calls
 * these functions around malloc, every FILE, atexit, the environment and
 * time zone state, and names its static locks __lock___<name>.  This file
 * defines every one of them, so newlib's dummy lock.o is never linked.
 * Every lock is recursive (a recursive acquire of a non-recursive newlib
 * lock would be a newlib bug; counting it is harmless).  With cooperative
 * scheduling, testing and setting the owner cannot be interrupted.
 */
struct __lock {
    struct ig_thread *owner;
    unsigned count;
    struct ig_waitq waiters;
};

struct __lock __lock___sinit_recursive_mutex, __lock___sfp_recursive_mutex,
    __lock___atexit_recursive_mutex, __lock___at_quick_exit_mutex,
    __lock___malloc_recursive_mutex, __lock___env_recursive_mutex,
    __lock___tz_mutex, __lock___dd_hash_mutex, __lock___arc4random_mutex;

void __retarget_lock_init(_LOCK_T *lock)
{
    /* NULL on failure: acquiring a NULL lock does nothing, which is what
     * newlib does with locking disabled. */
    *lock = calloc(1, sizeof(struct __lock));
}

void __retarget_lock_init_recursive(_LOCK_T *lock)
{
    __retarget_lock_init(lock);
}

void __retarget_lock_close(_LOCK_T lock)
{
    free(lock);
}

void __retarget_lock_close_recursive(_LOCK_T lock)
{
    free(lock);
}

int __retarget_lock_try_acquire(_LOCK_T lock)
{
    struct ig_thread *self = ig_thread_self();

    if (!lock || !self)
        return 1;
    if (lock->owner && lock->owner != self)
        return 0;
    lock->owner = self;
    lock->count++;
    return 1;
}

int __retarget_lock_try_acquire_recursive(_LOCK_T lock)
{
    return __retarget_lock_try_acquire(lock);
}

void __retarget_lock_acquire(_LOCK_T lock)
{
    while (!__retarget_lock_try_acquire(lock))
        ig_waitq_wait(&lock->waiters, UINT64_MAX);
}

void __retarget_lock_acquire_recursive(_LOCK_T lock)
{
    __retarget_lock_acquire(lock);
}

void __retarget_lock_release(_LOCK_T lock)
{
    if (!lock || !ig_thread_self() || lock->owner != ig_thread_self())
        return;
    if (--lock->count == 0) {
        lock->owner = NULL;
        ig_waitq_wake_one(&lock->waiters);
    }
}

void __retarget_lock_release_recursive(_LOCK_T lock)
{
    __retarget_lock_release(lock);
}
