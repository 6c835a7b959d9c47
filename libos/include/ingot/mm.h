/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mm.h: the library OS's RAM: malloc's heap break and mapped pages. */
#ifndef INGOT_MM_H
#define INGOT_MM_H

/*
 * ig_mm_init() runs once at boot, before anything allocates.  It puts every
 * region the platform reports under one page map: the heap starts at the
 * bottom of the largest region and malloc grows and shrinks it through
 * ig_mm_sbrk(); ig_mm_map() takes runs of pages from the top of the free
 * space down (mmap), ig_mm_unmap() gives them back, to mappings and to the
 * heap alike.  Addresses and lengths below are page-aligned, lengths page
 * multiples; nothing here zeroes memory.  Single CPU, cooperative threads:
 * no call blocks, none takes a lock.
 */

#include <stddef.h>
#include <stdint.h>

/* Claims memory from ig_plat_mem_regions().  Returns 0, or -ENOMEM when the
 * platform reports no usable memory. */
int ig_mm_init(void);

/* Moves the heap break by (incr) bytes (negative shrinks).  Stores the old
 * break in (*old) and returns 0; returns -ENOMEM if the heap cannot grow
 * that far (the pages above are RAM's end or mapped) or -EINVAL if it
 * would shrink below its start. */
int ig_mm_sbrk(intptr_t incr, void **old);

/* Takes (len) bytes (> 0) of free pages, the highest run that fits, and
 * stores their address in (*out).  Returns 0 or -ENOMEM. */
int ig_mm_map(size_t len, uintptr_t *out);

/* Takes exactly [base, base + len).  Returns 0, or -ENOMEM when a page of
 * it is not free RAM. */
int ig_mm_map_at(uintptr_t base, size_t len);

/* Gives [base, base + len), taken by ig_mm_map() or ig_mm_map_at(), back;
 * pages ig_mm_protect() changed become read/write again first. */
void ig_mm_unmap(uintptr_t base, size_t len);

/* Gives [base, base + len), pages of the heap or of ig_mm_map(), the
 * protection (prot) (PROT_READ, PROT_WRITE, PROT_EXEC bits; 0 for none)
 * through ig_plat_mem_protect().  Returns 0 or its error (-EACCES,
 * -ENOMEM). */
int ig_mm_protect(uintptr_t base, size_t len, int prot);

/* Whether every byte of [base, base + len) (any alignment) is RAM the
 * heap or a mapping has and that is read/write: safe to write from a
 * fault path. */
int ig_mm_usable(uintptr_t base, size_t len);

/* Whether [base, base + len) lies inside the heap's pages. */
int ig_mm_heap_contains(uintptr_t base, size_t len);

struct ig_mm_stats {
    size_t total_ram; /* bytes in all regions the platform reported */
    size_t free_ram;  /* bytes neither heap nor mapped nor the page map */
    size_t max_used;  /* the most bytes ever in use */
    size_t heap_used; /* bytes below the break */
};

/* Fills (st) with the current figures. */
void ig_mm_stats(struct ig_mm_stats *st);

/* Stores the heap's start and its current break in (*start) and (*brk):
 * [start, brk) is what malloc has. */
void ig_mm_heap_range(uintptr_t *start, uintptr_t *brk);

#endif /* INGOT_MM_H */
