/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mm.h: physical memory for the library OS: the heap break. */
#ifndef INGOT_MM_H
#define INGOT_MM_H

/*
 * ig_mm_init() runs once at boot, before anything allocates.  It takes the
 * largest region the platform reports as the heap; malloc grows and shrinks
 * into it through ig_mm_sbrk().
 */

#include <stddef.h>
#include <stdint.h>

/* Claims memory from ig_plat_mem_regions().  Returns 0, or -ENOMEM when the
 * platform reports no usable memory. */
int ig_mm_init(void);

/* Moves the heap break by (incr) bytes (negative shrinks).  Stores the old
 * break in (*old) and returns 0; returns -ENOMEM if the heap cannot grow
 * that far or -EINVAL if it would shrink below its start. */
int ig_mm_sbrk(intptr_t incr, void **old);

struct ig_mm_stats {
    size_t heap_size; /* bytes in the heap region */
    size_t heap_used; /* bytes below the break */
    size_t total_ram; /* bytes in all regions the platform reported */
};

/* Fills (st) with the current figures. */
void ig_mm_stats(struct ig_mm_stats *st);

/* Stores the heap's start and its current break in (*start) and (*brk):
 * [start, brk) is what malloc has. */
void ig_mm_heap_range(uintptr_t *start, uintptr_t *brk);

#endif /* INGOT_MM_H */
