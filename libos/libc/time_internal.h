/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* time_internal.h: what time.c shares with timer.c and limits.c. */
#ifndef INGOT_TIME_INTERNAL_H
#define INGOT_TIME_INTERNAL_H

#include <stdint.h>

/* The monotonic clock's reading when the image started: its CPU-time
 * clocks (clock(), times(), getrusage(), CLOCK_PROCESS_CPUTIME_ID and
 * CLOCK_THREAD_CPUTIME_ID) count from there, as a Linux process's count
 * from its start, while the monotonic clock itself starts at or before
 * boot (pico: the host's, which counts from the host's boot). */
uint64_t ig_libc_cpu_epoch(void);

/* The image's CPU time in nanoseconds: the monotonic clock since the
 * epoch above (the image owns its CPU from boot). */
uint64_t ig_libc_cpu_ns(void);

#endif /* INGOT_TIME_INTERNAL_H */
