/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* rfs_file.c: open files of volumes, and the calls made through a handle. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include "rfs_internal.h"

/* An open file: the storage's handle and, for directories, entries read
 * ahead. */
struct rfs_file {
    int h;
    int started;
    long len, pos;
    _Alignas(8) char buf[2048];
};

static const struct ig_file_ops rfs_file_ops;

static int64_t ns_of(const struct timespec *t)
{
    if (t->tv_nsec == UTIME_NOW)
        return IG_PLAT_HD_TIME_NOW;
    if (t->tv_nsec == UTIME_OMIT)
        return IG_PLAT_HD_TIME_OMIT;
    return (int64_t)t->tv_sec * 1000000000 + t->tv_nsec;
}

/* Opens a read handle on (vn) itself, for calls that work on handles.
 * Returns it, or a negative errno. */
static int open_self(struct ig_vnode *vn)
{
    struct rfs_node *n = RN(vn);
    char path[IG_PATH_MAX];
    int err = ig_rfs_path(n, NULL, 0, path, sizeof(path));

    if (err)
        return err;
    unsigned hf =
        S_ISDIR(vn->mode) ? IG_PLAT_HD_READ | IG_PLAT_HD_DIR : IG_PLAT_HD_READ;
    return n->m->be->open(n->m->ctx, path, hf, 0);
}

int ig_rfs_utimens(struct ig_vnode *vn, const struct timespec ts[2])
{
    struct rfs_node *n = RN(vn);
    int err, h = open_self(vn);

    if (h < 0)
        return h;
    err = n->m->be->futimens(n->m->ctx, h, ns_of(&ts[0]), ns_of(&ts[1]));
    n->m->be->close(n->m->ctx, h);
    return err;
}

int ig_rfs_chmod(struct ig_vnode *vn, mode_t mode)
{
    struct rfs_node *n = RN(vn);
    int err, h = open_self(vn);

    if (h < 0)
        return h;
    err = n->m->be->fchmod(n->m->ctx, h, (unsigned)mode & 07777);
    n->m->be->close(n->m->ctx, h);
    if (!err)
        vn->mode = (vn->mode & S_IFMT) | (mode & 07777);
    return err;
}

int ig_rfs_statfs(struct ig_vnode *vn, struct ig_statfs *out)
{
    struct rfs_node *n = RN(vn);
    struct ig_plat_hostdir_statfs s;
    int err, h = open_self(vn);

    if (h < 0)
        return h;
    err = n->m->be->fstatfs(n->m->ctx, h, &s);
    n->m->be->close(n->m->ctx, h);
    if (err)
        return err;
    out->bsize = s.bsize;
    out->blocks = s.blocks;
    out->bfree = s.bfree;
    out->bavail = s.bavail;
    out->files = s.files;
    out->ffree = s.ffree;
    out->namemax = s.namemax;
    out->type = IG_STATFS_V9FS;
    return 0;
}

void ig_rfs_fill_stat(struct ig_vnode *vn, const struct ig_plat_hostdir_stat *a,
                      struct stat *st)
{
    memset(st, 0, sizeof(*st));
    st->st_dev = vn->dev;
    st->st_ino = (ino_t)a->ino;
    st->st_mode = (mode_t)a->mode;
    st->st_nlink = (nlink_t)a->nlink;
    st->st_size = (off_t)a->size;
    st->st_blksize = 4096;
    st->st_blocks = (blkcnt_t)a->blocks;
    st->st_atim.tv_sec = (time_t)(a->atime_ns / 1000000000);
    st->st_atim.tv_nsec = (long)(a->atime_ns % 1000000000);
    st->st_mtim.tv_sec = (time_t)(a->mtime_ns / 1000000000);
    st->st_mtim.tv_nsec = (long)(a->mtime_ns % 1000000000);
    st->st_ctim.tv_sec = (time_t)(a->ctime_ns / 1000000000);
    st->st_ctim.tv_nsec = (long)(a->ctime_ns % 1000000000);
}

int ig_rfs_open(struct ig_vnode *vn, struct ig_file *f, int flags)
{
    struct rfs_node *n = RN(vn);
    struct rfs_file *rf;
    char path[IG_PATH_MAX];
    unsigned hf;
    int acc = flags & O_ACCMODE, err;

    if (S_ISDIR(vn->mode))
        hf = IG_PLAT_HD_READ | IG_PLAT_HD_DIR;
    else if (acc == O_RDWR)
        hf = IG_PLAT_HD_READ | IG_PLAT_HD_WRITE;
    else
        hf = acc == O_WRONLY ? IG_PLAT_HD_WRITE : IG_PLAT_HD_READ;
    err = ig_rfs_path(n, NULL, 0, path, sizeof(path));
    if (err)
        return err;
    rf = malloc(sizeof(*rf));
    if (!rf)
        return -ENOMEM;
    if (n->pending >= 0 && !S_ISDIR(vn->mode)) {
        rf->h = n->pending;
        n->pending = -1;
    } else {
        rf->h = n->m->be->open(n->m->ctx, path, hf, 0);
    }
    if (rf->h < 0) {
        err = rf->h;
        free(rf);
        return err;
    }
    rf->started = 0;
    rf->len = rf->pos = 0;
    f->ops = &rfs_file_ops;
    f->priv = rf;
    return 0;
}

static struct rfs_mount *MNT(struct ig_file *f)
{
    return RN(f->vn)->m;
}

static ssize_t file_read(struct ig_file *f, void *buf, size_t len, off_t *off)
{
    struct rfs_file *rf = f->priv;

    if (S_ISDIR(f->vn->mode))
        return -EISDIR;
    long n = MNT(f)->be->pread(MNT(f)->ctx, rf->h, buf, len,
                               (uint64_t)(off ? *off : 0));
    if (n > 0 && off)
        *off += n;
    return n;
}

static ssize_t file_write(struct ig_file *f, const void *buf, size_t len,
                          off_t *off)
{
    struct rfs_file *rf = f->priv;
    struct rfs_mount *m = MNT(f);
    off_t at = off ? *off : 0;

    if (off && (f->flags & O_APPEND) && off == &f->pos) {
        struct ig_plat_hostdir_stat a;
        int err = m->be->fstat(m->ctx, rf->h, &a);
        if (err)
            return err;
        if (a.size > (uint64_t)(INT64_MAX - (off_t)len))
            return -EFBIG; /* the end would not fit in off_t */
        at = (off_t)a.size;
    }
    long n = m->be->pwrite(m->ctx, rf->h, buf, len, (uint64_t)at);
    if (n > 0) {
        if (off)
            *off = at + n;
        if (at + n > f->vn->size)
            f->vn->size = at + n;
    }
    return n;
}

static int file_stat(struct ig_file *f, struct stat *st)
{
    struct rfs_file *rf = f->priv;
    struct ig_plat_hostdir_stat a;
    int err = MNT(f)->be->fstat(MNT(f)->ctx, rf->h, &a);

    if (err)
        return err;
    f->vn->size = (off_t)a.size;
    ig_rfs_fill_stat(f->vn, &a, st);
    return 0;
}

static int file_truncate(struct ig_file *f, off_t len)
{
    struct rfs_file *rf = f->priv;
    int err = MNT(f)->be->ftruncate(MNT(f)->ctx, rf->h, (uint64_t)len);

    if (!err)
        f->vn->size = len;
    return err;
}

static int file_fsync(struct ig_file *f)
{
    struct rfs_file *rf = f->priv;

    return MNT(f)->be->fsync(MNT(f)->ctx, rf->h);
}

static void file_release(struct ig_file *f)
{
    struct rfs_file *rf = f->priv;

    MNT(f)->be->close(MNT(f)->ctx, rf->h);
    free(rf);
}

/* Record layout of plat.h's ig_plat_hostdir_readdir(). */
#define REC_INO 0
#define REC_LEN 16
#define REC_TYPE 18
#define REC_NAME 19

static int file_readdir(struct ig_file *f, struct ig_dirent *out)
{
    struct rfs_file *rf = f->priv;
    struct rfs_mount *m = MNT(f);

    /* rewinddir() (position back at the first entry): read afresh. */
    if (f->pos == 2 && rf->started) {
        char path[IG_PATH_MAX];
        int err = ig_rfs_path(RN(f->vn), NULL, 0, path, sizeof(path));
        int h = err ? err
                    : m->be->open(m->ctx, path,
                                  IG_PLAT_HD_READ | IG_PLAT_HD_DIR, 0);
        if (h < 0)
            return h;
        m->be->close(m->ctx, rf->h);
        rf->h = h;
        rf->len = rf->pos = 0;
    }
    rf->started = 1;
    for (;;) {
        if (rf->pos >= rf->len) {
            rf->len = m->be->readdir(m->ctx, rf->h, rf->buf, sizeof(rf->buf));
            rf->pos = 0;
            if (rf->len <= 0) {
                int r = (int)rf->len;
                rf->len = 0;
                return r;
            }
        }
        const char *rec = rf->buf + rf->pos;
        uint16_t reclen;
        uint64_t ino;
        memcpy(&reclen, rec + REC_LEN, sizeof(reclen));
        memcpy(&ino, rec + REC_INO, sizeof(ino));
        if (reclen < REC_NAME + 1 || reclen > rf->len - rf->pos)
            return -EIO;
        rf->pos += reclen;
        const char *name = rec + REC_NAME;
        size_t nl = strnlen(name, (size_t)reclen - REC_NAME);
        if ((nl == 1 && name[0] == '.') ||
            (nl == 2 && name[0] == '.' && name[1] == '.'))
            continue;
        if (nl > IG_NAME_MAX)
            nl = IG_NAME_MAX;
        out->ino = (ino_t)ino;
        out->type = (unsigned char)rec[REC_TYPE];
        memcpy(out->name, name, nl);
        out->name[nl] = '\0';
        return 1;
    }
}

static const struct ig_file_ops rfs_file_ops = {
    .read = file_read,
    .write = file_write,
    .stat = file_stat,
    .release = file_release,
    .fsync = file_fsync,
    .truncate = file_truncate,
    .readdir = file_readdir,
    .seekable = 1,
};
