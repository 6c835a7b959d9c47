/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mman_internal.h: the mappings mman.c keeps, for mprotect.c. */
#ifndef INGOT_MMAN_INTERNAL_H
#define INGOT_MMAN_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#define IG_MMAN_PAGE 4096ul

struct ig_vfs_seg;

/* One allocation of a MAP_SHARED file mapping: its file's segment,
 * shared by the pieces a partial munmap() or mprotect() left. */
struct ig_mman_block {
    void *base;
    int pieces;
    struct ig_vfs_seg *seg;
};

/* A mapping: [start, end) with one protection.  Anonymous and MAP_PRIVATE
 * file mappings own their pages (ig_mm_map()), page by page; MAP_SHARED
 * file mappings use their segment's memory (blk). */
struct ig_mman_map {
    uintptr_t start, end;
    int prot;
    int anon;
    struct ig_mman_block *blk; /* NULL: the pages are the mapping's */
    struct ig_mman_map *next;
};

/* Newest first; a shared file's range may be in several mappings. */
extern struct ig_mman_map *ig_mman_maps;

/* The mapping holding (a), the newest if several do, or NULL. */
struct ig_mman_map *ig_mman_find(uintptr_t a);

/* Splits the mapping holding (a) strictly inside into two at (a).
 * Returns 0 or -ENOMEM. */
int ig_mman_split(uintptr_t a);

/* Checks that (addr) is page-aligned and (len) is neither 0 nor so large
 * that rounding it up to pages overflows, and stores the page-rounded end
 * in (*end).  Returns 0, -EINVAL for a misaligned (addr) or 0 (len),
 * -ENOMEM for an overflowing one (Linux's order). */
int ig_mman_range(const void *addr, size_t len, uintptr_t *end);

/* Joins the owned mappings touching (m) with its protection into (m). */
void ig_mman_merge(struct ig_mman_map *m);

/* Whether every page of [start, end) is mapped or the heap's. */
int ig_mman_mapped(uintptr_t start, uintptr_t end);

#endif /* INGOT_MMAN_INTERNAL_H */
