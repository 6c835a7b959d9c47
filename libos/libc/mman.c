/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mman.c: mmap and friends in one address space without paging. */
#include <ingot/vfs.h>

#include <errno.h>
#include <malloc.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ingot/posix.h>

/*
 * The library OS has one address space with every page present, so a
 * mapping is page-aligned memory from the allocator:
 *  - anonymous mappings (private or shared: there is no other process to
 *    share with) are zero-filled;
 *  - MAP_PRIVATE file mappings are copied in at mmap time;
 *  - MAP_SHARED file mappings share one segment of memory per range of
 *    the file, which read() and write() of the file go through and which
 *    is written back on msync(), on the last munmap() and at exit
 *    (libos/vfs/shmap.c);
 *  - protections are checked but not enforced, and nothing is ever paged
 *    out, so mlock() and friends have nothing to do.
 * munmap() of part of a mapping forgets that part; the memory behind a
 * mapping returns to the allocator when all of it is unmapped.
 */
#define PAGE 4096ul

struct block { /* one allocation, shared by the pieces of a split mapping */
    void *base;
    int pieces;
    struct ig_vfs_seg *seg; /* MAP_SHARED of a file: the file's segment */
};

struct map {
    uintptr_t start, end;
    int anon;
    struct block *blk;
    struct map *next;
};

static struct map *maps;

static size_t round_up(size_t n)
{
    return (n + PAGE - 1) & ~(PAGE - 1);
}

static void drop_piece(struct block *b)
{
    if (--b->pieces == 0) {
        if (b->seg)
            ig_vfs_seg_put(b->seg);
        else
            free(b->base);
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

static long do_mmap(void *addr, size_t len, int prot, int flags, int fd,
                    off_t off)
{
    int type = flags & MAP_TYPE;
    int anon = (flags & MAP_ANONYMOUS) != 0;

    if (len == 0 || len > SIZE_MAX - PAGE || (off & (off_t)(PAGE - 1)) ||
        off < 0)
        return -EINVAL;
    if (type != MAP_PRIVATE && type != MAP_SHARED &&
        type != MAP_SHARED_VALIDATE)
        return -EINVAL;
    if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
        return -EINVAL;
    if (flags & MAP_FIXED)
        return (uintptr_t)addr & (PAGE - 1) ? -EINVAL : -ENOMEM;
    if (!anon) {
        struct ig_file *f = ig_fd_get(fd);
        if (!f)
            return -EBADF;
        if ((f->flags & O_ACCMODE) == O_WRONLY)
            return -EACCES;
        if (type != MAP_PRIVATE && (prot & PROT_WRITE) &&
            (f->flags & O_ACCMODE) != O_RDWR)
            return -EACCES;
    }
    size_t size = round_up(len);
    struct map *m = malloc(sizeof(*m));
    struct block *b = malloc(sizeof(*b));
    struct ig_vfs_seg *seg = NULL;
    void *p = NULL;
    int r = -ENOMEM;
    if (m && b && !anon && type != MAP_PRIVATE) {
        r = ig_vfs_seg_get(fd, off, size, (prot & PROT_WRITE) != 0, &seg, &p);
    } else if (m && b && (p = memalign(PAGE, size))) {
        memset(p, 0, size);
        r = anon ? 0 : fill_from_file(fd, p, len, off);
        if (r < 0)
            free(p);
    }
    if (r < 0) {
        free(m);
        free(b);
        return r;
    }
    *b = (struct block){p, 1, seg};
    *m = (struct map){(uintptr_t)p, (uintptr_t)p + size, anon, b, maps};
    maps = m;
    return (long)(uintptr_t)p;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
    long r = do_mmap(addr, len, prot, flags, fd, off);

    if (r < 0 && r > -4096 && ig_posix_failed(r))
        return MAP_FAILED;
    return (void *)(uintptr_t)r;
}

/* Removes [start, end) from every mapping, splitting where needed.  The
 * mappings of one range of a file share their segment's address, so an
 * address there may be in several of them: the newest one goes. */
static int unmap_range(uintptr_t start, uintptr_t end)
{
    struct ig_vfs_seg *done[16];
    int ndone = 0;

    for (struct map **pp = &maps; *pp;) {
        struct map *m = *pp;
        int seen = 0;
        for (int i = 0; i < ndone && m->blk->seg; i++)
            seen |= done[i] == m->blk->seg;
        if (m->end <= start || m->start >= end || seen) {
            pp = &m->next;
            continue;
        }
        if (m->blk->seg && ndone < 16)
            done[ndone++] = m->blk->seg;
        if (m->start < start && m->end > end) { /* a hole in the middle */
            struct map *tail = malloc(sizeof(*tail));
            if (!tail)
                return -ENOMEM;
            *tail = *m;
            tail->start = end;
            m->end = start;
            m->blk->pieces++;
            m->next = tail;
            return 0;
        }
        if (m->start < start) {
            m->end = start;
        } else if (m->end > end) {
            m->start = end;
        } else {
            *pp = m->next;
            drop_piece(m->blk);
            free(m);
            continue;
        }
        pp = &m->next;
    }
    return 0;
}

static int check_range(const void *addr, size_t len, uintptr_t *end)
{
    uintptr_t a = (uintptr_t)addr;

    if ((a & (PAGE - 1)) || len == 0 || len > SIZE_MAX - PAGE ||
        a > UINTPTR_MAX - round_up(len))
        return -EINVAL;
    *end = a + round_up(len);
    return 0;
}

/* Whether all of [start, end) is mapped. */
static int mapped(uintptr_t start, uintptr_t end)
{
    while (start < end) {
        struct map *m = maps;
        while (m && !(m->start <= start && start < m->end))
            m = m->next;
        if (!m)
            return 0;
        start = m->end;
    }
    return 1;
}

int munmap(void *addr, size_t len)
{
    uintptr_t end;
    int r = check_range(addr, len, &end);

    if (r == 0)
        r = unmap_range((uintptr_t)addr, end);
    return (int)ig_posix_ret(r);
}

void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...)
{
    uintptr_t a = (uintptr_t)old, end;
    long r = 0;

    if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED) || (flags & MREMAP_FIXED) ||
        check_range(old, old_len ? old_len : PAGE, &end) < 0 || new_len == 0 ||
        new_len > SIZE_MAX - PAGE) {
        ig_posix_failed(-EINVAL);
        return MAP_FAILED;
    }
    old_len = round_up(old_len);
    new_len = round_up(new_len);
    if (!mapped(a, a + old_len)) {
        ig_posix_failed(-EFAULT);
        return MAP_FAILED;
    }
    if (new_len <= old_len) {
        if (new_len < old_len)
            unmap_range(a + new_len, a + old_len);
        return old;
    }
    if (!(flags & MREMAP_MAYMOVE)) {
        ig_posix_failed(-ENOMEM);
        return MAP_FAILED;
    }
    struct map *m = maps;
    while (m && !(m->start <= a && a < m->end))
        m = m->next;
    if (m->blk->seg) {
        /* A shared file mapping moves with its segment, which only works
         * while no other mapping shares that. */
        void *p;
        if (m->start != a || (uintptr_t)m->blk->base != a ||
            m->blk->pieces != 1)
            r = -ENOMEM;
        else
            r = ig_vfs_seg_resize(m->blk->seg, new_len, &p);
        if (ig_posix_failed(r))
            return MAP_FAILED;
        m->blk->base = p;
        m->start = (uintptr_t)p;
        m->end = m->start + new_len;
        return p;
    }
    r = do_mmap(NULL, new_len, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (ig_posix_failed(r))
        return MAP_FAILED;
    memcpy((void *)(uintptr_t)r, old, old_len);
    unmap_range(a, a + old_len);
    return (void *)(uintptr_t)r;
}

int mprotect(void *addr, size_t len, int prot)
{
    uintptr_t end;

    if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
        return (int)ig_posix_ret(-EINVAL);
    if (len == 0 && !((uintptr_t)addr & (PAGE - 1)))
        return 0;
    int r = check_range(addr, len, &end);
    if (r == 0 && !mapped((uintptr_t)addr, end))
        r = -ENOMEM;
    return (int)ig_posix_ret(r);
}

/* MADV_DONTNEED and MADV_FREE on anonymous memory must read back as
 * zeros afterwards, as on Linux; the rest are hints.  Returns 0 or a
 * negative errno. */
static int advise(void *addr, size_t len, int advice)
{
    uintptr_t a = (uintptr_t)addr, end;

    if (advice < MADV_NORMAL || advice > MADV_DODUMP ||
        (advice > MADV_DONTNEED && advice < MADV_FREE))
        return -EINVAL;
    if (len == 0 && !(a & (PAGE - 1)))
        return 0;
    int r = check_range(addr, len, &end);
    if (r == 0 && !mapped(a, end))
        r = -ENOMEM;
    if (r == 0 && (advice == MADV_DONTNEED || advice == MADV_FREE)) {
        for (struct map *m = maps; m; m = m->next) {
            uintptr_t s = m->start > a ? m->start : a;
            uintptr_t e = m->end < end ? m->end : end;
            if (s < e && m->anon)
                memset((void *)s, 0, e - s);
        }
    }
    return r;
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
    uintptr_t end;

    if ((flags & ~(MS_ASYNC | MS_SYNC | MS_INVALIDATE)) ||
        ((flags & MS_ASYNC) && (flags & MS_SYNC)))
        return (int)ig_posix_ret(-EINVAL);
    if (len == 0 && !((uintptr_t)addr & (PAGE - 1)))
        return 0;
    int r = check_range(addr, len, &end);
    if (r == 0 && !mapped((uintptr_t)addr, end))
        r = -ENOMEM;
    /* MS_ASYNC writes back at once too: nothing runs in the background. */
    for (struct map *m = maps; r == 0 && m; m = m->next) {
        uintptr_t s = m->start > (uintptr_t)addr ? m->start : (uintptr_t)addr;
        uintptr_t e = m->end < end ? m->end : end;
        if (s < e && m->blk->seg)
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

/* Memory is never paged out. */
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
