/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* backtrace.c: frame-pointer stack walks for panics and crash reports. */
#include <ingot/console.h>
#include <ingot/panic.h>
#include <ingot/plat.h>

/*
 * Every guest object is built with -fno-omit-frame-pointer, so each frame
 * starts with [saved rbp][return address].  The walk trusts nothing: each
 * frame pointer must be aligned, inside the stack, and above the previous
 * one, so a corrupt stack ends the walk instead of faulting inside it.
 */
static uintptr_t cur_lo, cur_hi;

void ig_stack_set_current(uintptr_t lo, uintptr_t hi)
{
    cur_lo = lo;
    cur_hi = hi;
}

void ig_stack_current(uintptr_t *lo, uintptr_t *hi)
{
    if (cur_hi == 0) {
        ig_plat_boot_stack(lo, hi);
        return;
    }
    *lo = cur_lo;
    *hi = cur_hi;
}

void ig_backtrace_print(uintptr_t rbp, int first, int max)
{
    uintptr_t lo, hi;

    ig_stack_current(&lo, &hi);
    for (int n = first; n < first + max; n++) {
        if (rbp == 0 || (rbp & 7) || rbp < lo || rbp + 16 > hi)
            break;
        const uintptr_t *frame = (const uintptr_t *)rbp;
        uintptr_t ret = frame[1];
        if (ret == 0)
            break;
        ig_backtrace_frame(n, ret);
        if (frame[0] <= rbp)
            break;
        rbp = frame[0];
    }
}
