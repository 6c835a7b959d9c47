/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sync_internal.h: what the synchronization files share. */
#ifndef INGOT_SYNC_INTERNAL_H
#define INGOT_SYNC_INTERNAL_H

#include <pthread.h>
#include <stdint.h>
#include <time.h>

#include "sched_internal.h"

/* A pthread mutex: the scheduler's mutex (its owner, waiters and
 * protocol) and the count and type pthreads add. */
struct ig_sync_mutex {
    struct ig_mutex core;
    unsigned count;
    int type;
};

/* sync.c: the mutex of handle (*m), made with default attributes if (*m)
 * is 0 or the static initializer; NULL without memory. */
struct ig_sync_mutex *ig_sync_mutex_of(pthread_mutex_t *m);

/* The monotonic deadline for the absolute time (abs) on (clock)
 * (CLOCK_REALTIME or CLOCK_MONOTONIC); a time in the past is now. */
uint64_t ig_sync_deadline(clockid_t clock, const struct timespec *abs);

/* sync.c: the table behind newlib's 32-bit object handles.  new stores
 * (obj) and returns its handle, 0 without memory; get returns the object
 * of (h) or NULL; free frees the object of (h) and its slot. */
uint32_t ig_sync_handle_new(void *obj);
void *ig_sync_handle_get(uint32_t h);
void ig_sync_handle_free(uint32_t h);

#endif /* INGOT_SYNC_INTERNAL_H */
