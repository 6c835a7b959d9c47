/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* testutil.h: seeded random numbers and real-time threads for the tests. */
#ifndef INGOT_TESTS_TESTUTIL_H
#define INGOT_TESTS_TESTUTIL_H

/*
 * Shared by the differential tests of tests/posix and tests/e2e (which
 * include it as "../posix/testutil.h"), next to ename.h.  Everything is
 * static inline: each program compiles what it uses, natively and with
 * ingot-cc alike.
 */
#include <pthread.h>
#include <sched.h>
#include <stdint.h>

/* The next number of the xorshift64 sequence in (*state), which must not
 * be 0: the same seed gives the same numbers on every libc, so a stress
 * test prints the same lines natively and in the image. */
static inline uint64_t test_rand(uint64_t *state)
{
    uint64_t x = *state;

    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *state = x;
}

/* Starts (*t) running fn(arg) under (policy) at priority (prio), not
 * inherited from the caller (PTHREAD_EXPLICIT_SCHED).  Returns 0, or the
 * error number of the first attribute call or of pthread_create() that
 * failed. */
static inline int test_thread_start(pthread_t *t, void *(*fn)(void *),
                                    void *arg, int policy, int prio)
{
    struct sched_param p = {.sched_priority = prio};
    pthread_attr_t a;
    int e = pthread_attr_init(&a);

    if (e != 0)
        return e;
    if ((e = pthread_attr_setinheritsched(&a, PTHREAD_EXPLICIT_SCHED)) == 0 &&
        (e = pthread_attr_setschedpolicy(&a, policy)) == 0 &&
        (e = pthread_attr_setschedparam(&a, &p)) == 0)
        e = pthread_create(t, &a, fn, arg);
    pthread_attr_destroy(&a);
    return e;
}

#endif /* INGOT_TESTS_TESTUTIL_H */
