/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* shmap.c: memory that shared mappings of a file share with read/write. */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vfs_internal.h"

#define PAGE 4096ul

/*
 * Every page of the image is always present and there is no paging to
 * alias one page at two addresses, so the bytes of a shared mapping live
 * in one segment per file range.  The segment is authoritative for its
 * range while it exists: stores through the mapping land only there, so
 * reads of the file copy out of it and writes to the file copy into it
 * (ig_vfs_seg_io, called by the descriptor calls); the file itself gets
 * the bytes on msync(), munmap() of the last mapping and at exit.
 */
struct ig_vfs_seg {
    struct ig_vnode *vn; /* held */
    struct ig_file *f;   /* held: writable when (wr) */
    int wr;
    off_t off;  /* file offset of mem[0] */
    size_t len; /* a multiple of PAGE */
    char *mem;
    int users;
    struct ig_vfs_seg *next;   /* the file's segments */
    struct ig_vfs_seg *all;    /* every segment, for the flush at exit */
    struct ig_vfs_seg **prevp; /* where (all) points at this one */
};

static struct ig_vfs_seg *segs_all;

/* A segment keeps its open file without being a descriptor of it
 * (ig_file_hold), so dropping it is not a close: the process's record
 * locks stay. */
static off_t file_size(struct ig_vfs_seg *s)
{
    struct stat st;

    if (s->f->ops->stat && s->f->ops->stat(s->f, &st) == 0)
        return st.st_size;
    return s->vn->size;
}

/* Reads the file's bytes [off, off + len) into (p); the rest stays zero. */
static int fill(struct ig_file *f, char *p, size_t len, off_t off)
{
    for (size_t done = 0; done < len;) {
        off_t at = off + (off_t)done;
        ssize_t n = f->ops->read(f, p + done, len - done, &at);
        if (n < 0)
            return (int)n;
        if (n == 0)
            break;
        done += (size_t)n;
    }
    return 0;
}

int ig_vfs_seg_sync(struct ig_vfs_seg *s, const void *addr, size_t len)
{
    uintptr_t lo = (uintptr_t)addr, hi = lo + len;
    uintptr_t m = (uintptr_t)s->mem;

    if (!s->wr)
        return 0; /* no mapping of it could write */
    if (lo < m)
        lo = m;
    if (hi > m + s->len)
        hi = m + s->len;
    off_t size = file_size(s), at = s->off + (off_t)(lo - m);
    if (at >= size || lo >= hi)
        return 0;
    if ((off_t)(hi - lo) > size - at)
        hi = lo + (size_t)(size - at);
    while (lo < hi) {
        ssize_t n = s->f->ops->write(s->f, (const void *)lo, hi - lo, &at);
        if (n < 0)
            return (int)n;
        if (n == 0)
            return -EIO;
        lo += (size_t)n;
    }
    return 0;
}

static void flush_at_exit(void)
{
    for (struct ig_vfs_seg *s = segs_all; s; s = s->all)
        ig_vfs_seg_sync(s, s->mem, s->len);
}

int ig_vfs_seg_get(int fd, off_t off, size_t len, int writable,
                   struct ig_vfs_seg **seg, void **addr)
{
    static int flush_registered;
    struct ig_file *f = ig_fd_get(fd);

    if (!f)
        return -EBADF;
    struct ig_vnode *vn = f->vn;
    if (!vn || !S_ISREG(vn->mode) || !f->ops->seekable || !f->ops->read)
        return -ENODEV;
    if ((off_t)len > INT64_MAX - off)
        return -EOVERFLOW;
    off_t end = off + (off_t)len;
    for (struct ig_vfs_seg *s = vn->segs; s; s = s->next) {
        off_t send = s->off + (off_t)s->len;
        if (end <= s->off || off >= send)
            continue;
        if (off < s->off || end > send)
            return -ENODEV;
        if (writable && !s->wr) { /* write back through this file */
            ig_file_hold(f);
            ig_file_drop(s->f);
            s->f = f;
            s->wr = 1;
        }
        s->users++;
        *seg = s;
        *addr = s->mem + (off - s->off);
        return 0;
    }
    struct ig_vfs_seg *s = calloc(1, sizeof(*s));
    char *mem = memalign(PAGE, len);
    if (!s || !mem || (!flush_registered && atexit(flush_at_exit))) {
        free(s);
        free(mem);
        return -ENOMEM;
    }
    flush_registered = 1;
    memset(mem, 0, len);
    int err = fill(f, mem, len, off);
    if (err) {
        free(s);
        free(mem);
        return err;
    }
    *s = (struct ig_vfs_seg){.vn = vn,
                             .f = f,
                             .wr = writable,
                             .off = off,
                             .len = len,
                             .mem = mem,
                             .users = 1};
    ig_vnode_hold(vn);
    ig_file_hold(f);
    s->next = vn->segs;
    vn->segs = s;
    s->all = segs_all;
    if (segs_all)
        segs_all->prevp = &s->all;
    s->prevp = &segs_all;
    segs_all = s;
    *seg = s;
    *addr = mem;
    return 0;
}

int ig_vfs_seg_resize(struct ig_vfs_seg *s, size_t len, void **addr)
{
    if (s->users != 1 || (off_t)len > INT64_MAX - s->off)
        return -ENOMEM;
    off_t end = s->off + (off_t)len;
    for (struct ig_vfs_seg *o = s->vn->segs; o; o = o->next)
        if (o != s && o->off < end && s->off < o->off + (off_t)o->len)
            return -ENOMEM;
    char *mem = memalign(PAGE, len);
    if (!mem)
        return -ENOMEM;
    size_t keep = len < s->len ? len : s->len;
    memset(mem, 0, len);
    memcpy(mem, s->mem, keep);
    int err = fill(s->f, mem + keep, len - keep, s->off + (off_t)keep);
    if (err) {
        free(mem);
        return err;
    }
    if (len < s->len) /* the part cut off goes back first */
        ig_vfs_seg_sync(s, s->mem + len, s->len - len);
    free(s->mem);
    s->mem = mem;
    s->len = len;
    *addr = mem;
    return 0;
}

void ig_vfs_seg_put(struct ig_vfs_seg *s)
{
    if (--s->users > 0)
        return;
    ig_vfs_seg_sync(s, s->mem, s->len);
    for (struct ig_vfs_seg **pp = &s->vn->segs; *pp; pp = &(*pp)->next) {
        if (*pp == s) {
            *pp = s->next;
            break;
        }
    }
    *s->prevp = s->all;
    if (s->all)
        s->all->prevp = s->prevp;
    ig_file_drop(s->f);
    ig_vnode_put(s->vn);
    free(s->mem);
    free(s);
}

static void seg_io(struct ig_vnode *vn, void *buf, size_t n, off_t off,
                   int write)
{
    off_t end = off + (off_t)n;

    for (struct ig_vfs_seg *s = vn->segs; s; s = s->next) {
        off_t lo = s->off > off ? s->off : off;
        off_t hi = s->off + (off_t)s->len;
        if (hi > end)
            hi = end;
        if (lo >= hi)
            continue;
        char *p = s->mem + (lo - s->off), *b = (char *)buf + (lo - off);
        if (write)
            memcpy(p, b, (size_t)(hi - lo));
        else
            memcpy(b, p, (size_t)(hi - lo));
    }
}

/* Bytes past a new end read as zero if the file grows again (on Linux the
 * pages past the end are gone). */
static void seg_truncate(struct ig_vnode *vn, off_t len)
{
    for (struct ig_vfs_seg *s = vn->segs; s; s = s->next) {
        off_t send = s->off + (off_t)s->len;
        if (send <= len)
            continue;
        off_t from = len > s->off ? len : s->off;
        memset(s->mem + (from - s->off), 0, (size_t)(send - from));
    }
}

void (*const ig_vfs_seg_io)(struct ig_vnode *vn, void *buf, size_t n, off_t off,
                            int write) = seg_io;
void (*const ig_vfs_seg_truncate)(struct ig_vnode *vn,
                                  off_t len) = seg_truncate;
