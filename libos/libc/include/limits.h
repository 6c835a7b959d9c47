/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* limits.h: newlib's limits plus the Linux values programs test for. */
#ifndef INGOT_LIMITS_H
#define INGOT_LIMITS_H

#include_next <limits.h>

#ifndef PTHREAD_STACK_MIN
#define PTHREAD_STACK_MIN 16384 /* IG_SCHED_STACK_MIN */
#endif

#endif /* INGOT_LIMITS_H */
