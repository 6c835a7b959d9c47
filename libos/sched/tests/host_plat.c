/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* host_plat.c: the platform below the scheduler's host tests. */
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

uint64_t now_ns = 1000;
unsigned idles;
uintptr_t stack_lo, stack_hi;
char trace[512];

void note(const char *fmt, ...)
{
    size_t n = strlen(trace);
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(trace + n, sizeof(trace) - n, fmt, ap);
    va_end(ap);
}

/* ---- The platform and the rest of the library OS, for the host. ---- */

uint64_t ig_plat_clock_monotonic(void)
{
    return now_ns;
}

void ig_plat_idle(uint64_t deadline)
{
    idles++;
    if (deadline == UINT64_MAX) {
        fprintf(stderr, "FAIL: every thread blocked without a deadline\n");
        abort();
    }
    if (deadline > now_ns)
        now_ns = deadline;
}

static char *pool_base;
unsigned guards;

/* Guards are placed on use, as on pico: the scheduler asks for each. */
void ig_plat_stack_pool(struct ig_plat_stack_pool *out)
{
    char *p = mmap(NULL, SLOTS * SLOT_BYTES, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    if (p == MAP_FAILED) {
        perror("mmap");
        abort();
    }
    pool_base = p;
    *out = (struct ig_plat_stack_pool){(uintptr_t)p, SLOT_BYTES, SLOTS, 1};
}

int ig_plat_mem_protect(uintptr_t base, size_t len, unsigned prot)
{
    uintptr_t off = base - (uintptr_t)pool_base;

    if (base < (uintptr_t)pool_base || off % SLOT_BYTES != 0 ||
        off / SLOT_BYTES >= SLOTS || len != IG_PLAT_PAGE_SIZE || prot != 0) {
        fprintf(stderr,
                "FAIL: ig_plat_mem_protect(%#lx, %zu, %u) is not a "
                "slot's guard page\n",
                (unsigned long)base, len, prot);
        abort();
    }
    guards++;
    return mprotect((void *)base, len, PROT_NONE) < 0 ? -ENOMEM : 0;
}

void ig_plat_boot_stack(uintptr_t *lo, uintptr_t *hi)
{
    *lo = 0;
    *hi = UINTPTR_MAX;
}

/* The boot thread's block is set once; threads without one are not. */
int ig_plat_tls_set(uintptr_t tp)
{
    if (tp != 0) {
        fprintf(stderr, "FAIL: ig_plat_tls_set(%#lx) without TLS blocks\n",
                (unsigned long)tp);
        abort();
    }
    return 0;
}

void ig_stack_set_current(uintptr_t lo, uintptr_t hi)
{
    stack_lo = lo;
    stack_hi = hi;
}

_Noreturn void ig_panic_at(const char *file, int line, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "FAIL: panic at %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

int ig_tls_alloc(struct ig_thread *t)
{
    t->tp = 0;
    return 0;
}

void ig_tls_free(struct ig_thread *t)
{
    (void)t;
}

void ig_keys_run_destructors(struct ig_thread *t)
{
    (void)t;
}

/* cancel.c needs newlib's <pthread.h>: no thread is ever cancelled here. */
void ig_sched_testcancel(void) {}

int ig_sched_cancel_due(void)
{
    return 0;
}

void ig_sched_cancel_async(void) {}
