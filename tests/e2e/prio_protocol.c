/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* prio_protocol.c: mutex priority inheritance and priority ceilings. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../posix/ename.h"
#include "../posix/testutil.h"

/*
 * The attribute calls print what Linux answers.  Then the classic
 * priority inversion: L (priority 10) holds a mutex, H (30) blocks on it,
 * M (20) computes.  Without a protocol M runs before L can unlock, so H
 * waits for M; with inheritance L runs at H's priority and H gets the
 * mutex first; with a ceiling above H's priority L runs at the ceiling as
 * soon as it locks.  The threads are SCHED_FIFO and one CPU runs them all
 * (natively: the program pins itself to CPU 0), so the order is the same
 * on Linux and in the image.  Natively that needs CAP_SYS_NICE: without
 * it the program says SKIP and exits 77.
 */

static pthread_mutex_t mutex;
static sem_t locked, go;
static char order[128];

static void mark(const char *what)
{
    strcat(order, what);
    strcat(order, " ");
}

static void *low(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mutex);
    mark("L:lock");
    sem_post(&locked);
    sem_wait(&go);
    mark("L:unlock");
    pthread_mutex_unlock(&mutex);
    mark("L:end");
    return NULL;
}

static void *medium(void *arg)
{
    (void)arg;
    for (int i = 0; i < 2; i++) {
        mark("M");
        sched_yield();
    }
    return NULL;
}

static void *high(void *arg)
{
    (void)arg;
    mark("H:wait");
    pthread_mutex_lock(&mutex);
    mark("H:got");
    pthread_mutex_unlock(&mutex);
    return NULL;
}

static void start(pthread_t *t, void *(*fn)(void *), int prio)
{
    int e = test_thread_start(t, fn, NULL, SCHED_FIFO, prio);

    if (e != 0)
        printf("FAIL: starting a thread at %d: %s\n", prio, ename(e));
}

static void inversion(const char *title, int protocol, int ceiling)
{
    pthread_mutexattr_t a;
    pthread_t l, m, h;

    pthread_mutexattr_init(&a);
    pthread_mutexattr_setprotocol(&a, protocol);
    if (ceiling)
        pthread_mutexattr_setprioceiling(&a, ceiling);
    pthread_mutex_init(&mutex, &a);
    pthread_mutexattr_destroy(&a);
    sem_init(&locked, 0, 0);
    sem_init(&go, 0, 0);
    order[0] = '\0';

    start(&l, low, 10);
    sem_wait(&locked);
    start(&m, medium, 20);
    start(&h, high, 30);
    sem_post(&go);
    pthread_join(h, NULL);
    pthread_join(m, NULL);
    pthread_join(l, NULL);
    printf("%s: %s\n", title, order);
    if (ceiling) {
        /* The main thread, at 40, is above the ceiling. */
        printf("%s: lock above the ceiling: %s\n", title,
               ename(pthread_mutex_lock(&mutex)));
        printf("%s: trylock above the ceiling: %s\n", title,
               ename(pthread_mutex_trylock(&mutex)));
    }
    pthread_mutex_destroy(&mutex);
    sem_destroy(&locked);
    sem_destroy(&go);
}

/* The calling thread runs SCHED_FIFO at 40. */
static void ceilings(void)
{
    pthread_mutexattr_t a;
    pthread_mutex_t m;
    int old = -1;

    /* (Held by the caller, a normal mutex would block for ever, as a
     * relock does.) */
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_PROTECT);
    pthread_mutexattr_setprioceiling(&a, 50);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&m, &a);
    printf("errorcheck lock: %s\n", ename(pthread_mutex_lock(&m)));
    printf("errorcheck setprioceiling held: %s\n",
           ename(pthread_mutex_setprioceiling(&m, 45, &old)));
    pthread_mutex_unlock(&m);
    pthread_mutex_destroy(&m);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&m, &a);
    pthread_mutexattr_destroy(&a);
    printf("lock below the ceiling: %s\n", ename(pthread_mutex_lock(&m)));
    /* A recursive mutex held by the caller: changed in place. */
    printf("setprioceiling 45 held: %s\n",
           ename(pthread_mutex_setprioceiling(&m, 45, &old)));
    printf("old ceiling: %d\n", old);
    printf("unlock: %s\n", ename(pthread_mutex_unlock(&m)));
    printf("setprioceiling 35 free: %s\n",
           ename(pthread_mutex_setprioceiling(&m, 35, &old)));
    printf("old ceiling: %d\n", old);
    printf("lock above the ceiling: %s\n", ename(pthread_mutex_lock(&m)));
    printf("trylock above the ceiling: %s\n", ename(pthread_mutex_trylock(&m)));
    pthread_mutex_destroy(&m);
}

static void attributes(void)
{
    pthread_mutexattr_t a;
    pthread_mutex_t m;
    int v = -1, old = -1;

    printf("_POSIX_THREAD_PRIO_INHERIT %ld, sysconf %ld\n",
           (long)_POSIX_THREAD_PRIO_INHERIT, sysconf(_SC_THREAD_PRIO_INHERIT));
    printf("_POSIX_THREAD_PRIO_PROTECT %ld, sysconf %ld\n",
           (long)_POSIX_THREAD_PRIO_PROTECT, sysconf(_SC_THREAD_PRIO_PROTECT));
    printf("values: %d %d %d\n", PTHREAD_PRIO_NONE, PTHREAD_PRIO_INHERIT,
           PTHREAD_PRIO_PROTECT);
    pthread_mutexattr_init(&a);
    pthread_mutexattr_getprotocol(&a, &v);
    printf("default protocol NONE: %d\n", v == PTHREAD_PRIO_NONE);
    pthread_mutexattr_getprioceiling(&a, &v);
    printf("default ceiling: %d\n", v);
    printf("setprotocol 7: %s\n", ename(pthread_mutexattr_setprotocol(&a, 7)));
    printf("setprioceiling 0: %s\n",
           ename(pthread_mutexattr_setprioceiling(&a, 0)));
    printf("setprioceiling 100: %s\n",
           ename(pthread_mutexattr_setprioceiling(&a, 100)));
    printf("setprioceiling 99: %s\n",
           ename(pthread_mutexattr_setprioceiling(&a, 99)));
    pthread_mutexattr_getprioceiling(&a, &v);
    printf("ceiling now: %d\n", v);

    /* A mutex without the ceiling protocol has no ceiling. */
    pthread_mutex_init(&m, &a);
    printf("getprioceiling of a NONE mutex: %s\n",
           ename(pthread_mutex_getprioceiling(&m, &v)));
    printf("setprioceiling of a NONE mutex: %s\n",
           ename(pthread_mutex_setprioceiling(&m, 5, &old)));
    pthread_mutex_destroy(&m);

    printf("setprotocol PROTECT: %s\n",
           ename(pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_PROTECT)));
    pthread_mutexattr_setprioceiling(&a, 12);
    pthread_mutex_init(&m, &a);
    pthread_mutex_getprioceiling(&m, &v);
    printf("mutex ceiling: %d\n", v);
    printf("setprioceiling 0: %s\n",
           ename(pthread_mutex_setprioceiling(&m, 0, &old)));
    printf("setprioceiling 20: %s\n",
           ename(pthread_mutex_setprioceiling(&m, 20, &old)));
    printf("old ceiling: %d\n", old);
    pthread_mutex_getprioceiling(&m, &v);
    printf("mutex ceiling: %d\n", v);
    /* (Not locked here: glibc refuses pthread_mutex_lock() to a
     * SCHED_OTHER thread, EINVAL, but lets its trylock succeed.) */
    pthread_mutex_destroy(&m);

    pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_INHERIT);
    pthread_mutex_init(&m, &a);
    printf("inherit: lock %s\n", ename(pthread_mutex_lock(&m)));
    printf("inherit: trylock held %s\n", ename(pthread_mutex_trylock(&m)));
    printf("inherit: unlock %s\n", ename(pthread_mutex_unlock(&m)));
    pthread_mutex_destroy(&m);
    pthread_mutexattr_destroy(&a);
}

int main(void)
{
    struct sched_param p = {.sched_priority = 40};
    cpu_set_t one;

    setvbuf(stdout, NULL, _IOLBF, 0);
    attributes();
    CPU_ZERO(&one);
    CPU_SET(0, &one);
    if (sched_setaffinity(0, sizeof(one), &one) != 0 ||
        (errno = pthread_setschedparam(pthread_self(), SCHED_FIFO, &p))) {
        fprintf(stderr, "SKIP: SCHED_FIFO on one CPU is not permitted: %s\n",
                strerror(errno));
        return 77;
    }
    ceilings();
    inversion("none", PTHREAD_PRIO_NONE, 0);
    inversion("inherit", PTHREAD_PRIO_INHERIT, 0);
    inversion("protect", PTHREAD_PRIO_PROTECT, 35);
    printf("prio_protocol: done\n");
    return 0;
}
