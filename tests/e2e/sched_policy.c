/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sched_policy.c: scheduling policies, priorities, CPU clocks, atfork. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../posix/ename.h"
#include "../posix/testutil.h"

/*
 * What Linux answers whatever the machine is printed and compared.
 * Setting real-time policies, the order they give and fork() are only
 * tried in the image (-DRT_GUEST): natively they need privileges and a
 * machine that FIFO threads would not stall; a wrong answer there prints
 * a FAIL line.
 */
#define CHECK(c)                                                               \
    do {                                                                       \
        if (!(c))                                                              \
            printf("FAIL: %s (line %d)\n", #c, __LINE__);                      \
    } while (0)

static void *nothing(void *arg)
{
    return arg;
}

static void defaults(void)
{
    struct sched_param p = {.sched_priority = 5};
    pthread_attr_t a;
    int v = -1;

    printf("sched_getscheduler(0) SCHED_OTHER: %d\n",
           sched_getscheduler(0) == SCHED_OTHER);
    CHECK(sched_getparam(0, &p) == 0);
    printf("sched_getparam(0): %d\n", p.sched_priority);
    CHECK(pthread_getschedparam(pthread_self(), &v, &p) == 0);
    printf("pthread_getschedparam: SCHED_OTHER %d, priority %d\n",
           v == SCHED_OTHER, p.sched_priority);
    p.sched_priority = 0;
    errno = 0;
    int r = sched_setscheduler(0, 77, &p);
    printf("sched_setscheduler bad policy: %d %s\n", r, ename(errno));
    errno = 0;
    r = sched_setscheduler(-1, SCHED_OTHER, &p);
    printf("sched_setscheduler pid -1: %d %s\n", r, ename(errno));
    p.sched_priority = 5;
    printf("pthread_setschedparam SCHED_OTHER priority 5: %s\n",
           ename(pthread_setschedparam(pthread_self(), SCHED_OTHER, &p)));
    printf("pthread_setschedprio 3 under SCHED_OTHER: %s\n",
           ename(pthread_setschedprio(pthread_self(), 3)));
    p.sched_priority = 0;
    printf("pthread_setschedparam SCHED_OTHER 0: %s\n",
           ename(pthread_setschedparam(pthread_self(), SCHED_OTHER, &p)));
    /* Its value for a SCHED_OTHER thread depends on Linux's load. */
    struct timespec ts = {0, 0};
    printf("sched_rr_get_interval(0): %d\n", sched_rr_get_interval(0, &ts));

    CHECK(pthread_attr_init(&a) == 0);
    pthread_attr_getinheritsched(&a, &v);
    printf("attr inheritsched default PTHREAD_INHERIT_SCHED: %d\n",
           v == PTHREAD_INHERIT_SCHED);
    pthread_attr_getschedpolicy(&a, &v);
    printf("attr policy default SCHED_OTHER: %d\n", v == SCHED_OTHER);
    pthread_attr_getscope(&a, &v);
    printf("attr scope default SYSTEM: %d\n", v == PTHREAD_SCOPE_SYSTEM);
    printf("setscope PROCESS: %s\n",
           ename(pthread_attr_setscope(&a, PTHREAD_SCOPE_PROCESS)));
    printf("setinheritsched 42: %s\n",
           ename(pthread_attr_setinheritsched(&a, 42)));
    printf("setschedpolicy 77: %s\n",
           ename(pthread_attr_setschedpolicy(&a, 77)));
    CHECK(pthread_attr_setschedpolicy(&a, SCHED_FIFO) == 0);
    pthread_attr_getschedpolicy(&a, &v);
    printf("setschedpolicy FIFO, get: %d\n", v == SCHED_FIFO);
    p.sched_priority = 0;
    printf("attr SCHED_FIFO, setschedparam priority 0: %s\n",
           ename(pthread_attr_setschedparam(&a, &p)));
    CHECK(pthread_attr_setinheritsched(&a, PTHREAD_EXPLICIT_SCHED) == 0);
    pthread_t t;
    printf("create explicit SCHED_FIFO priority 0: %s\n",
           ename(pthread_create(&t, &a, nothing, NULL)));
    pthread_attr_destroy(&a);

    clockid_t id;
    printf("clock_getcpuclockid(0): %s\n", ename(clock_getcpuclockid(0, &id)));
    CHECK(clock_gettime(id, &ts) == 0);
    printf("pthread_getcpuclockid(self): %s\n",
           ename(pthread_getcpuclockid(pthread_self(), &id)));
    CHECK(clock_gettime(id, &ts) == 0);
}

#ifdef RT_GUEST
static char order[16];
static int norder;

static void *record(void *arg)
{
    order[norder++] = (char)(long)arg;
    return NULL;
}

static int prepared, parented;

static void prepare(void)
{
    prepared = prepared * 10 + 1;
}

static void prepare2(void)
{
    prepared = prepared * 10 + 2;
}

static void parent(void)
{
    parented = parented * 10 + 1;
}

static void parent2(void)
{
    parented = parented * 10 + 2;
}

/* Runnable threads run highest priority first, whatever their order of
 * creation; the creator, a FIFO thread of 50, runs on until it blocks. */
static void priorities(void)
{
    static const struct {
        int policy, prio;
        char tag;
    } spec[] = {{SCHED_FIFO, 10, 'a'},
                {SCHED_OTHER, 0, 'o'},
                {SCHED_RR, 30, 'c'},
                {SCHED_FIFO, 20, 'b'},
                {SCHED_FIFO, 30, 'd'}};
    struct sched_param p = {.sched_priority = 50};
    pthread_t t[5];
    int v;

    struct timespec ts;
    CHECK(sched_setscheduler(0, SCHED_RR, &p) == 0);
    CHECK(sched_rr_get_interval(0, &ts) == 0 && ts.tv_nsec > 0);
    CHECK(sched_setscheduler(0, SCHED_FIFO, &p) == 0);
    CHECK(sched_getscheduler(0) == SCHED_FIFO);
    for (int i = 0; i < 5; i++)
        CHECK(test_thread_start(&t[i], record, (void *)(long)spec[i].tag,
                                spec[i].policy, spec[i].prio) == 0);
    CHECK(norder == 0);
    CHECK(pthread_getschedparam(t[2], &v, &p) == 0);
    CHECK(v == SCHED_RR && p.sched_priority == 30);
    for (int i = 0; i < 5; i++)
        pthread_join(t[i], NULL);
    CHECK(strcmp(order, "cdbao") == 0);
    /* Inherited: a thread created now runs at 50 too. */
    pthread_create(&t[0], NULL, nothing, NULL);
    CHECK(pthread_getschedparam(t[0], &v, &p) == 0);
    CHECK(v == SCHED_FIFO && p.sched_priority == 50);
    pthread_join(t[0], NULL);
    p.sched_priority = 0;
    CHECK(sched_setscheduler(0, SCHED_OTHER, &p) == 0);

    CHECK(pthread_atfork(prepare, parent, NULL) == 0);
    CHECK(pthread_atfork(prepare2, parent2, NULL) == 0);
    errno = 0;
    CHECK(fork() == -1 && errno == ENOSYS);
    CHECK(prepared == 21 && parented == 12);
}
#endif

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    defaults();
#ifdef RT_GUEST
    priorities();
#endif
    printf("sched_policy: done\n");
    return 0;
}
