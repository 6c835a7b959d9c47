/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* signal_internal.h: what signal.c shares with sigfault.c. */
#ifndef INGOT_SIGNAL_INTERNAL_H
#define INGOT_SIGNAL_INTERNAL_H

#include <signal.h>
#include <stdint.h>

struct ig_fault;

/* signal.c: the disposition of (sig) (1 .. NSIG - 1), and the running
 * thread's blocked set and alternate stack. */
struct sigaction *ig_signal_action(int sig);
uint64_t *ig_signal_thread_mask(void);
const stack_t *ig_signal_thread_altstack(void);

/* sigfault.c: ig_fault_deliver()'s answer once a program has handlers
 * (plat.h): builds the handler's frame on the faulting thread's stack, or
 * its alternate stack, and points (f) at the trampoline that runs it. */
int ig_signal_fault(struct ig_fault *f);

#endif /* INGOT_SIGNAL_INTERNAL_H */
