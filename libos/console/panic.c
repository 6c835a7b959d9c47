/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* panic.c: IG_PANIC: report a broken invariant and stop with status 255. */
#include <ingot/console.h>
#include <ingot/panic.h>
#include <ingot/plat.h>

static volatile int panicking;

_Noreturn void ig_panic_at(const char *file, int line, const char *fmt, ...)
{
    char msg[256];
    va_list ap;

    /* A panic while panicking (say, inside the backtrace) must not recurse. */
    if (panicking++)
        ig_plat_exit(255);
    va_start(ap, fmt);
    ig_vsnprintk(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    ig_printk("\ningot: panic at %s:%d: %s\n", file, line, msg);
    ig_printk("backtrace:\n");
    ig_backtrace_print((uintptr_t)__builtin_frame_address(0), 0, 32);
    /* For a core file: the caller's state at the call, as if this
     * function had returned (every guest object keeps frame pointers). */
    const uintptr_t *frame = __builtin_frame_address(0);
    struct ig_fault f = {.vector = -6, /* SIGABRT */
                         .rip = frame[1],
                         .rbp = frame[0],
                         .rsp = (uintptr_t)(frame + 2)};
    ig_fault_run_hook(&f);
    ig_plat_exit(255);
}
