/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_mutex.c: host unit test of priority inheritance and ceilings. */
#include <ingot/sched.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "host_plat.h"
#include "sched_internal.h"
#include "unit.h"

/*
 * The boot thread drives each case at priority 0: the threads it makes
 * run, highest priority first, whenever it yields or blocks.  A thread
 * parks on the gate to let the driver go on with the mutex held.
 */
static struct ig_waitq gate;
static struct ig_mutex m1, m2;

static struct ig_thread *spawn(void *(*fn)(void *), void *arg, int prio)
{
    struct ig_thread *t = NULL;

    CHECK_INT(ig_thread_create(&t, fn, arg), 0);
    ig_thread_set_prio(t, prio);
    return t;
}

static int prio_of_self(void)
{
    return ig_thread_self()->prio;
}

/* Joins the (n) threads of (t), in that order. */
static void join(struct ig_thread *const *t, int n)
{
    for (int i = 0; i < n; i++)
        CHECK_INT(ig_thread_join(t[i], NULL), 0);
}

/* A thread that takes (m), notes (tag) and lets it go. */
struct take {
    struct ig_mutex *m;
    const char *tag;
};

static void *takes(void *arg)
{
    const struct take *t = arg;

    CHECK_INT(ig_mutex_lock(t->m, UINT64_MAX), 0);
    note("%s ", t->tag);
    ig_mutex_unlock(t->m);
    return NULL;
}

/* ---- The classic inversion: L holds, H waits, M computes ---- */

static void *low(void *arg)
{
    (void)arg;
    CHECK_INT(ig_mutex_lock(&m1, UINT64_MAX), 0);
    note("L:lock ");
    ig_waitq_wait(&gate, UINT64_MAX);
    note("L:unlock@%d ", prio_of_self());
    ig_mutex_unlock(&m1);
    ig_sched_preempt();
    note("L:end@%d ", prio_of_self());
    return NULL;
}

static void *medium(void *arg)
{
    (void)arg;
    for (int i = 0; i < 2; i++) {
        note("M ");
        ig_sched_yield();
    }
    return NULL;
}

static void *high(void *arg)
{
    (void)arg;
    note("H:wait ");
    CHECK_INT(ig_mutex_lock(&m1, UINT64_MAX), 0);
    note("H:got ");
    ig_mutex_unlock(&m1);
    ig_sched_preempt();
    return NULL;
}

static const char *inversion(int protocol, int ceiling)
{
    struct ig_thread *l, *m, *h;

    trace[0] = '\0';
    m1 = (struct ig_mutex){.protocol = protocol, .ceiling = ceiling};
    l = spawn(low, NULL, 10);
    ig_sched_yield(); /* L takes the mutex and parks */
    m = spawn(medium, NULL, 20);
    h = spawn(high, NULL, 30);
    ig_waitq_wake_one(&gate);
    join((struct ig_thread *[]){h, m, l}, 3);
    CHECK(m1.owner == NULL);
    return trace;
}

/* Without a protocol M runs before L, so H waits for M; with inheritance
 * L runs at H's priority until it unlocks, and H takes the mutex at once;
 * a ceiling of 30 gives L that priority from the start (H finds it free
 * only after L is done with it). */
static void test_inversion(void)
{
    CHECK_STR(inversion(IG_MUTEX_PRIO_NONE, 0),
              "L:lock H:wait M M L:unlock@10 H:got L:end@10 ");
    CHECK_STR(inversion(IG_MUTEX_PRIO_INHERIT, 0),
              "L:lock H:wait L:unlock@30 H:got M M L:end@10 ");
    CHECK_STR(inversion(IG_MUTEX_PRIO_PROTECT, 30),
              "L:lock H:wait L:unlock@30 H:got M M L:end@10 ");
}

/* ---- Inheritance through a chain of owners ---- */

static void *chain_a(void *arg)
{
    (void)arg;
    CHECK_INT(ig_mutex_lock(&m1, UINT64_MAX), 0);
    ig_waitq_wait(&gate, UINT64_MAX);
    note("A:unlock@%d ", prio_of_self());
    ig_mutex_unlock(&m1);
    note("A@%d ", prio_of_self());
    ig_sched_preempt();
    return NULL;
}

static void *chain_b(void *arg)
{
    (void)arg;
    CHECK_INT(ig_mutex_lock(&m2, UINT64_MAX), 0);
    CHECK_INT(ig_mutex_lock(&m1, UINT64_MAX), 0);
    note("B:got@%d ", prio_of_self());
    ig_mutex_unlock(&m1);
    note("B@%d ", prio_of_self());
    ig_mutex_unlock(&m2);
    note("B@%d ", prio_of_self());
    ig_sched_preempt();
    return NULL;
}

/* A (10) holds m1; B (20) holds m2 and waits for m1; C (30) waits for m2:
 * A runs at 30 through B, and each priority falls back as the mutexes go
 * down the chain. */
static void test_chain(void)
{
    struct ig_thread *a, *b, *c;

    trace[0] = '\0';
    m1 = (struct ig_mutex){.protocol = IG_MUTEX_PRIO_INHERIT};
    m2 = (struct ig_mutex){.protocol = IG_MUTEX_PRIO_INHERIT};
    a = spawn(chain_a, NULL, 10);
    ig_sched_yield();
    b = spawn(chain_b, NULL, 20);
    ig_sched_yield();
    CHECK_INT(a->prio, 20);
    c = spawn(takes, &(struct take){&m2, "C:got"}, 30);
    ig_sched_yield();
    CHECK_INT(a->prio, 30);
    CHECK_INT(b->prio, 30);
    CHECK_INT(ig_thread_prio(a), 10); /* the base is unchanged */
    ig_waitq_wake_one(&gate);
    join((struct ig_thread *[]){a, b, c}, 3);
    CHECK_STR(trace, "A:unlock@30 A@10 B:got@30 B@30 B@20 C:got ");
}

/* ---- Ceilings ---- */

static void *ceiling_user(void *arg)
{
    (void)arg;
    CHECK_INT(ig_mutex_ceiling_check(&m1), 0);
    CHECK_INT(ig_mutex_trylock(&m1), 0);
    note("in@%d ", prio_of_self());
    ig_mutex_set_ceiling(&m1, 35);
    note("raised@%d ", prio_of_self());
    /* An inheritance mutex held with it: the larger of the two counts. */
    CHECK_INT(ig_mutex_lock(&m2, UINT64_MAX), 0);
    ig_waitq_wait(&gate, UINT64_MAX);
    note("both@%d ", prio_of_self());
    ig_mutex_unlock(&m2);
    note("ceiling@%d ", prio_of_self());
    ig_mutex_unlock(&m1);
    note("out@%d ", prio_of_self());
    ig_sched_preempt();
    return NULL;
}

static void *above_ceiling(void *arg)
{
    (void)arg;
    CHECK_INT(ig_mutex_ceiling_check(&m1), -EINVAL);
    return NULL;
}

static void test_ceiling(void)
{
    struct ig_thread *t, *w, *x;

    trace[0] = '\0';
    m1 = (struct ig_mutex){.protocol = IG_MUTEX_PRIO_PROTECT, .ceiling = 25};
    m2 = (struct ig_mutex){.protocol = IG_MUTEX_PRIO_INHERIT};
    t = spawn(ceiling_user, NULL, 5);
    ig_sched_yield();
    x = spawn(above_ceiling, NULL, 40); /* 40 > 35 */
    w = spawn(takes, &(struct take){&m2, "W:got"}, 50);
    ig_sched_yield();
    CHECK_INT(t->prio, 50);
    ig_waitq_wake_one(&gate);
    join((struct ig_thread *[]){t, w, x}, 3);
    CHECK_STR(trace, "in@25 raised@35 both@50 ceiling@35 out@5 W:got ");
}

/* ---- A waiter that gives up takes back what it lent ---- */

static void *holder(void *arg)
{
    (void)arg;
    CHECK_INT(ig_mutex_lock(&m1, UINT64_MAX), 0);
    ig_waitq_wait(&gate, UINT64_MAX);
    ig_mutex_unlock(&m1);
    return NULL;
}

static void *impatient(void *arg)
{
    CHECK_INT(ig_mutex_lock(&m1, *(uint64_t *)arg), -ETIMEDOUT);
    note("timed out ");
    return NULL;
}

static void test_timeout(void)
{
    struct ig_thread *h, *i;
    uint64_t deadline = now_ns + 100;

    trace[0] = '\0';
    m1 = (struct ig_mutex){.protocol = IG_MUTEX_PRIO_INHERIT};
    h = spawn(holder, NULL, 10);
    ig_sched_yield();
    i = spawn(impatient, &deadline, 40);
    ig_sched_yield();
    CHECK_INT(h->prio, 40);
    ig_sched_sleep_until(deadline + 1);
    CHECK_STR(trace, "timed out ");
    CHECK_INT(h->prio, 10);
    ig_waitq_wake_one(&gate);
    join((struct ig_thread *[]){h, i}, 2);

    /* Relocking a mutex one holds waits out the deadline. */
    for (int p = IG_MUTEX_PRIO_NONE; p <= IG_MUTEX_PRIO_PROTECT; p++) {
        m1 = (struct ig_mutex){.protocol = p, .ceiling = 1};
        CHECK_INT(ig_mutex_lock(&m1, UINT64_MAX), 0);
        CHECK_INT(ig_mutex_lock(&m1, now_ns + 50), -ETIMEDOUT);
        CHECK(m1.owner == ig_thread_self());
        ig_mutex_unlock(&m1);
        CHECK(m1.owner == NULL);
    }
    CHECK_INT(ig_thread_self()->prio, 0);
}

/* ---- Waiters are woken highest priority first ---- */

static void test_wake_order(void)
{
    static struct take w[] = {
        {&m1, "w5"}, {&m1, "w9"}, {&m1, "w7"}, {&m1, "w9b"}};
    static const int prios[] = {5, 9, 7, 9};
    struct ig_thread *t[4];

    trace[0] = '\0';
    m1 = (struct ig_mutex){.protocol = IG_MUTEX_PRIO_NONE};
    CHECK_INT(ig_mutex_trylock(&m1), 0);
    CHECK_INT(ig_mutex_trylock(&m1), -EBUSY);
    for (int i = 0; i < 4; i++)
        t[i] = spawn(takes, &w[i], prios[i]);
    ig_sched_yield(); /* all four block */
    ig_mutex_unlock(&m1);
    join(t, 4);
    CHECK_STR(trace, "w9 w9b w7 w5 ");
}

int main(void)
{
    ig_sched_init();
    test_inversion();
    test_chain();
    test_ceiling();
    test_timeout();
    test_wake_order();
    return unit_done();
}
