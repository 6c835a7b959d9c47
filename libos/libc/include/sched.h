/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sched.h: newlib's scheduling calls plus what Linux always declares. */
#ifndef INGOT_SCHED_H_WRAP
#define INGOT_SCHED_H_WRAP

#include_next <sched.h>

/* newlib declares these only under _POSIX_PRIORITY_SCHEDULING, which the
 * library OS does not claim (no sched_setscheduler yet); Linux always
 * does (libos/sched/pthread.c). */
#ifndef _POSIX_PRIORITY_SCHEDULING
int sched_get_priority_max(int policy);
int sched_get_priority_min(int policy);
#endif

#endif /* INGOT_SCHED_H_WRAP */
