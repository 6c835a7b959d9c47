/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mman.c: mmap, munmap and mremap over the library OS's page map. */
#include <ingot/mm.h>
#include <ingot/vfs.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ingot/posix.h>

#include "mman_internal.h"

/*
 * One address space, every page present (docs/porting.md, "Memory
 * mappings"):
 *  - anonymous mappings (private or shared: there is no other process to
 *    share with) are zero-filled pages from the page map (libos/mm), which
 *    malloc's heap shares; munmap() gives any part back at once;
 *  - MAP_PRIVATE file mappings are such pages with the file copied in;
 *  - MAP_SHARED file mappings share one segment of memory per range of
 *    the file, which read() and write() of the file go through and which
 *    is written back on msync(), on the last munmap() and at exit
 *    (libos/vfs/shmap.c).
 * Protections other than read/write go to the platform (ig_mm_protect()).
 */
#define PAGE IG_MMAN_PAGE
#define RW (PROT_READ | PROT_WRITE)
#define TASK_TOP 0x7ffffffff000ul /* Linux's x86-64 user address limit */

struct ig_mman_map *ig_mman_maps;

static size_t round_up(size_t n)
{
    return (n + PAGE - 1) & ~(PAGE - 1);
}

struct ig_mman_map *ig_mman_find(uintptr_t a)
{
    struct ig_mman_map *m = ig_mman_maps;

    while (m && !(m->start <= a && a < m->end))
        m = m->next;
    return m;
}

int ig_mman_split(uintptr_t a)
{
    struct ig_mman_map *m = ig_mman_find(a), *tail;

    if (!m || m->start == a)
        return 0;
    if (!(tail = malloc(sizeof(*tail))))
        return -ENOMEM;
    *tail = *m;
    tail->start = a;
    m->end = a;
    m->next = tail;
    if (m->blk)
        m->blk->pieces++;
    return 0;
}

/* Owned neighbours with the same protection become one, as Linux merges
 * its areas: a later mremap() may span what two calls made. */
void ig_mman_merge(struct ig_mman_map *m)
{
    if (m->blk)
        return;
    for (struct ig_mman_map **pp = &ig_mman_maps; *pp;) {
        struct ig_mman_map *n = *pp;
        if (n != m && !n->blk && n->prot == m->prot && n->anon == m->anon &&
            (n->start == m->end || n->end == m->start)) {
            m->start = n->start < m->start ? n->start : m->start;
            m->end = n->end > m->end ? n->end : m->end;
            *pp = n->next;
            free(n);
            continue;
        }
        pp = &n->next;
    }
}

int ig_mman_mapped(uintptr_t start, uintptr_t end)
{
    uintptr_t hs, brk;

    ig_mm_heap_range(&hs, &brk);
    while (start < end) {
        struct ig_mman_map *m = ig_mman_find(start);
        if (m)
            start = m->end;
        else if (start >= hs && start < round_up(brk))
            start = round_up(brk);
        else
            return 0;
    }
    return 1;
}

static void drop_piece(struct ig_mman_block *b)
{
    if (--b->pieces == 0) {
        ig_vfs_seg_put(b->seg);
        free(b);
    }
}

/* Reads (len) bytes of (fd) at (off) into (p); the rest stays zero. */
static int fill_from_file(int fd, void *p, size_t len, off_t off)
{
    struct stat st;

    int r = ig_vfs_fstat(fd, &st);
    if (r < 0)
        return r;
    if (!S_ISREG(st.st_mode))
        return -ENODEV;
    for (size_t done = 0; done < len;) {
        ssize_t n =
            ig_vfs_pread(fd, (char *)p + done, len - done, off + (off_t)done);
        if (n < 0)
            return n == -EBADF ? -EACCES : (int)n;
        if (n == 0)
            break;
        done += (size_t)n;
    }
    return 0;
}

/* Removes [start, end) from every mapping, splitting where needed; pages
 * a mapping owned go back to the page map.  The mappings of one range of
 * a file share their segment's address, so an address there may be in
 * several of them: the newest one goes. */
static int unmap_range(uintptr_t start, uintptr_t end)
{
    struct ig_vfs_seg *done[16];
    int ndone = 0;

    if (ig_mman_split(start) < 0 || ig_mman_split(end) < 0)
        return -ENOMEM;
    for (struct ig_mman_map **pp = &ig_mman_maps; *pp;) {
        struct ig_mman_map *m = *pp;
        int seen = 0;
        for (int i = 0; i < ndone && m->blk; i++)
            seen |= done[i] == m->blk->seg;
        if (m->end <= start || m->start >= end || seen) {
            pp = &m->next;
            continue;
        }
        if (m->blk && ndone < 16)
            done[ndone++] = m->blk->seg;
        *pp = m->next;
        if (m->blk) {
            if (m->prot != RW)
                ig_mm_protect(m->start, m->end - m->start, RW);
            drop_piece(m->blk);
        } else {
            ig_mm_unmap(m->start, m->end - m->start);
        }
        free(m);
    }
    return 0;
}

static int overlaps(uintptr_t start, uintptr_t end)
{
    uintptr_t hs, brk;

    ig_mm_heap_range(&hs, &brk);
    if (start < round_up(brk) && end > hs)
        return 1;
    for (struct ig_mman_map *m = ig_mman_maps; m; m = m->next)
        if (m->start < end && m->end > start)
            return 1;
    return 0;
}

/* Pages for a new mapping of (size) bytes: at (addr) exactly for
 * MAP_FIXED (what was mapped there goes), at (addr) if free as a hint,
 * else wherever the page map has room. */
static int place(uintptr_t addr, size_t size, int fixed, uintptr_t *out)
{
    if (fixed) {
        int r = unmap_range(addr, addr + size);
        if (r == 0)
            r = ig_mm_map_at(addr, size);
        *out = addr;
        return r;
    }
    if (addr && !(addr & (PAGE - 1)) && addr <= TASK_TOP - size &&
        ig_mm_map_at(addr, size) == 0) {
        *out = addr;
        return 0;
    }
    return ig_mm_map(size, out);
}

static struct ig_mman_map *add_map(uintptr_t p, size_t size, int prot, int anon,
                                   struct ig_mman_block *blk)
{
    struct ig_mman_map *m = malloc(sizeof(*m));

    if (m) {
        *m = (struct ig_mman_map){p, p + size, prot, anon, blk, ig_mman_maps};
        ig_mman_maps = m;
        ig_mman_merge(m);
    }
    return m;
}

/* A MAP_SHARED file mapping: the file's segment, wherever it is. */
static long map_shared_file(size_t size, int prot, int fd, off_t off)
{
    struct ig_mman_block *b = malloc(sizeof(*b));
    struct ig_vfs_seg *seg;
    void *p;
    int r =
        b ? ig_vfs_seg_get(fd, off, size, (prot & PROT_WRITE) != 0, &seg, &p)
          : -ENOMEM;

    if (r < 0 || !add_map((uintptr_t)p, size, prot, 0, b)) {
        if (r == 0)
            ig_vfs_seg_put(seg);
        free(b);
        return r < 0 ? r : -ENOMEM;
    }
    *b = (struct ig_mman_block){p, 1, seg};
    return (long)(uintptr_t)p;
}

/* The checks in the order Linux makes them, so the errno agrees. */
static long do_mmap(uintptr_t addr, size_t len, int prot, int flags, int fd,
                    off_t off)
{
    int type = flags & MAP_TYPE, anon = (flags & MAP_ANONYMOUS) != 0;
    int fixed = (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) != 0;
    struct ig_file *f = NULL;
    uintptr_t p;

    if (off & (off_t)(PAGE - 1))
        return -EINVAL;
    if (!anon && !(f = ig_fd_get(fd)))
        return -EBADF;
    if (len == 0)
        return -EINVAL;
    size_t size = round_up(len);
    if (size == 0 || size > TASK_TOP)
        return -ENOMEM;
    if (!anon && (uint64_t)off + size < (uint64_t)off)
        return -EOVERFLOW;
    if (fixed && (addr & (PAGE - 1)))
        return -EINVAL;
    if (fixed && addr > TASK_TOP - size)
        return -ENOMEM;
    if ((flags & MAP_FIXED_NOREPLACE) && !(flags & MAP_FIXED) &&
        overlaps(addr, addr + size))
        return -EEXIST;
    if (anon && type != MAP_PRIVATE && type != MAP_SHARED)
        return -EINVAL;
    if (!anon) {
        int acc = f->flags & O_ACCMODE;
        if (type == MAP_SHARED_VALIDATE && (flags & ~0x7ffff))
            return -EOPNOTSUPP;
        if (type != MAP_PRIVATE && type != MAP_SHARED &&
            type != MAP_SHARED_VALIDATE)
            return -EINVAL;
        if (type != MAP_PRIVATE && (prot & PROT_WRITE) && acc != O_RDWR)
            return -EACCES;
        if (acc == O_WRONLY)
            return -EACCES;
        if (type != MAP_PRIVATE) {
            if (fixed)
                return -ENOMEM; /* the segment's address is the segment's */
            return map_shared_file(size, prot, fd, off);
        }
    }
    int r = place(addr, size, fixed, &p);
    if (r < 0)
        return r;
    memset((void *)p, 0, size);
    if (!anon)
        r = fill_from_file(fd, (void *)p, len, off);
    if (r == 0 && (prot & 7) != RW)
        r = ig_mm_protect(p, size, prot & 7);
    if (r == 0 && !add_map(p, size, prot & 7, anon, NULL))
        r = -ENOMEM;
    if (r < 0) {
        ig_mm_unmap(p, size);
        return r;
    }
    return (long)p;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
    long r = do_mmap((uintptr_t)addr, len, prot, flags, fd, off);

    if (r < 0 && r > -4096 && ig_posix_failed(r))
        return MAP_FAILED;
    return (void *)(uintptr_t)r;
}

int munmap(void *addr, size_t len)
{
    uintptr_t a = (uintptr_t)addr;

    if ((a & (PAGE - 1)) || len == 0 || a > TASK_TOP || len > TASK_TOP - a)
        return (int)ig_posix_ret(-EINVAL);
    return (int)ig_posix_ret(unmap_range(a, a + round_up(len)));
}

/* Moves [a, a + old_len) of mapping (m) to new pages of (new_len) bytes,
 * at (to) for MREMAP_FIXED, else anywhere; the old range is unmapped, or
 * with MREMAP_DONTUNMAP stays mapped and reads as zeros again. */
static long move_map(struct ig_mman_map *m, uintptr_t a, size_t old_len,
                     size_t new_len, int flags, uintptr_t to)
{
    int prot = m->prot, anon = m->anon;
    uintptr_t p;
    int r;

    if ((flags & MREMAP_FIXED) &&
        ((to & (PAGE - 1)) || to > TASK_TOP - new_len ||
         (to < a + old_len && a < to + new_len)))
        return -EINVAL;
    if (prot != RW && (r = ig_mm_protect(a, old_len, RW)) < 0)
        return r;
    r = place(to, new_len, (flags & MREMAP_FIXED) != 0, &p);
    if (r == 0) {
        size_t keep = old_len < new_len ? old_len : new_len;
        memcpy((void *)p, (void *)a, keep);
        memset((char *)p + keep, 0, new_len - keep);
        if (prot != RW)
            r = ig_mm_protect(p, new_len, prot);
        if (r == 0 && !add_map(p, new_len, prot, anon, NULL))
            r = -ENOMEM;
        if (r < 0)
            ig_mm_unmap(p, new_len);
    }
    if (r == 0 && (flags & MREMAP_DONTUNMAP))
        memset((void *)a, 0, old_len);
    if (prot != RW)
        ig_mm_protect(a, old_len, prot);
    if (r < 0)
        return r;
    if (!(flags & MREMAP_DONTUNMAP))
        unmap_range(a, a + old_len);
    return (long)p;
}

static long do_mremap(uintptr_t a, size_t old_len, size_t new_len, int flags,
                      uintptr_t to)
{
    if ((flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP)) ||
        ((flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) &&
         !(flags & MREMAP_MAYMOVE)) ||
        ((flags & MREMAP_DONTUNMAP) && old_len != new_len) || (a & (PAGE - 1)))
        return -EINVAL;
    old_len = round_up(old_len);
    new_len = round_up(new_len);
    if (new_len == 0)
        return -EINVAL;
    struct ig_mman_map *m = ig_mman_find(a);
    if (old_len == 0 && (!m || !m->blk))
        return -EINVAL; /* Linux duplicates shared mappings only */
    /* Shrinking is only unmapping the tail, mapped or not. */
    if (!(flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) && old_len >= new_len) {
        int r = unmap_range(a + new_len, a + old_len);
        return r < 0 ? r : (long)a;
    }
    if (!m || old_len > m->end - a)
        return -EFAULT;
    if (m->blk) {
        /* A shared file mapping moves with its segment, which only works
         * while no other mapping shares that. */
        void *p;
        if (m->start != a || (uintptr_t)m->blk->base != a ||
            m->blk->pieces != 1 || !(flags & MREMAP_MAYMOVE) ||
            (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)))
            return -ENOMEM;
        int r = ig_vfs_seg_resize(m->blk->seg, new_len, &p);
        if (r < 0)
            return r;
        m->blk->base = p;
        m->start = (uintptr_t)p;
        m->end = m->start + new_len;
        return (long)(uintptr_t)p;
    }
    if (!(flags & MREMAP_FIXED) && old_len == new_len &&
        !(flags & MREMAP_DONTUNMAP))
        return (long)a;
    /* Growing in place: the pages above must be free. */
    if (!(flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) && m->end == a + old_len &&
        new_len - old_len <= TASK_TOP - m->end &&
        ig_mm_map_at(m->end, new_len - old_len) == 0) {
        memset((void *)m->end, 0, new_len - old_len);
        if (m->prot != RW &&
            ig_mm_protect(m->end, new_len - old_len, m->prot) < 0) {
            ig_mm_unmap(m->end, new_len - old_len);
            return -ENOMEM;
        }
        m->end = a + new_len;
        ig_mman_merge(m);
        return (long)a;
    }
    if (!(flags & MREMAP_MAYMOVE))
        return -ENOMEM;
    return move_map(m, a, old_len, new_len, flags, to);
}

void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...)
{
    uintptr_t to = 0;
    va_list ap;

    if (flags & MREMAP_FIXED) {
        va_start(ap, flags);
        to = (uintptr_t)va_arg(ap, void *);
        va_end(ap);
    }
    long r = do_mremap((uintptr_t)old, old_len, new_len, flags, to);
    if (r < 0 && r > -4096 && ig_posix_failed(r))
        return MAP_FAILED;
    return (void *)(uintptr_t)r;
}
