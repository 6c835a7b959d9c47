/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* panic.h: fatal errors and assertions inside the library OS. */
#ifndef INGOT_PANIC_H
#define INGOT_PANIC_H

/*
 * IG_PANIC() is for states the library OS cannot continue from (a broken
 * invariant, never resource exhaustion, which returns -ENOMEM and friends).
 * It prints "ingot: panic at FILE:LINE: message", a backtrace of the caller,
 * and ends the image with status 255, without using malloc or stdio.
 */

#include <stdint.h>

_Noreturn void ig_panic_at(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#define IG_PANIC(...) ig_panic_at(__FILE__, __LINE__, __VA_ARGS__)

#define IG_ASSERT(cond)                                                        \
    do {                                                                       \
        if (!(cond))                                                           \
            ig_panic_at(__FILE__, __LINE__, "assertion failed: %s", #cond);    \
    } while (0)

/* Prints a frame-pointer backtrace starting at frame pointer (rbp), at most
 * (max) frames numbered from (first), one ig_backtrace_frame() line per
 * return address.  Stops at a NULL, misaligned or out-of-stack frame
 * pointer. */
void ig_backtrace_print(uintptr_t rbp, int first, int max);

/* Prints frame (n) at code address (addr): "  #N 0xADDR NAME+0xOFF" when
 * the platform has the image's symbols (ig_plat_symbols(): pico), else
 * "  #N 0xADDR", the form `ingot run` annotates itself (kvm, xen).  Frames
 * above 0 hold return addresses: the call before it is what is named. */
void ig_backtrace_frame(int n, uintptr_t addr);

/* Returns the name of the function holding code address (addr), with the
 * offset into it in (*off), or NULL when the platform has no symbol table
 * or no function holds (addr).  Allocates nothing. */
const char *ig_backtrace_symbolize(uintptr_t addr, uintptr_t *off);

/* The stack the CPU runs on, [lo, hi), for backtraces and for telling a
 * stack overflow (a fault in the page below lo) from other faults.  The
 * boot stack until the scheduler calls ig_stack_set_current() on each
 * switch to another thread's stack. */
void ig_stack_set_current(uintptr_t lo, uintptr_t hi);
void ig_stack_current(uintptr_t *lo, uintptr_t *hi);

/* Crash hook: called with the fault (or, for IG_PANIC, the panicking
 * caller's registers, vector -6 = SIGABRT) after the report is printed and
 * before the image ends.  At most one; NULL removes it.  It must not
 * allocate: the heap may be what broke.  The core dump (libos/core/
 * coredump.c) sets it for the libos option core=1. */
struct ig_fault;
void ig_fault_set_hook(void (*hook)(const struct ig_fault *f));

/* Sets what ig_fault_deliver() asks (the signals of libos/libc set it
 * when a program installs a handler): (fn) returns ig_fault_deliver()'s
 * answer. */
void ig_fault_set_deliver(int (*fn)(struct ig_fault *f));

/* Calls the crash hook, if one is set, with (f). */
void ig_fault_run_hook(const struct ig_fault *f);

#endif /* INGOT_PANIC_H */
