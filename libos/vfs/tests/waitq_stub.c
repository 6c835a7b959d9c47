/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* waitq_stub.c: wait queues, the clock and the console for the VFS's host
 * tests. */
#include <ingot/plat.h>
#include <ingot/sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* The VFS formats its messages with ig_snprintk (console.c), which comes
 * with ig_printk: on the host, the console is stderr. */
long ig_plat_console_write(const char *buf, size_t len)
{
    fwrite(buf, 1, len, stderr);
    return (long)len;
}

uint64_t ig_plat_clock_wall(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Nothing could ever wake the only thread: a test that blocks is wrong. */
int ig_waitq_wait(struct ig_waitq *q, uint64_t deadline)
{
    (void)q;
    (void)deadline;
    fprintf(stderr, "FAIL: a VFS call blocked in a single-threaded test\n");
    abort();
}

int ig_waitq_wake_one(struct ig_waitq *q)
{
    (void)q;
    return 0;
}

void ig_waitq_wake_all(struct ig_waitq *q)
{
    (void)q;
}

int ig_waitq_wait_intr(struct ig_waitq *q, uint64_t deadline)
{
    return ig_waitq_wait(q, deadline);
}
