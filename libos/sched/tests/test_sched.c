/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_sched.c: host unit test of the scheduler, with real switches. */
#include <ingot/plat.h>
#include <ingot/sched.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "host_plat.h"
#include "sched_internal.h"
#include "unit.h"

/* ---- The C library's per-thread state, as libc would hand it over. ---- */

struct state {
    int id;
};

static struct state boot_state = {1};
static struct state *running_state;
static int next_state_id = 2, states_freed;

static void *state_new(void)
{
    struct state *s = malloc(sizeof(*s));

    s->id = next_state_id++;
    return s;
}

static void state_switch(void *s)
{
    running_state = s;
}

static void state_free(void *s)
{
    states_freed++;
    free(s);
}

static const struct ig_sched_libc state_ops = {state_new, state_switch,
                                               state_free};

/* ---- Threads ---- */

static void *round_robin(void *arg)
{
    const char *name = arg;
    struct state *mine = running_state;

    for (int i = 0; i < 3; i++) {
        note("%s%d ", name, i);
        /* Each thread runs on its own stack slot, with its own state. */
        char here;
        CHECK((uintptr_t)&here >= stack_lo && (uintptr_t)&here < stack_hi);
        CHECK(running_state == mine && mine->id > 1);
        ig_sched_yield();
    }
    return arg;
}

static void test_round_robin(void)
{
    struct ig_thread *t[3];
    static const char *names[] = {"A", "B", "C"};
    void *ret;

    trace[0] = '\0';
    for (int i = 0; i < 3; i++)
        CHECK_INT(ig_thread_create(&t[i], round_robin, (void *)names[i]), 0);
    for (int i = 0; i < 3; i++) {
        CHECK_INT(ig_thread_join(t[i], &ret), 0);
        CHECK(ret == names[i]);
    }
    CHECK_STR(trace, "A0 B0 C0 A1 B1 C1 A2 B2 C2 ");
    CHECK(running_state == &boot_state);
    CHECK_INT(states_freed, 3);
}

static struct ig_waitq q;

static void *waiter(void *arg)
{
    int r = ig_waitq_wait(&q, UINT64_MAX);
    note("%s:%d ", (char *)arg, r);
    return NULL;
}

/* Wait queues are FIFO; wake_one wakes the first, wake_all the rest. */
static void test_waitq(void)
{
    struct ig_thread *t[3];
    static const char *names[] = {"w1", "w2", "w3"};

    trace[0] = '\0';
    for (int i = 0; i < 3; i++)
        CHECK_INT(ig_thread_create(&t[i], waiter, (void *)names[i]), 0);
    ig_sched_yield(); /* all three block */
    CHECK(!ig_waitq_empty(&q));
    CHECK_STR(trace, "");
    CHECK_INT(ig_waitq_wake_one(&q), 1);
    ig_sched_yield();
    CHECK_STR(trace, "w1:0 ");
    ig_waitq_wake_all(&q);
    CHECK(ig_waitq_empty(&q));
    CHECK_INT(ig_waitq_wake_one(&q), 0);
    for (int i = 0; i < 3; i++)
        CHECK_INT(ig_thread_join(t[i], NULL), 0);
    CHECK_STR(trace, "w1:0 w2:0 w3:0 ");
}

static void *timed_waiter(void *arg)
{
    uint64_t deadline = *(uint64_t *)arg;
    int r = ig_waitq_wait(&q, deadline);
    note("timed:%d@%llu ", r, (unsigned long long)now_ns);
    return NULL;
}

/* A timed wait that nobody ends returns -ETIMEDOUT at its deadline; one
 * woken before leaves the sleepers and returns 0. */
static void test_timed_wait(void)
{
    struct ig_thread *t;
    uint64_t deadline = now_ns + 100;

    trace[0] = '\0';
    CHECK_INT(ig_thread_create(&t, timed_waiter, &deadline), 0);
    CHECK_INT(ig_thread_join(t, NULL), 0);
    char want[64];
    snprintf(want, sizeof(want), "timed:%d@%llu ", -ETIMEDOUT,
             (unsigned long long)deadline);
    CHECK_STR(trace, want);
    CHECK(ig_waitq_empty(&q));

    trace[0] = '\0';
    uint64_t start = now_ns;
    deadline = now_ns + 1000;
    CHECK_INT(ig_thread_create(&t, timed_waiter, &deadline), 0);
    ig_sched_yield();
    CHECK_INT(ig_waitq_wake_one(&q), 1);
    CHECK_INT(ig_thread_join(t, NULL), 0);
    snprintf(want, sizeof(want), "timed:0@%llu ", (unsigned long long)start);
    CHECK_STR(trace, want);
    /* Its deadline no longer wakes anything: sleeping past it is quiet. */
    ig_sched_sleep_until(start + 2000);
    CHECK(now_ns == start + 2000);
}

static void *sleeper(void *arg)
{
    uint64_t until = *(uint64_t *)arg;
    ig_sched_sleep_until(until);
    note("%llu ", (unsigned long long)now_ns);
    return NULL;
}

/* Sleepers wake in deadline order, each at its deadline. */
static void test_sleepers(void)
{
    struct ig_thread *t[3];
    uint64_t until[3] = {now_ns + 30, now_ns + 10, now_ns + 20};
    char want[64];

    trace[0] = '\0';
    for (int i = 0; i < 3; i++)
        CHECK_INT(ig_thread_create(&t[i], sleeper, &until[i]), 0);
    for (int i = 0; i < 3; i++)
        CHECK_INT(ig_thread_join(t[i], NULL), 0);
    snprintf(want, sizeof(want), "%llu %llu %llu ",
             (unsigned long long)until[1], (unsigned long long)until[2],
             (unsigned long long)until[0]);
    CHECK_STR(trace, want);
}

static void *noop(void *arg)
{
    return arg;
}

static void test_join_and_slots(void)
{
    struct ig_thread *t[SLOTS], *extra;

    CHECK_INT(ig_thread_join(ig_thread_self(), NULL), -EDEADLK);
    for (int i = 0; i < SLOTS; i++)
        CHECK_INT(ig_thread_create(&t[i], noop, NULL), 0);
    CHECK_INT(ig_thread_create(&extra, noop, NULL), -EAGAIN);
    /* Each slot got its guard page once, before its first thread ran. */
    CHECK_INT(guards, SLOTS);
    CHECK_INT(ig_thread_detach(t[0]), 0);
    CHECK_INT(ig_thread_detach(t[0]), -EINVAL);
    CHECK_INT(ig_thread_join(t[0], NULL), -EINVAL);
    CHECK(ig_thread_by_id(ig_thread_id(t[1])) == t[1]);
    for (int i = 1; i < SLOTS; i++)
        CHECK_INT(ig_thread_join(t[i], NULL), 0);
    ig_sched_yield(); /* the detached one is reaped */
    CHECK_INT(ig_thread_create(&extra, noop, NULL), 0);
    CHECK_INT(ig_thread_join(extra, NULL), 0);
    CHECK_INT(guards, SLOTS); /* a slot used again keeps its guard */
}

static uintptr_t ran_at;

static void *where(void *arg)
{
    volatile char here;
    (void)arg;
    ran_at = (uintptr_t)&here;
    return NULL;
}

/* A thread on a stack the caller gives: it runs there, a heap stack is
 * freed by the scheduler after it ended, the pool's size is reported and a too
 * small stack is refused. */
static void test_own_stack(void)
{
    struct ig_thread *t;
    size_t size = 1u << 20;
    char *mem = malloc(size);

    CHECK(mem);
    CHECK(ig_sched_pool_stack_size() == SLOT_BYTES - IG_PLAT_PAGE_SIZE);
    CHECK_INT(ig_thread_create_stack(&t, where, NULL, (uintptr_t)mem,
                                     (uintptr_t)mem + IG_SCHED_STACK_MIN - 1,
                                     NULL),
              -EINVAL);
    CHECK_INT(ig_thread_create_stack(&t, where, NULL, (uintptr_t)mem,
                                     (uintptr_t)mem + size, mem),
              0);
    CHECK_INT(ig_thread_join(t, NULL), 0);
    CHECK(ran_at > (uintptr_t)mem && ran_at < (uintptr_t)mem + size);
    /* mem was freed by the scheduler once the thread had ended. */
}

static int hook_armed, hook_calls;

static uint64_t wake_from_hook(void)
{
    if (hook_armed) {
        hook_calls++;
        ig_waitq_wake_one(&q); /* a device event, say */
    }
    return UINT64_MAX;
}

/* With nothing runnable the idle hook runs before the CPU idles, and a
 * thread it wakes runs without an idle. */
static void test_idle_hook(void)
{
    unsigned idles_before = idles;

    CHECK_INT(ig_sched_set_idle_hook(wake_from_hook), 0);
    hook_armed = 1;
    CHECK_INT(ig_waitq_wait(&q, UINT64_MAX), 0);
    hook_armed = 0;
    CHECK(hook_calls >= 1);
    CHECK_INT(idles, idles_before);
}

static void *spinner(void *arg)
{
    (void)arg;
    for (int ms = 1; ms <= 30; ms++) {
        now_ns += 1000000; /* computes for a millisecond */
        note(".");
        ig_sched_maybe_yield();
    }
    return NULL;
}

static void *other(void *arg)
{
    (void)arg;
    note("|");
    return NULL;
}

/* A thread that only reads the clock gives way after a 10 ms slice. */
static void test_slice(void)
{
    struct ig_thread *a, *b;

    trace[0] = '\0';
    CHECK_INT(ig_thread_create(&a, spinner, NULL), 0);
    CHECK_INT(ig_thread_create(&b, other, NULL), 0);
    CHECK_INT(ig_thread_join(a, NULL), 0);
    CHECK_INT(ig_thread_join(b, NULL), 0);
    const char *bar = strchr(trace, '|');
    CHECK(bar != NULL);
    if (bar) {
        /* The first call starts the slice; it ends after more than 10 ms. */
        CHECK_INT(bar - trace, 12);
    }
}

/* ---- Callouts and interruptible waits. ---- */

static uint64_t fired_at[4];
static int fired;

static void record(struct ig_callout *c, uint64_t now)
{
    (void)c;
    if (fired < 4)
        fired_at[fired] = now;
    fired++;
}

static void periodic(struct ig_callout *c, uint64_t now)
{
    record(c, now);
    if (fired < 3)
        ig_callout_arm(c, c->when + 500);
}

/* With every thread blocked the platform idles until the earliest
 * callout; callouts run in deadline order, once; a cancelled one never;
 * one may re-arm itself. */
static void test_callouts(void)
{
    struct ig_callout a = {.fn = record}, b = {.fn = record},
                      c = {.fn = record}, p = {.fn = periodic};
    uint64_t t0 = now_ns;

    fired = 0;
    ig_callout_arm(&b, t0 + 2000);
    ig_callout_arm(&a, t0 + 1000);
    ig_callout_arm(&c, t0 + 1500);
    ig_callout_cancel(&c);
    CHECK(!c.armed);
    ig_sched_sleep_until(t0 + 3000);
    CHECK_INT(fired, 2);
    CHECK(fired_at[0] == t0 + 1000 && fired_at[1] == t0 + 2000);
    CHECK(!a.armed && !b.armed);

    fired = 0;
    t0 = now_ns;
    ig_callout_arm(&p, t0 + 500);
    ig_sched_sleep_until(t0 + 5000);
    CHECK_INT(fired, 3);
    CHECK(fired_at[2] == t0 + 1500);
    CHECK(!p.armed);
}

static int sig_pending; /* the "signal" the fake libc reports */
static int delivered;

static int fake_pending(void)
{
    return sig_pending;
}

static int fake_deliver(void)
{
    int ran = sig_pending;

    sig_pending = 0;
    delivered += ran;
    return ran ? 2 : 0;
}

static int fake_raise(int sig)
{
    (void)sig;
    return 0;
}

static const struct ig_sched_signals fake_signals = {fake_pending, fake_deliver,
                                                     fake_raise};

static struct ig_waitq iq;
static int intr_result;

static void *intr_waiter(void *arg)
{
    (void)arg;
    intr_result = ig_waitq_wait_intr(&iq, UINT64_MAX);
    return NULL;
}

static void post_signal(struct ig_callout *c, uint64_t now)
{
    (void)c;
    (void)now;
    sig_pending = 1;
    ig_sched_interrupt();
}

/* A signal generated by a callout ends an interruptible wait with
 * -IG_ERESTART; ig_sched_again() runs the handler and turns it into
 * -EINTR (the fake handler has no SA_RESTART).  An ordinary wait is left
 * alone, and a wait entered with a signal pending ends at once. */
static void test_interrupt(void)
{
    struct ig_thread *t;
    struct ig_callout c = {.fn = post_signal};
    long r;

    ig_sched_set_signals(&fake_signals);
    intr_result = 1;
    CHECK_INT(ig_thread_create(&t, intr_waiter, NULL), 0);
    ig_sched_yield();
    CHECK_INT(intr_result, 1);
    ig_callout_arm(&c, now_ns + 100);
    /* Not in an interruptible wait itself (join is one), so the signal is
     * the waiter's to take. */
    ig_sched_sleep_until(now_ns + 1000);
    CHECK_INT(ig_thread_join(t, NULL), 0);
    CHECK_INT(intr_result, -IG_ERESTART);
    r = intr_result;
    CHECK_INT(ig_sched_again(&r, 1), 0);
    CHECK_INT((int)r, -EINTR);
    CHECK_INT(delivered, 1);

    sig_pending = 1;
    CHECK_INT(ig_waitq_wait_intr(&iq, UINT64_MAX), -IG_ERESTART);
    r = -IG_ERESTART;
    sig_pending = 0; /* another thread took it: the call is made again */
    CHECK_INT(ig_sched_again(&r, 0), 1);
    r = -ETIMEDOUT;
    CHECK_INT(ig_sched_again(&r, 1), 0);
    CHECK_INT((int)r, -ETIMEDOUT);
    ig_sched_set_signals(NULL);
}

static void *tagged(void *arg)
{
    note("%s ", (char *)arg);
    return NULL;
}

/* Higher priorities run first, FIFO within one; a priority changed while
 * a thread is runnable moves it; the creator at 0 runs after them all. */
static void test_priorities(void)
{
    struct ig_thread *t[4];
    static char *tags[] = {"p1", "p5a", "p3", "p5b"};
    static const int prios[] = {1, 5, 3, 5};

    trace[0] = '\0';
    for (int i = 0; i < 4; i++) {
        CHECK_INT(ig_thread_create(&t[i], tagged, tags[i]), 0);
        ig_thread_set_prio(t[i], prios[i]);
    }
    ig_thread_set_prio(t[0], 4); /* p1 moves up, ahead of p3 */
    CHECK_INT(ig_thread_prio(t[0]), 4);
    ig_sched_yield();
    CHECK_STR(trace, "p5a p5b p1 p3 ");
    for (int i = 0; i < 4; i++)
        CHECK_INT(ig_thread_join(t[i], NULL), 0);
}

int main(void)
{
    ig_sched_init();
    ig_sched_set_libc(&state_ops, &boot_state);
    running_state = &boot_state;
    test_round_robin();
    test_waitq();
    test_timed_wait();
    test_sleepers();
    test_join_and_slots();
    test_own_stack();
    test_idle_hook();
    test_slice();
    test_callouts();
    test_interrupt();
    test_priorities();
    return unit_done();
}
