/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sched_debug.c: every thread's saved registers, for core files. */
#include <ingot/sched.h>

#include "sched_internal.h"

/*
 * ig_arch_switch (switch.S) leaves a switched-out thread's stack as
 *     rsp+0  MXCSR and x87 control word
 *     rsp+8  r15, r14, r13, r12, rbx, rbp
 *     rsp+56 the return address
 * so a debugger sees the thread as if ig_arch_switch had just returned:
 * at that address, with rsp 64 bytes higher.
 */
enum { SW_R15 = 1, SW_R14, SW_R13, SW_R12, SW_RBX, SW_RBP, SW_RET, SW_WORDS };

void ig_sched_threads(void (*fn)(void *ctx, const struct ig_thread_regs *r),
                      void *ctx)
{
    const struct ig_thread *self = ig_thread_self();

    for (unsigned id = 1; id < IG_SCHED_IDS_MAX; id++) {
        const struct ig_thread *t = ig_thread_by_id(id);
        struct ig_thread_regs r = {0};

        if (!t || t->state == IG_THREAD_DEAD)
            continue;
        r.id = t->id;
        r.fs_base = t->tp;
        r.stack_lo = t->stack_lo;
        r.stack_hi = t->stack_hi;
        r.running = t == self;
        /* A saved frame outside the thread's stack is not read. */
        if (!r.running && t->rsp >= t->stack_lo &&
            t->rsp + SW_WORDS * 8 <= t->stack_hi && !(t->rsp & 7)) {
            const uint64_t *sw = (const uint64_t *)(uintptr_t)t->rsp;
            r.r15 = sw[SW_R15];
            r.r14 = sw[SW_R14];
            r.r13 = sw[SW_R13];
            r.r12 = sw[SW_R12];
            r.rbx = sw[SW_RBX];
            r.rbp = sw[SW_RBP];
            r.rip = sw[SW_RET];
            r.rsp = t->rsp + SW_WORDS * 8;
        }
        fn(ctx, &r);
    }
}
