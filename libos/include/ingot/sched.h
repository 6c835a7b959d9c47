/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sched.h: threads, the cooperative scheduler, wait queues and sleeps. */
#ifndef INGOT_SCHED_H
#define INGOT_SCHED_H

/*
 * ig_sched_init() runs once at boot (ig_libos_main), after the heap and
 * before constructors: it turns the boot context into the first thread.
 * From then on ig_thread_create() starts threads on guarded stacks from
 * the platform's pool (plat.h), each with its own TLS block and the C
 * library's per-thread state, which libc hands over once with
 * ig_sched_set_libc() (the scheduler does not know what it holds).
 *
 * Scheduling is cooperative on one CPU: a thread runs until it blocks (a
 * wait queue, a sleep, join) or yields (ig_sched_yield(), sched_yield(),
 * and the clock and sleep calls of libc once it has run for a time slice,
 * see ig_sched_maybe_yield()).  Because nothing preempts a thread, code
 * between two such points is atomic with respect to other threads; the
 * synchronization objects below rely on that and take no spinlocks.
 */

#include <ingot/list.h>
#include <ingot/posix.h> /* IG_ERESTART */

#include <stddef.h>
#include <stdint.h>

struct ig_thread;

/* A FIFO of blocked threads.  Zero-initialised is empty. */
struct ig_waitq {
    struct ig_list threads;
};

static inline int ig_waitq_empty(const struct ig_waitq *q)
{
    return ig_list_empty(&q->threads);
}

/* Makes the running boot context thread 1 and sets up its TLS. */
void ig_sched_init(void);

/* The C library's per-thread state (newlib's struct _reent), carried by
 * the scheduler without knowing it.  thread_new returns the state of a
 * thread being created (NULL: no memory, the creation fails with
 * -ENOMEM); switch_to makes (state) the running one, at every switch;
 * thread_free releases it after its thread ended. */
struct ig_sched_libc {
    void *(*thread_new)(void);
    void (*switch_to)(void *state);
    void (*thread_free)(void *state);
};

/* Installs (ops) and makes (boot_state) the first thread's state; the
 * first thread's state is never freed.  Called once, after
 * ig_sched_init() and before the first ig_thread_create().  Without it
 * threads carry no C library state. */
void ig_sched_set_libc(const struct ig_sched_libc *ops, void *boot_state);

/* Starts (fn)(arg) in a new thread and stores it in (*out).  Returns 0,
 * -EAGAIN when every stack slot is in use, or -ENOMEM. */
int ig_thread_create(struct ig_thread **out, void *(*fn)(void *), void *arg);

/* The smallest stack a thread may have: 16 KiB (PTHREAD_STACK_MIN). */
#define IG_SCHED_STACK_MIN 16384

/* Like ig_thread_create(), but on the stack [lo, hi) the caller provides
 * instead of a slot of the platform's pool, so without a guard page below
 * it.  (mem), if not NULL, is free()d once the thread has ended (a stack
 * the caller took from the heap).  Returns 0, -EINVAL when the stack is
 * smaller than IG_SCHED_STACK_MIN, -EAGAIN or -ENOMEM. */
int ig_thread_create_stack(struct ig_thread **out, void *(*fn)(void *),
                           void *arg, uintptr_t lo, uintptr_t hi, void *mem);

/* The usable size of a pool stack (guard page excluded); 0 when the
 * platform has no pool.  ig_thread_create() gives threads this much. */
size_t ig_sched_pool_stack_size(void);

/* The running thread (NULL before ig_sched_init()). */
struct ig_thread *ig_thread_self(void);

/* Ends the running thread with (ret); the last thread ending exits the
 * image with status 0. */
_Noreturn void ig_thread_exit(void *ret);

/* Waits until (t) has ended and stores its value in (*ret) if ret is not
 * NULL, then frees it.  Returns 0, -EDEADLK if (t) is the caller, -EINVAL
 * if (t) is detached or someone already joins it. */
int ig_thread_join(struct ig_thread *t, void **ret);

/* Lets (t) be freed as soon as it ends.  Returns 0 or -EINVAL if it is
 * already detached or joined. */
int ig_thread_detach(struct ig_thread *t);

/* A small number unique among living threads (1 for the first). */
unsigned ig_thread_id(const struct ig_thread *t);

/* The thread with id (id), or NULL. */
struct ig_thread *ig_thread_by_id(unsigned id);

/* Per-thread values for pthread keys: slot (k) of (t), k < IG_THREAD_KEYS. */
#define IG_THREAD_KEYS 128
void **ig_thread_keys(struct ig_thread *t);

/* Priorities order the run queue: a runnable thread of a higher one runs
 * before any of a lower one, those of one priority in turn (FIFO).
 * Nothing preempts the running thread: a thread woken with a higher
 * priority runs at the next switch (except at a mutex unlock, see
 * sched_internal.h).  New threads start at 0.  set_prio sets (t)'s base
 * priority, which mutex priority protocols may raise while (t) holds
 * such mutexes; ig_thread_prio() returns the base priority. */
void ig_thread_set_prio(struct ig_thread *t, int prio);
int ig_thread_prio(const struct ig_thread *t);

/* Lets every other runnable thread run once. */
void ig_sched_yield(void);

/* Yields if the running thread has had the CPU for more than a time slice
 * (10 ms) since it last got it.  libc calls it where programs commonly
 * loop (clock reads, sleeps), so a compute loop that reads the clock does
 * not starve the others. */
void ig_sched_maybe_yield(void);

/* Adds (fn) to the scheduler's idle hooks (up to 4: the network stack,
 * standard input, host signals): whenever the scheduler finds no thread to
 * run it calls every hook before idling, and again after each
 * ig_plat_idle(); while threads are runnable it calls them at a switch at
 * most once a millisecond.  A hook does device work that may wake threads
 * (it must not block) and returns the monotonic time by which it wants to
 * run again, UINT64_MAX for "only on an event".  Returns 0, or -ENOMEM
 * when every slot is taken. */
int ig_sched_set_idle_hook(uint64_t (*fn)(void));

/* Blocks until the monotonic clock reaches (deadline) nanoseconds. */
void ig_sched_sleep_until(uint64_t deadline);

/* Blocks the running thread on (q) until woken or until the monotonic
 * clock reaches (deadline) (UINT64_MAX: no timeout).  Returns 0 when
 * woken, -ETIMEDOUT when the deadline passed first. */
int ig_waitq_wait(struct ig_waitq *q, uint64_t deadline);

/* Makes the first thread on (q) runnable.  Returns 1 if one was, else 0. */
int ig_waitq_wake_one(struct ig_waitq *q);

/* Makes every thread on (q) runnable. */
void ig_waitq_wake_all(struct ig_waitq *q);

/*
 * Interruptible waits.  A blocking call that a signal handler may
 * interrupt (a read of a pipe, poll, sem_wait, ...) waits with
 * ig_waitq_wait_intr().  libc, which owns the signals, installs its two
 * functions once at boot with ig_sched_set_signals(); ig_sched_interrupt()
 * (called when a signal is generated) wakes every interruptible waiter,
 * and each one that has a signal to take, by its own mask, leaves its wait
 * with -IG_ERESTART (<ingot/posix.h>).  That code travels up to the POSIX
 * entry point, which runs the handlers there, where no library OS state is
 * held, with ig_sched_again():
 *
 *     do
 *         r = ig_vfs_read(fd, buf, len);
 *     while (ig_sched_again(&r, 1));
 *     return ig_posix_ret(r);
 */
struct ig_sched_signals {
    /* Nonzero when the running thread has a pending signal it does not
     * block. */
    int (*pending)(void);
    /* Runs those signals' actions in the running thread: 0 when no handler
     * ran, 1 when all that ran had SA_RESTART, 2 when one did not. */
    int (*deliver)(void);
    /* Generates (sig) as raise() does (SIGPIPE from a socket). */
    int (*raise)(int sig);
};
void ig_sched_set_signals(const struct ig_sched_signals *ops);

/* Like ig_waitq_wait(), but also returns -IG_ERESTART, at once when the
 * running thread has a signal to take or when ig_sched_interrupt() finds
 * it waiting with one.  Woken by ig_sched_interrupt() with no signal to
 * take (another thread took it), it returns 0 without a wake-up on (q):
 * callers wait in a loop on their condition. */
int ig_waitq_wait_intr(struct ig_waitq *q, uint64_t deadline);

/* Makes every thread in ig_waitq_wait_intr() look whether it has a signal
 * to take (those that have leave their wait).  Safe inside idle hooks and
 * callouts. */
void ig_sched_interrupt(void);

/* Points the CPU's thread pointer at the running thread's TLS again, after
 * a fault path that may have left another there (the pico tender's). */
void ig_sched_tls_reload(void);

/* The end of a POSIX entry point's blocking call whose result is (*r).
 * Unless (*r) is -IG_ERESTART or -IG_ERESTARTNOHAND, returns 0.  Otherwise
 * runs the pending signals' handlers and returns 1 (make the call again)
 * when no handler ran, or when all had SA_RESTART, (restartable) is
 * nonzero and (*r) is -IG_ERESTART; else sets (*r) to -EINTR and returns
 * 0.  Calls Linux never restarts (poll, select,
 * epoll_wait, nanosleep, a socket call with a timeout) pass 0. */
int ig_sched_again(long *r, int restartable);

/* Runs the pending signals' handlers in the running thread, as
 * ig_sched_again() does; returns what ig_sched_signals.deliver does (0
 * when libc installed no signals). */
int ig_sched_run_signals(void);

/* A cancellation point: if the running thread has a cancel request it
 * accepts, runs its cleanup handlers and ends it with PTHREAD_CANCELED.
 * ig_waitq_wait_intr() also returns -IG_ERESTART for such a request, and
 * ig_sched_again() acts on it. */
void ig_sched_testcancel(void);

/* Generates (sig) for the running thread as raise() does, through the
 * installed signals; nothing without them.  Returns 0 or -EINVAL. */
int ig_sched_raise(int sig);

/*
 * Callouts: a function the scheduler calls once the monotonic clock
 * reaches a time, for timers (alarm, timer_create, timerfd).  It runs
 * inside the scheduler, whenever it looks for work (at once when every
 * thread is blocked: the platform idles until the earliest callout), and
 * from ig_sched_maybe_yield(); it must not block, and may wake threads,
 * generate signals and arm callouts, itself included.  Zero-initialised
 * and then given (fn) is disarmed.
 */
struct ig_callout {
    struct ig_link link;
    uint64_t when; /* monotonic ns; armed while linked */
    int armed;
    void (*fn)(struct ig_callout *c, uint64_t now);
};

/* Arms (c) for (when), re-arming it if it was armed. */
void ig_callout_arm(struct ig_callout *c, uint64_t when);

/* Disarms (c); nothing if it was not armed. */
void ig_callout_cancel(struct ig_callout *c);

/* One thread as a debugger sees it (ig_sched_threads()). */
struct ig_thread_regs {
    unsigned id;
    int running;       /* the current thread: registers are not saved */
    uint64_t rip, rsp; /* not running: where its last switch returns */
    uint64_t rbp, rbx, r12, r13, r14, r15; /* callee-saved, as switched */
    uint64_t fs_base;                      /* its thread pointer */
    uintptr_t stack_lo, stack_hi;
};

/* Calls (fn)(ctx, r) for every thread that has not ended, by id.  For the
 * running thread only id, running, fs_base and the stack are filled.
 * Safe after a crash: reads only, allocates nothing. */
void ig_sched_threads(void (*fn)(void *ctx, const struct ig_thread_regs *r),
                      void *ctx);

#endif /* INGOT_SCHED_H */
