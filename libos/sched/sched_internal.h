/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sched_internal.h: the thread structure and what the sched files share. */
#ifndef INGOT_SCHED_INTERNAL_H
#define INGOT_SCHED_INTERNAL_H

#include <ingot/list.h>
#include <ingot/sched.h>

#include <stdint.h>

#define IG_SCHED_IDS_MAX 1024 /* thread ids are 1..IG_SCHED_IDS_MAX-1 */

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

/* pthread.c: runs the destructors of (t)'s keys when it exits. */
void ig_keys_run_destructors(struct ig_thread *t);

#endif /* INGOT_SCHED_INTERNAL_H */
