/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sched.c: threads, the run queue, sleepers and wait queues. */
#include <ingot/panic.h>
#include <ingot/plat.h>
#include <ingot/posix.h>
#include <ingot/sched.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sched_internal.h"

#define SLOTS_MAX 256
#define IDS_MAX IG_SCHED_IDS_MAX
#define SLICE_NS 10000000ull /* 10 ms */

static struct ig_thread boot_thread;
static struct ig_thread *current;
static struct ig_list runq;
static struct ig_list sleepers; /* earliest deadline first */
static struct ig_thread *reap;  /* ended; its stack is released after the
                                   switch away from it */
static struct ig_plat_stack_pool pool;
static unsigned char slot_used[SLOTS_MAX];
static unsigned char slot_guarded[SLOTS_MAX]; /* pool.guard_on_use */
static struct ig_thread *by_id[IDS_MAX];
static unsigned live;
static uint64_t slice_start;
#define IDLE_HOOKS_MAX 4
static uint64_t (*idle_hooks[IDLE_HOOKS_MAX])(void);
static int nhooks;              /* how many */
static uint64_t idle_hook_last; /* when the hooks last ran */
static const struct ig_sched_libc *libc;

#define HOOK_BUSY_NS 1000000ull /* 1 ms */

#define ON_Q(l) IG_LIST_ENTRY(l, struct ig_thread, q)
#define ON_SLEEP(l) IG_LIST_ENTRY(l, struct ig_thread, sleep)

/* Highest priority first (SCHED_FIFO/SCHED_RR 1..99 before SCHED_OTHER's
 * 0), in order of arrival within a priority. */
static void runq_push(struct ig_thread *t)
{
    struct ig_link *at = runq.last;

    t->state = IG_THREAD_READY;
    while (at && ON_Q(at)->prio < t->prio)
        at = at->prev;
    ig_list_insert_before(&runq, at ? at->next : runq.first, &t->q);
}

/* At the head of its priority: a thread that a higher one preempts. */
static void runq_push_front(struct ig_thread *t)
{
    struct ig_link *at = runq.first;

    t->state = IG_THREAD_READY;
    while (at && ON_Q(at)->prio > t->prio)
        at = at->next;
    ig_list_insert_before(&runq, at, &t->q);
}

static struct ig_thread *runq_pop(void)
{
    struct ig_link *l = ig_list_pop_head(&runq);

    return l ? ON_Q(l) : NULL;
}

/* Threads are on the sleepers exactly while their deadline is not
 * UINT64_MAX. */
static void sleep_insert(struct ig_thread *t)
{
    struct ig_link *at = sleepers.first;

    while (at && ON_SLEEP(at)->deadline <= t->deadline)
        at = at->next;
    ig_list_insert_before(&sleepers, at, &t->sleep);
}

static void sleep_remove(struct ig_thread *t)
{
    ig_list_remove(&sleepers, &t->sleep);
    t->deadline = UINT64_MAX;
}

static void waitq_remove(struct ig_waitq *q, struct ig_thread *t)
{
    ig_list_remove(&q->threads, &t->q);
    t->waitq = NULL;
}

static void wake_expired(uint64_t now)
{
    while (sleepers.first && ON_SLEEP(sleepers.first)->deadline <= now) {
        struct ig_thread *t = ON_SLEEP(sleepers.first);

        sleep_remove(t);
        if (t->waitq) {
            waitq_remove(t->waitq, t);
            t->timed_out = 1;
        }
        runq_push(t);
    }
}

/* Frees what a thread that ended no longer needs; runs on another stack. */
static void reap_dead(void)
{
    struct ig_thread *t = reap;

    if (!t)
        return;
    reap = NULL;
    if (t->slot >= 0)
        slot_used[t->slot] = 0;
    t->slot = -1;
    free(t->stack_mem);
    t->stack_mem = NULL;
    if (t != &boot_thread) {
        if (libc && t->libc)
            libc->thread_free(t->libc);
        t->libc = NULL;
        ig_tls_free(t);
    }
    if (t->detached) {
        by_id[t->id] = NULL;
        if (t != &boot_thread)
            free(t);
    }
}

/* Runs every idle hook; returns the earliest time one wants to run again. */
static uint64_t run_idle_hooks(void)
{
    uint64_t want = UINT64_MAX;

    for (int i = 0; i < nhooks; i++) {
        uint64_t w = idle_hooks[i]();
        if (w < want)
            want = w;
    }
    return want;
}

/* Switches to the next runnable thread; the caller has already queued
 * itself wherever it waits (or on the run queue to yield). */
static void schedule(void)
{
    struct ig_thread *prev = current, *next;

    for (;;) {
        uint64_t now = 0, due = ig_callout_next();
        if (!ig_list_empty(&sleepers) || nhooks || due != UINT64_MAX)
            now = ig_plat_clock_monotonic();
        if (due <= now)
            due = ig_callout_run(now);
        if (!ig_list_empty(&sleepers))
            wake_expired(now);
        /* Threads that keep yielding must not starve the devices: with
         * work queued, the hook still runs once a millisecond. */
        if (nhooks && !ig_list_empty(&runq) &&
            now - idle_hook_last >= HOOK_BUSY_NS) {
            idle_hook_last = now;
            run_idle_hooks();
        }
        next = runq_pop();
        if (next)
            break;
        /* Nothing runnable: let the idle hook (devices) wake someone,
         * else idle until the first sleeper or the hook's timer is due.
         * Without either only a device event can help. */
        uint64_t deadline =
            sleepers.first ? ON_SLEEP(sleepers.first)->deadline : UINT64_MAX;
        if (due < deadline)
            deadline = due;
        if (nhooks) {
            idle_hook_last = now;
            uint64_t want = run_idle_hooks();
            if (!ig_list_empty(&runq))
                continue;
            if (want < deadline)
                deadline = want;
        }
        ig_plat_idle(deadline);
    }
    next->state = IG_THREAD_RUNNING;
    slice_start = 0;
    if (next == prev)
        return;
    current = next;
    if (libc)
        libc->switch_to(next->libc);
    ig_stack_set_current(next->stack_lo, next->stack_hi);
    if (next->tp)
        ig_plat_tls_set(next->tp);
    ig_arch_switch(&prev->rsp, next->rsp);
    reap_dead();
    if (prev->cancel_pending && prev->cancel_async)
        ig_sched_cancel_async();
}

void ig_sched_tls_reload(void)
{
    if (current && current->tp)
        ig_plat_tls_set(current->tp);
}

void ig_sched_init(void)
{
    struct ig_thread *t = &boot_thread;

    ig_plat_stack_pool(&pool);
    if (pool.count > SLOTS_MAX)
        pool.count = SLOTS_MAX;
    ig_plat_boot_stack(&t->stack_lo, &t->stack_hi);
    t->state = IG_THREAD_RUNNING;
    t->deadline = UINT64_MAX;
    t->slot = -1;
    t->id = 1;
    by_id[1] = t;
    live = 1;
    current = t;
    if (ig_tls_alloc(t) == 0)
        ig_plat_tls_set(t->tp);
}

void ig_sched_set_libc(const struct ig_sched_libc *ops, void *boot_state)
{
    libc = ops;
    boot_thread.libc = boot_state;
}

struct ig_thread *ig_thread_self(void)
{
    return current;
}

unsigned ig_thread_id(const struct ig_thread *t)
{
    return t->id;
}

struct ig_thread *ig_thread_by_id(unsigned id)
{
    return id < IDS_MAX ? by_id[id] : NULL;
}

void **ig_thread_keys(struct ig_thread *t)
{
    return t->keys;
}

size_t ig_sched_pool_stack_size(void)
{
    return pool.count ? pool.slot - IG_PLAT_PAGE_SIZE : 0;
}

/* Creates a thread on the stack [lo, hi); slot is its pool slot or -1. */
static int create_on(struct ig_thread **out, void *(*fn)(void *), void *arg,
                     int slot, uintptr_t lo, uintptr_t hi, void *mem)
{
    struct ig_thread *t;
    unsigned id = 2;
    uint64_t *sp;

    IG_ASSERT(current);
    while (id < IDS_MAX && by_id[id])
        id++;
    if (id == IDS_MAX)
        return -EAGAIN;
    t = calloc(1, sizeof(*t));
    if (!t)
        return -ENOMEM;
    if (ig_tls_alloc(t) < 0) {
        free(t);
        return -ENOMEM;
    }
    if (libc && !(t->libc = libc->thread_new())) {
        ig_tls_free(t);
        free(t);
        return -ENOMEM;
    }
    if (slot >= 0)
        slot_used[slot] = 1;
    t->slot = slot;
    t->stack_mem = mem;
    t->id = id;
    by_id[id] = t;
    t->deadline = UINT64_MAX;
    t->fn = fn;
    t->arg = arg;
    t->stack_lo = lo;
    t->stack_hi = hi & ~(uintptr_t)15;
    /* The frame ig_arch_switch pops (switch.S), below two zero words that
     * leave %rsp 16-byte aligned in ig_arch_thread_entry. */
    sp = (uint64_t *)(t->stack_hi - 16);
    *--sp = (uint64_t)(uintptr_t)ig_arch_thread_entry;
    for (int i = 0; i < 6; i++)
        *--sp = 0;                         /* rbp, rbx, r12-r15 */
    *--sp = 0x1f80ull | (0x037full << 32); /* MXCSR, x87 CW: defaults */
    ((uint64_t *)(t->stack_hi - 16))[0] = 0;
    ((uint64_t *)(t->stack_hi - 16))[1] = 0;
    t->rsp = (uint64_t)(uintptr_t)sp;
    live++;
    runq_push(t);
    *out = t;
    return 0;
}

int ig_thread_create(struct ig_thread **out, void *(*fn)(void *), void *arg)
{
    int slot = 0;

    while (slot < (int)pool.count && slot_used[slot])
        slot++;
    if (slot == (int)pool.count)
        return -EAGAIN;
    /* The guard goes in before the stack is ever used; the slot keeps it
     * when its thread ends. */
    if (pool.guard_on_use && !slot_guarded[slot]) {
        if (ig_plat_mem_protect(pool.base + (uintptr_t)slot * pool.slot,
                                IG_PLAT_PAGE_SIZE, 0) < 0)
            return -ENOMEM;
        slot_guarded[slot] = 1;
    }
    return create_on(out, fn, arg, slot,
                     pool.base + (uintptr_t)slot * pool.slot +
                         IG_PLAT_PAGE_SIZE,
                     pool.base + (uintptr_t)(slot + 1) * pool.slot, NULL);
}

int ig_thread_create_stack(struct ig_thread **out, void *(*fn)(void *),
                           void *arg, uintptr_t lo, uintptr_t hi, void *mem)
{
    if (hi < lo || hi - lo < IG_SCHED_STACK_MIN)
        return -EINVAL;
    return create_on(out, fn, arg, -1, lo, hi, mem);
}

_Noreturn void ig_sched_thread_main(void)
{
    reap_dead();
    ig_thread_exit(current->fn(current->arg));
}

_Noreturn void ig_thread_exit(void *ret)
{
    struct ig_thread *t = current;

    ig_keys_run_destructors(t);
    t->ret = ret;
    t->state = IG_THREAD_DEAD;
    if (--live == 0)
        exit(0);
    ig_waitq_wake_all(&t->joiners);
    reap = t;
    schedule();
    IG_PANIC("a thread that ended was scheduled again");
}

int ig_thread_join(struct ig_thread *t, void **ret)
{
    if (t == current)
        return -EDEADLK;
    if (t->detached || t->joining)
        return -EINVAL;
    ig_sched_testcancel();
    t->joining = 1;
    /* A cancellation point; signals' handlers run and the wait goes on. */
    while (t->state != IG_THREAD_DEAD) {
        if (ig_waitq_wait_intr(&t->joiners, UINT64_MAX) == -IG_ERESTART) {
            t->joining = 0; /* a cancelled joiner leaves it joinable */
            ig_sched_testcancel();
            t->joining = 1;
            ig_sched_run_signals();
        }
    }
    if (reap == t)
        reap_dead(); /* cannot happen after a switch, but be safe */
    if (ret)
        *ret = t->ret;
    by_id[t->id] = NULL;
    if (t != &boot_thread)
        free(t);
    return 0;
}

int ig_thread_detach(struct ig_thread *t)
{
    if (t->detached || t->joining)
        return -EINVAL;
    t->detached = 1;
    if (t->state == IG_THREAD_DEAD && reap != t) {
        by_id[t->id] = NULL;
        if (t != &boot_thread)
            free(t);
    }
    return 0;
}

void ig_sched_yield(void)
{
    if (!current)
        return;
    runq_push(current);
    schedule();
}

void ig_sched_maybe_yield(void)
{
    uint64_t now;

    if (!current)
        return;
    /* A thread that computes alone still lets timers fire and host
     * signals arrive (the clock reads that call this are delivery
     * points, see libc's time.c). */
    if (ig_callout_next() != UINT64_MAX || nhooks) {
        now = ig_plat_clock_monotonic();
        if (ig_callout_next() <= now)
            ig_callout_run(now);
        if (nhooks && now - idle_hook_last >= HOOK_BUSY_NS) {
            idle_hook_last = now;
            run_idle_hooks();
        }
    }
    if (ig_list_empty(&runq) && ig_list_empty(&sleepers))
        return;
    now = ig_plat_clock_monotonic();
    if (slice_start == 0)
        slice_start = now;
    else if (now - slice_start > SLICE_NS)
        ig_sched_yield();
}

int ig_sched_set_idle_hook(uint64_t (*fn)(void))
{
    if (nhooks == IDLE_HOOKS_MAX)
        return -ENOMEM;
    idle_hooks[nhooks++] = fn;
    return 0;
}

void ig_sched_sleep_until(uint64_t deadline)
{
    if (!current) {
        while (ig_plat_clock_monotonic() < deadline)
            ig_plat_idle(deadline);
        return;
    }
    while (ig_plat_clock_monotonic() < deadline) {
        current->state = IG_THREAD_BLOCKED;
        current->deadline = deadline;
        sleep_insert(current);
        schedule();
    }
}

int ig_waitq_wait(struct ig_waitq *q, uint64_t deadline)
{
    struct ig_thread *t = current;

    IG_ASSERT(t);
    t->state = IG_THREAD_BLOCKED;
    t->timed_out = 0;
    t->waitq = q;
    ig_list_push_tail(&q->threads, &t->q);
    t->deadline = deadline;
    if (deadline != UINT64_MAX)
        sleep_insert(t);
    schedule();
    return t->timed_out ? -ETIMEDOUT : 0;
}

int ig_waitq_wake_one(struct ig_waitq *q)
{
    if (ig_waitq_empty(q))
        return 0;
    struct ig_thread *t = ON_Q(q->threads.first);
    waitq_remove(q, t);
    if (t->deadline != UINT64_MAX)
        sleep_remove(t);
    runq_push(t);
    return 1;
}

void ig_waitq_wake_all(struct ig_waitq *q)
{
    while (ig_waitq_wake_one(q))
        ;
}

void ig_sched_set_effective(struct ig_thread *t, int prio)
{
    t->prio = prio;
    if (t->state == IG_THREAD_READY) {
        ig_list_remove(&runq, &t->q);
        runq_push(t);
    }
}

void ig_thread_set_prio(struct ig_thread *t, int prio)
{
    t->base_prio = prio;
    ig_sched_prio_update(t);
}

int ig_thread_prio(const struct ig_thread *t)
{
    return t->base_prio;
}

void ig_sched_preempt(void)
{
    if (!current || !runq.first || ON_Q(runq.first)->prio <= current->prio)
        return;
    runq_push_front(current);
    schedule();
}

void ig_sched_unblock(struct ig_thread *t)
{
    waitq_remove(t->waitq, t);
    if (t->deadline != UINT64_MAX)
        sleep_remove(t);
    runq_push(t);
}
