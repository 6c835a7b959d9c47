/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* host_plat.h: what the scheduler's host tests share (host_plat.c). */
#ifndef INGOT_SCHED_HOST_PLAT_H
#define INGOT_SCHED_HOST_PLAT_H

#include <stdint.h>

/*
 * sched.c and switch.S run as they are on a host thread: the platform is
 * a virtual clock (now_ns) that ig_plat_idle() moves to the deadline
 * (counting the calls in idles), and a pool of stacks from mmap whose
 * guard pages the scheduler places on a slot's first use (counted in
 * guards).
 * TLS blocks are left out (setting the FS base would pull the C
 * library's own TLS from under it).  No thread is ever cancelled.
 */
#define SLOTS 4 /* stack pool slots */
#define SLOT_BYTES (64 * 1024)

extern uint64_t now_ns;
extern unsigned idles;
extern unsigned guards; /* guard pages placed, one per slot ever used */
extern uintptr_t stack_lo, stack_hi; /* what the scheduler said is current */

/* The tests' record of events: note() appends to trace. */
extern char trace[512];
void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* INGOT_SCHED_HOST_PLAT_H */
