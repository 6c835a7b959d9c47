/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sched_internal.h: the thread structure and what the sched files share. */
#ifndef INGOT_SCHED_INTERNAL_H
#define INGOT_SCHED_INTERNAL_H

#include <ingot/list.h>
#include <ingot/sched.h>

#include <stdint.h>

#define IG_SCHED_IDS_MAX 1024    /* thread ids are 1..IG_SCHED_IDS_MAX-1 */
struct _pthread_cleanup_context; /* newlib's <pthread.h> */

enum ig_thread_state {
    IG_THREAD_RUNNING,
    IG_THREAD_READY,
    IG_THREAD_BLOCKED,
    IG_THREAD_DEAD,
};

struct ig_thread {
    uint64_t rsp;           /* saved by ig_arch_switch */
    struct ig_link q;       /* on the run queue or its wait queue */
    struct ig_link sleep;   /* on the sleepers, ordered by deadline */
    struct ig_waitq *waitq; /* the queue it blocks on, if any */
    uint64_t deadline;      /* UINT64_MAX: not on the sleepers */
    enum ig_thread_state state;
    int timed_out;
    int intr;        /* in ig_waitq_wait_intr() */
    int interrupted; /* ig_sched_interrupt() woke it */
    int cancel_pending, cancel_disabled, cancel_async;
    int policy;          /* SCHED_OTHER (0) unless pthread_setschedparam */
    int base_prio;       /* what the program set (ig_thread_set_prio) */
    int prio;            /* effective: base_prio raised by mutex protocols;
                            orders the run queue */
    struct ig_list held; /* protocol mutexes it owns (mutex.c) */
    struct ig_mutex *blocked_on; /* the mutex it waits for, if any */
    struct _pthread_cleanup_context *cleanup; /* newest first */
    int detached, joining;
    unsigned id;
    int slot;        /* pool stack slot; -1: the boot stack or another */
    void *stack_mem; /* free()d when it has ended (a heap stack), or NULL */
    uintptr_t stack_lo, stack_hi;
    void *(*fn)(void *);
    void *arg, *ret;
    struct ig_waitq joiners;
    void *tls_mem; /* malloc'ed TLS block + TCB */
    uintptr_t tp;  /* thread pointer: %fs:0 */
    void *libc;    /* the C library's state (struct ig_sched_libc) */
    void *keys[IG_THREAD_KEYS];
};

/* switch.S: saves callee-saved registers, MXCSR and the x87 control word
 * on the current stack, stores %rsp in (*save), continues on (rsp). */
void ig_arch_switch(uint64_t *save, uint64_t rsp);
/* switch.S: where a new thread's first switch returns to; calls
 * ig_sched_thread_main(). */
void ig_arch_thread_entry(void);
_Noreturn void ig_sched_thread_main(void);

/* tls.c: allocates (t)'s TLS block from the image's template and sets
 * t->tp.  Returns 0 or -ENOMEM. */
int ig_tls_alloc(struct ig_thread *t);
void ig_tls_free(struct ig_thread *t);

/* The size of the thread id space (ig_thread_by_id()). */
#define IG_SCHED_IDS_MAX 1024

/* sched.c: makes (t), blocked on a wait queue, runnable before it is
 * woken or its deadline passes (intr.c, for signals). */
void ig_sched_unblock(struct ig_thread *t);

/* intr.c: wakes (t) if it is in ig_waitq_wait_intr(), to look at what
 * interrupts it (a cancel request). */
void ig_sched_interrupt_thread(struct ig_thread *t);

/* cancel.c: acts on a pending asynchronous cancel request of the running
 * thread (schedule(), when it gets the CPU back). */
void ig_sched_cancel_async(void);
/* cancel.c: nonzero when the running thread has a cancel request it
 * accepts. */
int ig_sched_cancel_due(void);
/* cancel.c: runs and pops the running thread's cleanup handlers. */
void ig_thread_cleanup_run(void);

/* policy.c: -EINVAL when (a) asks for an explicit policy and priority
 * that do not go together, else 0; then gives (t), just created, the
 * policy and priority (a) asks for or its creator's.  (a) is a newlib
 * pthread_attr_t, or NULL. */
int ig_pthread_sched_check(const void *a);
void ig_pthread_sched_start(struct ig_thread *t, const void *a);

/* callout.c: runs the callouts due at (now); returns the time the earliest
 * armed one is due, UINT64_MAX when none is. */
uint64_t ig_callout_run(uint64_t now);
/* callout.c: the time the earliest armed callout is due, or UINT64_MAX. */
uint64_t ig_callout_next(void);

/* sched.c: makes (prio) the effective priority of (t), moving it in the
 * run queue if it waits there (mutex.c). */
void ig_sched_set_effective(struct ig_thread *t, int prio);

/* sched.c: lets a runnable thread of a higher effective priority than the
 * running one run first, as a preemptive kernel would at this point; the
 * running thread goes back to the head of its priority's queue.  Called
 * where a mutex protocol lowers the running thread's priority or its
 * unlock wakes a higher one. */
void ig_sched_preempt(void);

/*
 * mutex.c: the mutex under pthread mutexes, with POSIX's priority
 * protocols.  IG_MUTEX_PRIO_INHERIT: a thread blocked on the mutex lends
 * its effective priority to the owner, and on through whatever mutex of
 * that protocol the owner itself waits for, until the owner unlocks it.
 * IG_MUTEX_PRIO_PROTECT: the owner runs at least at (ceiling) while it
 * holds the mutex.  Unlocking hands a protocol mutex straight to its
 * highest-priority waiter (first come among equals); one without a
 * protocol is released and its highest-priority waiter woken to compete
 * for it.  Zero-filled, a mutex is free, IG_MUTEX_PRIO_NONE.
 */
#define IG_MUTEX_PRIO_NONE 0    /* PTHREAD_PRIO_NONE */
#define IG_MUTEX_PRIO_INHERIT 1 /* PTHREAD_PRIO_INHERIT */
#define IG_MUTEX_PRIO_PROTECT 2 /* PTHREAD_PRIO_PROTECT */
struct ig_mutex {
    struct ig_thread *owner;
    struct ig_waitq waiters;
    struct ig_link held; /* on the owner's list (protocol mutexes) */
    int protocol, ceiling;
};

/* The common cases inline (the pthread calls' fast paths): take_free
 * takes (m), free and without a protocol, for (self) and returns 1, else
 * 0; release_idle releases (m), without a protocol or waiters, and
 * returns 1, else 0 (then ig_mutex_unlock() must). */
static inline int ig_mutex_take_free(struct ig_mutex *m, struct ig_thread *self)
{
    if (m->owner || m->protocol != IG_MUTEX_PRIO_NONE)
        return 0;
    m->owner = self;
    return 1;
}

static inline int ig_mutex_release_idle(struct ig_mutex *m)
{
    if (m->protocol != IG_MUTEX_PRIO_NONE || !ig_waitq_empty(&m->waiters))
        return 0;
    m->owner = NULL;
    return 1;
}

/* Takes (m) for the running thread if it is free.  Returns 0 or -EBUSY. */
int ig_mutex_trylock(struct ig_mutex *m);
/* Takes (m) for the running thread, blocking while another thread holds
 * it until the monotonic clock reaches (deadline) (UINT64_MAX: no
 * timeout).  Returns 0 or -ETIMEDOUT.  A thread taking a mutex it holds
 * blocks for ever. */
int ig_mutex_lock(struct ig_mutex *m, uint64_t deadline);
/* Releases (m), held by the running thread, to its best waiter; drops the
 * priority it lent.  Never switches (ig_sched_preempt() may follow). */
void ig_mutex_unlock(struct ig_mutex *m);
/* -EINVAL when the running thread's priority is above (m)'s ceiling (an
 * IG_MUTEX_PRIO_PROTECT mutex), else 0: checked before locking. */
int ig_mutex_ceiling_check(const struct ig_mutex *m);
/* Makes (ceiling) (m)'s ceiling, raising or lowering its owner. */
void ig_mutex_set_ceiling(struct ig_mutex *m, int ceiling);
/* Recomputes (t)'s effective priority from its base priority and the
 * protocol mutexes it holds, and on along the owners of the inheritance
 * mutexes it waits for. */
void ig_sched_prio_update(struct ig_thread *t);

/* pthread.c: runs the destructors of (t)'s keys when it exits. */
void ig_keys_run_destructors(struct ig_thread *t);

#endif /* INGOT_SCHED_INTERNAL_H */
