/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* p9fs.c: volumes over 9P2000.L channels (virtio-9p on kvm). */
#include <ingot/plat.h>

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "p9.h"
#include "vfs_internal.h"

/*
 * One client per channel.  Requests go one at a time (a mutex around each
 * round trip), so one tag serves all.  Handles given to rfs are fids; fid
 * 0 is the attached root.  Paths are walked from the root in one Twalk
 * per 16 names.  The server does not follow symbolic links (QEMU opens
 * every component with O_NOFOLLOW); a link that is the last component is
 * resolved here, lexically, and only while it stays inside the volume, as
 * the pico platform does with RESOLVE_BENEATH: absolute targets and ".."
 * above the root fail with -EXDEV.
 */
#define MSIZE_CAP (128u * 1024 + 24)
#define MAXFID 1024
#define TAG 1
#define RREAD_HDR 11  /* size type tag count */
#define TWRITE_HDR 23 /* size type tag fid offset count */
#define LINKS_MAX 8

struct p9 {
    int dev;
    uint32_t msize;
    uint8_t *t, *r; /* message buffers, msize each */
    pthread_mutex_t lock;
    uint8_t used[MAXFID];
    uint64_t diroff[MAXFID];
};

static int fid_new(struct p9 *c)
{
    for (int i = 1; i < MAXFID; i++)
        if (!c->used[i]) {
            c->used[i] = 1;
            c->diroff[i] = 0;
            return i;
        }
    return -EMFILE;
}

/*
 * Sends the request of (olen) bytes in c->t, followed by (wdata, wlen),
 * and reads the reply into c->r or, for Tread, its header into c->r and
 * its data into (rdata, rlen).  Opens the reply in (in).  Returns 0, the
 * Rlerror's error or -EIO.  The caller holds c->lock.
 */
static int rpc(struct p9 *c, long olen, const void *wdata, size_t wlen,
               void *rdata, size_t rlen, struct ig_p9_in *in)
{
    struct ig_plat_iov out[2] = {{c->t, (size_t)olen}, {(void *)wdata, wlen}};
    struct ig_plat_iov rin[2] = {{c->r, rdata ? RREAD_HDR : c->msize},
                                 {rdata, rlen}};

    if (olen < 0)
        return (int)olen;
    long n = ig_plat_9p_rpc(c->dev, out, wlen ? 2 : 1, rin, rdata ? 2 : 1);
    if (n < 0)
        return (int)n;
    return ig_p9_reply(in, c->r, (size_t)n, c->t[4], TAG);
}

/* Builds and sends a message: begin, the caller's fields, finish. */
#define BEGIN(c, o, type) ig_p9_begin(&(o), (c)->t, (c)->msize, (type), TAG)

static int clunk_locked(struct p9 *c, int fid)
{
    struct ig_p9_out o;
    struct ig_p9_in in;

    BEGIN(c, o, IG_P9_TCLUNK);
    ig_p9_put_u32(&o, (uint32_t)fid);
    int err = rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
    c->used[fid] = 0; /* gone even when the server complains */
    return err;
}

static int clunk(struct p9 *c, int fid)
{
    pthread_mutex_lock(&c->lock);
    int err = clunk_locked(c, fid);
    pthread_mutex_unlock(&c->lock);
    return err;
}

/* Walks (len) bytes of (path) (names separated by '/', "." for none)
 * from the root to a new fid.  Returns it or a negative errno. */
static int walk(struct p9 *c, const char *path, size_t len)
{
    const char *p = path, *end = path + len;
    int fid, from = 0, err = 0;

    pthread_mutex_lock(&c->lock);
    fid = fid_new(c);
    if (fid < 0) {
        pthread_mutex_unlock(&c->lock);
        return fid;
    }
    if (len == 1 && path[0] == '.')
        p = end;
    do {
        struct ig_p9_out o;
        struct ig_p9_in in;
        const char *names[IG_P9_MAXWELEM];
        size_t lens[IG_P9_MAXWELEM];
        uint16_t n = 0;
        while (p < end && n < IG_P9_MAXWELEM) {
            const char *s = memchr(p, '/', (size_t)(end - p));
            names[n] = p;
            lens[n] = s ? (size_t)(s - p) : (size_t)(end - p);
            p += lens[n] + (s ? 1 : 0);
            n++;
        }
        BEGIN(c, o, IG_P9_TWALK);
        ig_p9_put_u32(&o, (uint32_t)from);
        ig_p9_put_u32(&o, (uint32_t)fid);
        ig_p9_put_u16(&o, n);
        for (uint16_t i = 0; i < n; i++)
            ig_p9_put_str(&o, names[i], lens[i]);
        err = rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
        if (!err && ig_p9_get_u16(&in) != n)
            err = -ENOENT; /* a later name is missing */
        if (!err && in.err)
            err = -EIO;
        if (err) {
            if (from == fid)
                clunk_locked(c, fid);
            else
                c->used[fid] = 0;
            break;
        }
        from = fid;
    } while (p < end);
    pthread_mutex_unlock(&c->lock);
    return err ? err : fid;
}

static int getattr(struct p9 *c, int fid, struct ig_plat_hostdir_stat *st)
{
    struct ig_p9_out o;
    struct ig_p9_in in;

    pthread_mutex_lock(&c->lock);
    BEGIN(c, o, IG_P9_TGETATTR);
    ig_p9_put_u32(&o, (uint32_t)fid);
    ig_p9_put_u64(&o, IG_P9_GETATTR_BASIC);
    int err = rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
    if (!err)
        err = ig_p9_get_attr(&in, st);
    pthread_mutex_unlock(&c->lock);
    return err;
}

static long readlink_fid(struct p9 *c, int fid, char *buf, size_t cap)
{
    struct ig_p9_out o;
    struct ig_p9_in in;
    const char *s;
    uint16_t n;

    pthread_mutex_lock(&c->lock);
    BEGIN(c, o, IG_P9_TREADLINK);
    ig_p9_put_u32(&o, (uint32_t)fid);
    long err = rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
    if (!err) {
        ig_p9_get_str(&in, &s, &n);
        err = in.err;
    }
    if (!err) {
        if (n > cap)
            n = (uint16_t)cap;
        memcpy(buf, s, n);
        err = n;
    }
    pthread_mutex_unlock(&c->lock);
    return err;
}

/* Appends (len) bytes of (rel) to the normalized path (p) of (*plen)
 * bytes (of at most (cap)), resolving "." and "..".  Returns 0, -EXDEV
 * when ".." would leave the root, -ENAMETOOLONG. */
static int join(char *p, size_t *plen, size_t cap, const char *rel, size_t len)
{
    const char *end = rel + len;

    while (rel < end) {
        const char *s = memchr(rel, '/', (size_t)(end - rel));
        size_t n = s ? (size_t)(s - rel) : (size_t)(end - rel);
        if (n == 2 && rel[0] == '.' && rel[1] == '.') {
            if (*plen == 0)
                return -EXDEV;
            while (*plen > 0 && p[*plen - 1] != '/')
                (*plen)--;
            if (*plen > 0)
                (*plen)--;
        } else if (n > 0 && !(n == 1 && rel[0] == '.')) {
            if (*plen + n + 2 > cap)
                return -ENAMETOOLONG;
            if (*plen)
                p[(*plen)++] = '/';
            memcpy(p + *plen, rel, n);
            *plen += n;
        }
        rel += n + (s ? 1 : 0);
    }
    return 0;
}

/* Walks to (path), following a symbolic link in the last component while
 * it stays inside; stores its attributes in (st). */
static int resolve(struct p9 *c, const char *path,
                   struct ig_plat_hostdir_stat *st)
{
    char p[IG_PATH_MAX], target[IG_PATH_MAX];
    size_t plen = 0;
    int err = join(p, &plen, sizeof(p), path, strlen(path));

    for (int depth = 0; !err; depth++) {
        int fid = walk(c, plen ? p : ".", plen ? plen : 1);
        if (fid < 0)
            return fid;
        err = getattr(c, fid, st);
        if (err) {
            clunk(c, fid);
            return err;
        }
        if ((st->mode & 0170000) != 0120000)
            return fid; /* not a symbolic link */
        long n = depth < LINKS_MAX
                     ? readlink_fid(c, fid, target, sizeof(target))
                     : -ELOOP;
        clunk(c, fid);
        if (n < 0)
            return (int)n;
        if (n == 0 || target[0] == '/')
            return -EXDEV;
        while (plen > 0 && p[plen - 1] != '/') /* the link's directory */
            plen--;
        if (plen > 0)
            plen--;
        err = join(p, &plen, sizeof(p), target, (size_t)n);
    }
    return err;
}

/* Walks to the directory holding the last component of (path), stored
 * in (*leaf).  Returns the directory's fid or a negative errno. */
static int parent(struct p9 *c, const char *path, const char **leaf)
{
    const char *slash = strrchr(path, '/');

    *leaf = slash ? slash + 1 : path;
    return slash ? walk(c, path, (size_t)(slash - path)) : walk(c, ".", 1);
}

static int p9_stat(void *ctx, const char *path, struct ig_plat_hostdir_stat *st)
{
    struct p9 *c = ctx;
    int fid = resolve(c, path, st);

    if (fid < 0)
        return fid;
    clunk(c, fid);
    return 0;
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
    int err = rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
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
        fid = parent(c, path, &leaf);
        if (fid < 0)
            return fid;
        err = open_fid(c, fid, leaf, flags, mode);
        if (!err)
            return fid;
        clunk(c, fid);
        if (err != -EEXIST || (flags & IG_PLAT_HD_EXCL))
            return err;
    }
    fid = resolve(c, path, &st);
    if (fid < 0)
        return fid;
    if ((flags & IG_PLAT_HD_DIR) && (st.mode & 0170000) != 0040000)
        err = -ENOTDIR;
    else if ((st.mode & 0170000) != 0040000 && (st.mode & 0170000) != 0100000)
        err = -ENXIO; /* a FIFO or device node: as on pico (plat.h) */
    else
        err = open_fid(c, fid, NULL, flags, 0);
    if (err) {
        clunk(c, fid);
        return err;
    }
    return fid;
}

static int p9_fstat(void *ctx, int h, struct ig_plat_hostdir_stat *st)
{
    if (h <= 0 || h >= MAXFID)
        return -EBADF;
    return getattr(ctx, h, st);
}

static long p9_pread(void *ctx, int h, void *buf, size_t len, uint64_t off)
{
    struct p9 *c = ctx;
    size_t done = 0;

    if (h <= 0 || h >= MAXFID)
        return -EBADF;
    while (done < len) {
        struct ig_p9_out o;
        struct ig_p9_in in;
        size_t want = len - done;
        if (want > c->msize - RREAD_HDR)
            want = c->msize - RREAD_HDR;
        pthread_mutex_lock(&c->lock);
        BEGIN(c, o, IG_P9_TREAD);
        ig_p9_put_u32(&o, (uint32_t)h);
        ig_p9_put_u64(&o, off + done);
        ig_p9_put_u32(&o, (uint32_t)want);
        int err =
            rpc(c, ig_p9_finish(&o, 0), NULL, 0, (char *)buf + done, want, &in);
        uint32_t got = err ? 0 : ig_p9_get_u32(&in);
        pthread_mutex_unlock(&c->lock);
        if (!err && (in.err || got > want))
            err = -EIO;
        if (err)
            return done ? (long)done : err;
        done += got;
        if (got < want)
            break; /* end of file */
    }
    return (long)done;
}

static long p9_pwrite(void *ctx, int h, const void *buf, size_t len,
                      uint64_t off)
{
    struct p9 *c = ctx;
    size_t done = 0;

    if (h <= 0 || h >= MAXFID)
        return -EBADF;
    do {
        struct ig_p9_out o;
        struct ig_p9_in in;
        size_t n = len - done;
        if (n > c->msize - TWRITE_HDR)
            n = c->msize - TWRITE_HDR;
        pthread_mutex_lock(&c->lock);
        BEGIN(c, o, IG_P9_TWRITE);
        ig_p9_put_u32(&o, (uint32_t)h);
        ig_p9_put_u64(&o, off + done);
        ig_p9_put_u32(&o, (uint32_t)n);
        int err = rpc(c, ig_p9_finish(&o, n), (const char *)buf + done, n, NULL,
                      0, &in);
        uint32_t put = err ? 0 : ig_p9_get_u32(&in);
        pthread_mutex_unlock(&c->lock);
        if (!err && (in.err || put > n || (put == 0 && n > 0)))
            err = -EIO;
        if (err)
            return done ? (long)done : err;
        done += put;
    } while (done < len);
    return (long)done;
}

/* Tsetattr of (h): (valid) says which of (size) and the times count. */
static int setattr(struct p9 *c, int h, uint32_t valid, uint64_t size,
                   const int64_t t[2])
{
    struct ig_p9_out o;
    struct ig_p9_in in;

    if (h <= 0 || h >= MAXFID)
        return -EBADF;
    pthread_mutex_lock(&c->lock);
    BEGIN(c, o, IG_P9_TSETATTR);
    ig_p9_put_u32(&o, (uint32_t)h);
    ig_p9_put_u32(&o, valid);
    ig_p9_put_u32(&o, 0); /* mode */
    ig_p9_put_u32(&o, 0); /* uid */
    ig_p9_put_u32(&o, 0); /* gid */
    ig_p9_put_u64(&o, size);
    for (int i = 0; i < 2; i++) { /* atime, mtime: seconds, nanoseconds */
        int64_t v = t && t[i] >= 0 ? t[i] : 0;
        ig_p9_put_u64(&o, (uint64_t)(v / 1000000000));
        ig_p9_put_u64(&o, (uint64_t)(v % 1000000000));
    }
    int err = rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
    pthread_mutex_unlock(&c->lock);
    return err;
}

static int p9_ftruncate(void *ctx, int h, uint64_t len)
{
    return setattr(ctx, h, IG_P9_SETATTR_SIZE, len, NULL);
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
    return valid ? setattr(ctx, h, valid, 0, t) : 0;
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
    int err = rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
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
    int err = rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
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
    return clunk(ctx, h);
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
    if (count > c->msize - RREAD_HDR)
        count = c->msize - RREAD_HDR;
    pthread_mutex_lock(&c->lock);
    BEGIN(c, o, IG_P9_TREADDIR);
    ig_p9_put_u32(&o, (uint32_t)h);
    ig_p9_put_u64(&o, c->diroff[h]);
    ig_p9_put_u32(&o, count);
    long r = rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
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

/* Runs one directory call: Tmkdir, Tunlinkat or Tsymlink on (path)'s
 * parent, with the fields after the name given by the caller. */
static int dir_call(struct p9 *c, const char *path, uint8_t type, uint32_t a,
                    const char *target)
{
    const char *leaf;
    struct ig_p9_out o;
    struct ig_p9_in in;
    int fid = parent(c, path, &leaf);

    if (fid < 0)
        return fid;
    pthread_mutex_lock(&c->lock);
    BEGIN(c, o, type);
    ig_p9_put_u32(&o, (uint32_t)fid);
    ig_p9_put_str(&o, leaf, strlen(leaf));
    if (target)
        ig_p9_put_str(&o, target, strlen(target));
    ig_p9_put_u32(&o, a);
    if (type != IG_P9_TUNLINKAT && !target)
        ig_p9_put_u32(&o, 0); /* Tmkdir's gid */
    int err = rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
    clunk_locked(c, fid);
    pthread_mutex_unlock(&c->lock);
    return err;
}

static int p9_mkdir(void *ctx, const char *path, unsigned mode)
{
    return dir_call(ctx, path, IG_P9_TMKDIR, mode & 07777, NULL);
}

static int p9_unlink(void *ctx, const char *path, int dir)
{
    return dir_call(ctx, path, IG_P9_TUNLINKAT, dir ? IG_P9_AT_REMOVEDIR : 0,
                    NULL);
}

static int p9_symlink(void *ctx, const char *target, const char *path)
{
    return dir_call(ctx, path, IG_P9_TSYMLINK, 0 /* gid */, target);
}

static int p9_rename(void *ctx, const char *from, const char *to)
{
    struct p9 *c = ctx;
    const char *fl, *tl;
    struct ig_p9_out o;
    struct ig_p9_in in;
    int ffid = parent(c, from, &fl), tfid;

    if (ffid < 0)
        return ffid;
    tfid = parent(c, to, &tl);
    if (tfid < 0) {
        clunk(c, ffid);
        return tfid;
    }
    pthread_mutex_lock(&c->lock);
    BEGIN(c, o, IG_P9_TRENAMEAT);
    ig_p9_put_u32(&o, (uint32_t)ffid);
    ig_p9_put_str(&o, fl, strlen(fl));
    ig_p9_put_u32(&o, (uint32_t)tfid);
    ig_p9_put_str(&o, tl, strlen(tl));
    int err = rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
    clunk_locked(c, ffid);
    clunk_locked(c, tfid);
    pthread_mutex_unlock(&c->lock);
    return err;
}

static long p9_readlink(void *ctx, const char *path, char *buf, size_t cap)
{
    struct p9 *c = ctx;
    int fid = walk(c, path, strlen(path));

    if (fid < 0)
        return fid;
    long n = readlink_fid(c, fid, buf, cap);
    clunk(c, fid);
    return n == -EOPNOTSUPP ? -EINVAL : n;
}

const struct ig_rfs_backend ig_p9fs_backend = {
    .stat = p9_stat,
    .open = p9_open,
    .fstat = p9_fstat,
    .pread = p9_pread,
    .pwrite = p9_pwrite,
    .ftruncate = p9_ftruncate,
    .futimens = p9_futimens,
    .fsync = p9_fsync,
    .fstatfs = p9_fstatfs,
    .close = p9_close,
    .readdir = p9_readdir,
    .mkdir = p9_mkdir,
    .unlink = p9_unlink,
    .rename = p9_rename,
    .symlink = p9_symlink,
    .readlink = p9_readlink,
};

int ig_p9fs_connect(int dev, void **ctx)
{
    struct p9 *c = calloc(1, sizeof(*c));
    size_t msize = ig_plat_9p_msize(dev);
    struct ig_p9_out o;
    struct ig_p9_in in;
    const char *v;
    uint16_t vl;
    int err;

    if (!c)
        return -ENOMEM;
    if (msize > MSIZE_CAP)
        msize = MSIZE_CAP;
    c->dev = dev;
    c->msize = (uint32_t)msize;
    c->t = malloc(msize);
    c->r = malloc(msize);
    pthread_mutex_init(&c->lock, NULL);
    err = c->t && c->r && msize >= 4096 ? 0 : -ENOMEM;
    if (!err) {
        ig_p9_begin(&o, c->t, msize, IG_P9_TVERSION, IG_P9_NOTAG);
        ig_p9_put_u32(&o, c->msize);
        ig_p9_put_str(&o, "9P2000.L", 8);
        struct ig_plat_iov out = {c->t, (size_t)ig_p9_finish(&o, 0)};
        struct ig_plat_iov rin = {c->r, msize};
        long n = ig_plat_9p_rpc(dev, &out, 1, &rin, 1);
        err = n < 0 ? (int)n
                    : ig_p9_reply(&in, c->r, (size_t)n, IG_P9_TVERSION,
                                  IG_P9_NOTAG);
    }
    if (!err) {
        uint32_t m = ig_p9_get_u32(&in);
        ig_p9_get_str(&in, &v, &vl);
        if (in.err || vl != 8 || memcmp(v, "9P2000.L", 8) || m < 4096)
            err = -EPROTONOSUPPORT;
        else if (m < c->msize)
            c->msize = m;
    }
    if (!err) {
        BEGIN(c, o, IG_P9_TATTACH);
        ig_p9_put_u32(&o, 0); /* fid 0: the root */
        ig_p9_put_u32(&o, IG_P9_NOFID);
        ig_p9_put_str(&o, "root", 4);
        ig_p9_put_str(&o, "", 0);
        ig_p9_put_u32(&o, 0); /* n_uname */
        err = rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
        c->used[0] = 1;
    }
    if (err) {
        free(c->t);
        free(c->r);
        free(c);
        return err;
    }
    *ctx = c;
    return 0;
}
