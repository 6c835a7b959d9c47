/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* signal.h: generating and delivering POSIX signals inside the library OS. */
#ifndef INGOT_SIGNAL_H
#define INGOT_SIGNAL_H

/*
 * libos/libc keeps the one process's dispositions, the pending set and each
 * thread's mask.  A signal is generated with ig_signal_post() (a timer, the
 * host, a write to a broken pipe) and becomes pending; it runs only when a
 * thread calls ig_signal_deliver() at a safe point: the return of a libc
 * call (see docs/platforms.md, "Signals").  Nothing here is safe from an
 * interrupt or host signal handler: those record the signal and let the
 * platform report it (ig_plat_signal_take()).
 */

#include <signal.h>
#include <stdint.h>

/* Makes (sig) pending for the process, with (code) and (*value) (none when
 * NULL) as the si_code and si_value SA_SIGINFO handlers see (SI_KERNEL for the
 * library OS's own signals), and wakes threads waiting for signals.  Ignored
 * signals are dropped. Returns 0 or -EINVAL for a number outside 1..NSIG-1. */
int ig_signal_post(int sig, int code, const union sigval *value);

/* Makes (info->si_signo) pending with all of (*info) as its SA_SIGINFO
 * handler will see it (timers: si_timerid, si_overrun); otherwise as
 * ig_signal_post(). */
int ig_signal_post_info(const siginfo_t *info);

/* Nonzero when (sig) is pending for the process (blocked or not). */
int ig_signal_is_pending(int sig);

/* Runs, in the calling thread, the action of every pending signal it does
 * not block.  Returns 0 when no handler ran, 1 when handlers ran that all
 * had SA_RESTART, 2 when one ran without it (an interrupted blocking call
 * then fails with EINTR).  A default action that ends the image does not
 * return. */
int ig_signal_deliver(void);

/* Installs the scheduler hook that takes host signals (plat.h
 * ig_plat_signal_take()) and posts them; once, at boot. */
void ig_signal_init(void);

/* Sleeps until the monotonic clock reaches (deadline) or a signal runs a
 * handler in this thread.  Returns 0 at the deadline or -EINTR. */
int ig_signal_sleep_until(uint64_t deadline);

/* Nonzero when a signal is pending that the calling thread does not block. */
int ig_signal_unblocked_pending(void);

/* Linux's name of (sig), "SIGTERM"; "SIGRT" for real-time signals, "?"
 * for numbers that are not signals. */
const char *ig_signal_name(int sig);

/* Ends the image as (sig)'s default action does: a line naming the signal
 * on standard error, then exit status 128 + sig. */
_Noreturn void ig_signal_die(int sig);

#endif /* INGOT_SIGNAL_H */
