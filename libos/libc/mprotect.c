/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mprotect.c: mprotect, madvise, msync and mlock over the mappings. */
#include <ingot/mm.h>
#include <ingot/vfs.h>

#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#include <ingot/posix.h>

#include "mman_internal.h"

#define PAGE IG_MMAN_PAGE
#define RW (PROT_READ | PROT_WRITE)

/* The page-rounded end of [a, a + len): 0 when it overflows. */
static uintptr_t end_of(uintptr_t a, size_t len)
{
    size_t n = (len + PAGE - 1) & ~(PAGE - 1);

    if (n < len || a + n < a)
        return 0;
    return a + n;
}

/*
 * Pages of a MAP_SHARED file mapping are its segment's, which every
 * mapping of that range of the file shares: their protection is kept
 * for mremap() and madvise() but not given to the pages.  Everything else
 * (anonymous and private mappings, the heap) gets it for real.
 */
static int protect(uintptr_t a, uintptr_t end, int prot)
{
    int r;

    if ((r = ig_mman_split(a)) < 0 || (r = ig_mman_split(end)) < 0)
        return r;
    while (a < end) {
        struct ig_mman_map *m = ig_mman_find(a);
        uintptr_t e = m && m->end < end ? m->end : end;
        if (!m) { /* the heap's */
            for (struct ig_mman_map *n = ig_mman_maps; n; n = n->next)
                if (n->start > a && n->start < e)
                    e = n->start;
        }
        if ((!m || !m->blk) && (r = ig_mm_protect(a, e - a, prot)) < 0)
            return r;
        if (m)
            m->prot = prot;
        a = e;
    }
    return 0;
}

int mprotect(void *addr, size_t len, int prot)
{
    uintptr_t a = (uintptr_t)addr, end = end_of(a, len);

    if ((a & (PAGE - 1)) ||
        (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM)))
        return (int)ig_posix_ret(-EINVAL);
    if (len == 0)
        return 0;
    if (end == 0 || !ig_mman_mapped(a, end))
        return (int)ig_posix_ret(-ENOMEM);
    int r = protect(a, end, prot & 7);
    for (uintptr_t at = a; r == 0 && at < end;) {
        struct ig_mman_map *m = ig_mman_find(at);
        if (!m) {
            at += PAGE;
            continue;
        }
        ig_mman_merge(m);
        at = m->end;
    }
    return (int)ig_posix_ret(r);
}

/* Zero-fills [s, e) of anonymous memory whose protection is (prot). */
static void zero(uintptr_t s, uintptr_t e, int prot)
{
    if (!(prot & PROT_WRITE) && ig_mm_protect(s, e - s, RW) < 0)
        return;
    memset((void *)s, 0, e - s);
    if (!(prot & PROT_WRITE))
        ig_mm_protect(s, e - s, prot);
}

/* MADV_DONTNEED and MADV_FREE on anonymous memory (the heap's too) must
 * read back as zeros afterwards, as on Linux; the rest are hints.
 * Returns 0 or a negative errno. */
static int advise(void *addr, size_t len, int advice)
{
    uintptr_t a = (uintptr_t)addr, end = end_of(a, len);

    if ((a & (PAGE - 1)) || advice < MADV_NORMAL || advice > MADV_DODUMP ||
        (advice > MADV_DONTNEED && advice < MADV_FREE) || (len && end == 0))
        return -EINVAL;
    if (len == 0)
        return 0;
    if (!ig_mman_mapped(a, end))
        return -ENOMEM;
    if (advice != MADV_DONTNEED && advice != MADV_FREE)
        return 0;
    while (a < end) {
        struct ig_mman_map *m = ig_mman_find(a);
        uintptr_t e = m && m->end < end ? m->end : end;
        if (!m) {
            for (struct ig_mman_map *n = ig_mman_maps; n; n = n->next)
                if (n->start > a && n->start < e)
                    e = n->start;
            if (!ig_mm_heap_contains(a, e - a))
                return -ENOMEM;
            memset((void *)a, 0, e - a);
        } else if (m->anon && !m->blk) {
            zero(a, e, m->prot);
        }
        a = e;
    }
    return 0;
}

int madvise(void *addr, size_t len, int advice)
{
    return (int)ig_posix_ret(advise(addr, len, advice));
}

/* POSIX_MADV_DONTNEED is only a hint, unlike MADV_DONTNEED; the error
 * comes back as the result, errno untouched. */
int posix_madvise(void *addr, size_t len, int advice)
{
    return -advise(addr, len,
                   advice == POSIX_MADV_DONTNEED ? MADV_NORMAL : advice);
}

int msync(void *addr, size_t len, int flags)
{
    uintptr_t a = (uintptr_t)addr, end = end_of(a, len);

    if ((a & (PAGE - 1)) || (flags & ~(MS_ASYNC | MS_SYNC | MS_INVALIDATE)) ||
        ((flags & MS_ASYNC) && (flags & MS_SYNC)))
        return (int)ig_posix_ret(-EINVAL);
    if (len == 0)
        return 0;
    if (end == 0 || !ig_mman_mapped(a, end))
        return (int)ig_posix_ret(-ENOMEM);
    /* MS_ASYNC writes back at once too: nothing runs in the background. */
    int r = 0;
    for (struct ig_mman_map *m = ig_mman_maps; r == 0 && m; m = m->next) {
        uintptr_t s = m->start > a ? m->start : a;
        uintptr_t e = m->end < end ? m->end : end;
        if (s < e && m->blk)
            r = ig_vfs_seg_sync(m->blk->seg, (void *)s, e - s);
    }
    return (int)ig_posix_ret(r);
}

/* newlib has memalign() only. */
int posix_memalign(void **out, size_t align, size_t size)
{
    if (align < sizeof(void *) || (align & (align - 1)))
        return EINVAL;
    void *p = memalign(align, size ? size : 1);
    if (!p)
        return ENOMEM;
    *out = p;
    return 0;
}

/* Memory is never paged out.  Any address is accepted: the image's data
 * and stacks are mapped too, which the mappings do not record. */
int mlock(const void *addr, size_t len)
{
    (void)addr;
    (void)len;
    return 0;
}

int munlock(const void *addr, size_t len)
{
    (void)addr;
    (void)len;
    return 0;
}

int mlockall(int flags)
{
    if (!flags || (flags & ~(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)))
        return (int)ig_posix_ret(-EINVAL);
    return 0;
}

int munlockall(void)
{
    return 0;
}

/* Nothing is paged out: every page of a mapping (or of the heap) is
 * resident.  EINVAL for an address that is not page-aligned, ENOMEM for
 * a range that is not all mapped, as Linux; the image's data and stacks
 * are not recorded as mappings and answer ENOMEM (gnulib's stackvma
 * then finds the stack by other means). */
int mincore(void *addr, size_t len, unsigned char *vec)
{
    uintptr_t a = (uintptr_t)addr, end = end_of(a, len);

    if (a & (PAGE - 1))
        return (int)ig_posix_ret(-EINVAL);
    if (len == 0)
        return 0;
    if (end == 0 || !ig_mman_mapped(a, end))
        return (int)ig_posix_ret(-ENOMEM);
    memset(vec, 1, (end - a) / PAGE);
    return 0;
}
