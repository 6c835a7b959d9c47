/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* p9fs.c: volumes over 9P2000.L channels (virtio-9p on kvm): the rfs
 * backend calls as 9P messages (the path calls in p9fs_dir.c). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "p9fs_internal.h"
#include "vfs_internal.h"

static int p9_stat(void *ctx, const char *path, struct ig_plat_hostdir_stat *st)
{
    struct p9 *c = ctx;
    int fid = ig_p9fs_resolve(c, path, st);

    if (fid < 0)
        return fid;
    ig_p9fs_clunk(c, fid);
    return 0;
}

static int p9_lstat(void *ctx, const char *path,
                    struct ig_plat_hostdir_stat *st)
{
    struct p9 *c = ctx;
    int fid = ig_p9fs_walk(c, path, strlen(path)); /* walks never follow */

    if (fid < 0)
        return fid;
    int err = ig_p9fs_getattr(c, fid, st);
    ig_p9fs_clunk(c, fid);
    return err;
}

static uint32_t lflags(unsigned f)
{
    uint32_t l = (f & IG_PLAT_HD_WRITE)
                     ? ((f & IG_PLAT_HD_READ) ? IG_P9_O_RDWR : IG_P9_O_WRONLY)
                     : IG_P9_O_RDONLY;

    if (f & IG_PLAT_HD_TRUNC)
        l |= IG_P9_O_TRUNC;
    if (f & IG_PLAT_HD_DIR)
        l |= IG_P9_O_DIRECTORY;
    return l;
}

/* Tlopen or Tlcreate on (fid); the fid then stands for the open file. */
static int open_fid(struct p9 *c, int fid, const char *name, unsigned flags,
                    unsigned mode)
{
    struct ig_p9_out o;
    struct ig_p9_in in;

    pthread_mutex_lock(&c->lock);
    if (name) {
        BEGIN(c, o, IG_P9_TLCREATE);
        ig_p9_put_u32(&o, (uint32_t)fid);
        ig_p9_put_str(&o, name, strlen(name));
        ig_p9_put_u32(&o, lflags(flags) | IG_P9_O_CREAT | IG_P9_O_EXCL);
        ig_p9_put_u32(&o, mode & 07777);
        ig_p9_put_u32(&o, 0); /* gid */
    } else {
        BEGIN(c, o, IG_P9_TLOPEN);
        ig_p9_put_u32(&o, (uint32_t)fid);
        ig_p9_put_u32(&o, lflags(flags));
    }
    int err = ig_p9fs_rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
    pthread_mutex_unlock(&c->lock);
    return err;
}

static int p9_open(void *ctx, const char *path, unsigned flags, unsigned mode)
{
    struct p9 *c = ctx;
    struct ig_plat_hostdir_stat st;
    int fid, err;

    if (flags & IG_PLAT_HD_CREAT) {
        const char *leaf;
        fid = ig_p9fs_parent(c, path, &leaf);
        if (fid < 0)
            return fid;
        err = open_fid(c, fid, leaf, flags, mode);
        if (!err)
            return fid;
        ig_p9fs_clunk(c, fid);
        if (err != -EEXIST || (flags & IG_PLAT_HD_EXCL))
            return err;
    }
    fid = ig_p9fs_resolve(c, path, &st);
    if (fid < 0)
        return fid;
    if ((flags & IG_PLAT_HD_DIR) && (st.mode & 0170000) != 0040000)
        err = -ENOTDIR;
    else if ((st.mode & 0170000) != 0040000 && (st.mode & 0170000) != 0100000)
        err = -ENXIO; /* a FIFO or device node: as on pico (plat.h) */
    else
        err = open_fid(c, fid, NULL, flags, 0);
    if (err) {
        ig_p9fs_clunk(c, fid);
        return err;
    }
    return fid;
}

static int p9_fstat(void *ctx, int h, struct ig_plat_hostdir_stat *st)
{
    if (h <= 0 || h >= MAXFID)
        return -EBADF;
    return ig_p9fs_getattr(ctx, h, st);
}

/* At most what one Tread or Twrite of c carries. */
static size_t io_chunk(const struct p9 *c, size_t n)
{
    return n > c->msize - IOHDRSZ ? c->msize - IOHDRSZ : n;
}

/* One Tread (into rbuf) or Twrite (from wbuf) of (n) bytes at (off) of
 * (h); stores the count the server moved in (*moved).  Returns 0, -EIO
 * (a count above n) or rpc's errors. */
static int io_msg(struct p9 *c, int h, uint8_t type, uint64_t off, void *rbuf,
                  const void *wbuf, size_t n, uint32_t *moved)
{
    struct ig_p9_out o;
    struct ig_p9_in in;

    pthread_mutex_lock(&c->lock);
    BEGIN(c, o, type);
    ig_p9_put_u32(&o, (uint32_t)h);
    ig_p9_put_u64(&o, off);
    ig_p9_put_u32(&o, (uint32_t)n);
    int err = ig_p9fs_rpc(c, ig_p9_finish(&o, wbuf ? n : 0), wbuf, wbuf ? n : 0,
                          rbuf, rbuf ? n : 0, &in);
    *moved = err ? 0 : ig_p9_get_u32(&in);
    pthread_mutex_unlock(&c->lock);
    if (!err && (in.err || *moved > n))
        err = -EIO;
    return err;
}

static long p9_pread(void *ctx, int h, void *buf, size_t len, uint64_t off)
{
    struct p9 *c = ctx;
    size_t done = 0;

    if (h <= 0 || h >= MAXFID)
        return -EBADF;
    while (done < len) {
        size_t want = io_chunk(c, len - done);
        uint32_t got;
        int err = io_msg(c, h, IG_P9_TREAD, off + done, (char *)buf + done,
                         NULL, want, &got);
        if (err)
            return done ? (long)done : err;
        done += got;
        if (got < want)
            break; /* end of file */
    }
    return (long)done;
}

/* A write of 0 bytes still reaches the server, once. */
static long p9_pwrite(void *ctx, int h, const void *buf, size_t len,
                      uint64_t off)
{
    struct p9 *c = ctx;
    size_t done = 0;

    if (h <= 0 || h >= MAXFID)
        return -EBADF;
    do {
        size_t n = io_chunk(c, len - done);
        uint32_t put;
        int err = io_msg(c, h, IG_P9_TWRITE, off + done, NULL,
                         (const char *)buf + done, n, &put);
        if (!err && put == 0 && n > 0)
            err = -EIO;
        if (err)
            return done ? (long)done : err;
        done += put;
    } while (done < len);
    return (long)done;
}

/* Tsetattr of (h): (valid) says which of (mode), (size) and the times
 * count. */
static int setattr(struct p9 *c, int h, uint32_t valid, uint32_t mode,
                   uint64_t size, const int64_t t[2])
{
    struct ig_p9_out o;
    struct ig_p9_in in;

    if (h <= 0 || h >= MAXFID)
        return -EBADF;
    pthread_mutex_lock(&c->lock);
    BEGIN(c, o, IG_P9_TSETATTR);
    ig_p9_put_u32(&o, (uint32_t)h);
    ig_p9_put_u32(&o, valid);
    ig_p9_put_u32(&o, mode);
    ig_p9_put_u32(&o, 0); /* uid */
    ig_p9_put_u32(&o, 0); /* gid */
    ig_p9_put_u64(&o, size);
    for (int i = 0; i < 2; i++) { /* atime, mtime: seconds, nanoseconds */
        int64_t v = t && t[i] >= 0 ? t[i] : 0;
        ig_p9_put_u64(&o, (uint64_t)(v / 1000000000));
        ig_p9_put_u64(&o, (uint64_t)(v % 1000000000));
    }
    int err = ig_p9fs_rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
    pthread_mutex_unlock(&c->lock);
    return err;
}

static int p9_ftruncate(void *ctx, int h, uint64_t len)
{
    return setattr(ctx, h, IG_P9_SETATTR_SIZE, 0, len, NULL);
}

static int p9_futimens(void *ctx, int h, int64_t atime_ns, int64_t mtime_ns)
{
    const int64_t t[2] = {atime_ns, mtime_ns};
    uint32_t valid = 0;

    /* ATIME alone is "now" on the server; with ATIME_SET the given time. */
    for (int i = 0; i < 2; i++) {
        if (t[i] == IG_PLAT_HD_TIME_OMIT)
            continue;
        valid |= i ? IG_P9_SETATTR_MTIME : IG_P9_SETATTR_ATIME;
        if (t[i] != IG_PLAT_HD_TIME_NOW)
            valid |= i ? IG_P9_SETATTR_MTIME_SET : IG_P9_SETATTR_ATIME_SET;
    }
    return valid ? setattr(ctx, h, valid, 0, 0, t) : 0;
}

static int p9_fchmod(void *ctx, int h, unsigned mode)
{
    return setattr(ctx, h, IG_P9_SETATTR_MODE, mode & 07777, 0, NULL);
}

static int p9_fsync(void *ctx, int h)
{
    struct p9 *c = ctx;
    struct ig_p9_out o;
    struct ig_p9_in in;

    if (h <= 0 || h >= MAXFID)
        return -EBADF;
    pthread_mutex_lock(&c->lock);
    BEGIN(c, o, IG_P9_TFSYNC);
    ig_p9_put_u32(&o, (uint32_t)h);
    ig_p9_put_u32(&o, 0); /* datasync: no, everything */
    int err = ig_p9fs_rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
    pthread_mutex_unlock(&c->lock);
    return err;
}

static int p9_fstatfs(void *ctx, int h, struct ig_plat_hostdir_statfs *out)
{
    struct p9 *c = ctx;
    struct ig_p9_out o;
    struct ig_p9_in in;

    if (h <= 0 || h >= MAXFID)
        return -EBADF;
    pthread_mutex_lock(&c->lock);
    BEGIN(c, o, IG_P9_TSTATFS);
    ig_p9_put_u32(&o, (uint32_t)h);
    int err = ig_p9fs_rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
    if (!err) {
        ig_p9_get_u32(&in); /* type */
        out->bsize = ig_p9_get_u32(&in);
        out->blocks = ig_p9_get_u64(&in);
        out->bfree = ig_p9_get_u64(&in);
        out->bavail = ig_p9_get_u64(&in);
        out->files = ig_p9_get_u64(&in);
        out->ffree = ig_p9_get_u64(&in);
        ig_p9_get_u64(&in); /* fsid */
        out->namemax = ig_p9_get_u32(&in);
        err = in.err;
    }
    pthread_mutex_unlock(&c->lock);
    return err;
}

static int p9_close(void *ctx, int h)
{
    if (h <= 0 || h >= MAXFID || !((struct p9 *)ctx)->used[h])
        return -EBADF;
    return ig_p9fs_clunk(ctx, h);
}

static long p9_readdir(void *ctx, int h, void *buf, size_t cap)
{
    struct p9 *c = ctx;
    struct ig_p9_out o;
    struct ig_p9_in in;

    if (h <= 0 || h >= MAXFID)
        return -EBADF;
    /* Converted records are at most 3 bytes longer per entry than 9P's
     * (24 + name), so half of (cap) always fits. */
    uint32_t count = (uint32_t)(cap / 2);
    if (count > c->msize - IOHDRSZ)
        count = c->msize - IOHDRSZ;
    pthread_mutex_lock(&c->lock);
    BEGIN(c, o, IG_P9_TREADDIR);
    ig_p9_put_u32(&o, (uint32_t)h);
    ig_p9_put_u64(&o, c->diroff[h]);
    ig_p9_put_u32(&o, count);
    long r = ig_p9fs_rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
    if (!r) {
        uint32_t n = ig_p9_get_u32(&in);
        if (in.err || n > in.len - in.pos)
            r = -EIO;
        else
            r = ig_p9_dirents(in.p + in.pos, n, buf, cap, &c->diroff[h]);
    }
    pthread_mutex_unlock(&c->lock);
    return r;
}

const struct ig_rfs_backend ig_p9fs_backend = {
    .stat = p9_stat,
    .lstat = p9_lstat,
    .open = p9_open,
    .fstat = p9_fstat,
    .pread = p9_pread,
    .pwrite = p9_pwrite,
    .ftruncate = p9_ftruncate,
    .futimens = p9_futimens,
    .fchmod = p9_fchmod,
    .fsync = p9_fsync,
    .fstatfs = p9_fstatfs,
    .close = p9_close,
    .readdir = p9_readdir,
    .mkdir = ig_p9fs_mkdir,
    .unlink = ig_p9fs_unlink,
    .rename = ig_p9fs_rename,
    .symlink = ig_p9fs_symlink,
    .readlink = ig_p9fs_path_readlink,
};
