/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* rfs.c: vnodes for filesystems whose files live elsewhere (volumes). */
#include <ingot/plat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include "vfs_internal.h"

/*
 * The storage (a host directory, a 9P server) is the truth; vnodes are a
 * cache of what lookups found.  A cached node is linked into its parent's
 * list, holding one reference for that (like a ramfs entry) and one on
 * its parent, so parents outlive children.  Every lookup asks the storage
 * again: a name that is gone, or that now names another file, drops the
 * cached node (open files keep theirs, with its handle).  So one file is
 * one vnode while it is in use, and changes made on the host show.
 */
struct rfs_mount {
    const struct ig_rfs_backend *be;
    void *ctx;
    unsigned flags; /* IG_VNODE_RDONLY or 0 */
    dev_t dev;
    struct rfs_node *root;
};

struct rfs_node {
    struct ig_vnode vn;
    struct rfs_node *child, *next;
    struct rfs_mount *m;
    int linked;  /* in its parent's list */
    int pending; /* handle from create, for the open that follows, or -1 */
};

/* An open file: the storage's handle and, for directories, entries read
 * ahead. */
struct rfs_file {
    int h;
    int started;
    long len, pos;
    _Alignas(8) char buf[2048];
};

static const struct ig_vnode_ops rfs_ops;
static const struct ig_file_ops rfs_file_ops;
static dev_t next_dev = 0x100;

static struct rfs_node *RN(struct ig_vnode *vn)
{
    return (struct rfs_node *)vn;
}

static void set_attr(struct ig_vnode *vn, const struct ig_plat_hostdir_stat *a)
{
    vn->mode = (mode_t)a->mode;
    vn->ino = (ino_t)a->ino;
    vn->size = (off_t)a->size;
    vn->mtime.tv_sec = (time_t)(a->mtime_ns / 1000000000);
    vn->mtime.tv_nsec = (long)(a->mtime_ns % 1000000000);
}

/*
 * Writes the path of (vn) below its filesystem's root into (buf) of
 * (cap) bytes, with "/" and the (len) bytes of (name) appended when
 * (name) is not NULL.  Returns 0, -ENAMETOOLONG, or -ENOENT for a node
 * that is no longer linked.
 */
static int path_of(struct rfs_node *n, const char *name, size_t len, char *buf,
                   size_t cap)
{
    size_t pos = cap;

    if (cap < 2)
        return -ENAMETOOLONG;
    buf[--pos] = '\0';
    if (name) {
        if (len >= pos)
            return -ENAMETOOLONG;
        pos -= len;
        memcpy(buf + pos, name, len);
    }
    for (; n != n->m->root; n = RN(n->vn.parent)) {
        if (!n->linked)
            return -ENOENT;
        size_t nl = strlen(n->vn.name), sep = pos < cap - 1;
        if (nl + sep >= pos)
            return -ENAMETOOLONG;
        if (sep)
            buf[--pos] = '/';
        pos -= nl;
        memcpy(buf + pos, n->vn.name, nl);
    }
    if (pos == cap - 1) /* the root itself */
        buf[--pos] = '.';
    memmove(buf, buf + pos, cap - pos);
    return 0;
}

/* Takes (n) out of its parent's list, keeping the list's reference. */
static void detach(struct rfs_node *n)
{
    struct rfs_node *dir = RN(n->vn.parent);

    for (struct rfs_node **p = &dir->child; *p; p = &(*p)->next)
        if (*p == n) {
            *p = n->next;
            break;
        }
    n->next = NULL;
    n->linked = 0;
}

/* Takes (n) out of the cache: its parent's list, then its children's. */
static void drop(struct rfs_node *n)
{
    while (n->child)
        drop(n->child);
    if (!n->linked)
        return;
    detach(n);
    ig_vnode_put(&n->vn); /* the cache's reference */
}

static struct rfs_node *cached(struct rfs_node *dir, const char *name,
                               size_t len)
{
    for (struct rfs_node *c = dir->child; c; c = c->next)
        if (strlen(c->vn.name) == len && !memcmp(c->vn.name, name, len))
            return c;
    return NULL;
}

static struct rfs_node *node_new(struct rfs_mount *m, struct rfs_node *dir,
                                 const char *name, size_t len,
                                 const struct ig_plat_hostdir_stat *a)
{
    struct rfs_node *n = calloc(1, sizeof(*n));

    if (!n || !(n->vn.name = malloc(len + 1))) {
        free(n);
        return NULL;
    }
    memcpy(n->vn.name, name, len);
    n->vn.name[len] = '\0';
    n->vn.ops = &rfs_ops;
    n->vn.dev = m->dev;
    n->vn.flags = m->flags;
    n->vn.refs = 1;
    n->m = m;
    n->pending = -1;
    set_attr(&n->vn, a);
    if (dir) {
        n->vn.parent = &dir->vn;
        ig_vnode_hold(&dir->vn);
        n->next = dir->child;
        dir->child = n;
        n->linked = 1;
    }
    return n;
}

/* Makes (c), the cached node of (name) in (dir) or NULL, stand for the
 * file with attributes (a): kept if it is the same file, else replaced. */
static int install(struct rfs_node *dir, struct rfs_node *c, const char *name,
                   size_t len, const struct ig_plat_hostdir_stat *a,
                   struct ig_vnode **out)
{
    if (c && c->vn.ino == (ino_t)a->ino &&
        (c->vn.mode & S_IFMT) == (a->mode & S_IFMT)) {
        set_attr(&c->vn, a);
    } else {
        if (c)
            drop(c);
        c = node_new(dir->m, dir, name, len, a);
        if (!c)
            return -ENOMEM;
    }
    *out = &c->vn;
    return 0;
}

/* Finds (name) in (dir) on the storage and returns its (cached) node. */
static int rfs_lookup(struct ig_vnode *dirvn, const char *name, size_t len,
                      struct ig_vnode **out)
{
    struct rfs_node *dir = RN(dirvn), *c = cached(dir, name, len);
    struct ig_plat_hostdir_stat a;
    char path[IG_PATH_MAX];
    int err = path_of(dir, name, len, path, sizeof(path));

    if (!err)
        err = dir->m->be->stat(dir->m->ctx, path, &a);
    if (err) {
        if (c && err != -ENAMETOOLONG)
            drop(c);
        return err;
    }
    return install(dir, c, name, len, &a, out);
}

/*
 * A regular file is created open for reading and writing, and that handle
 * waits in the node for the open that follows (ig_vfs_open creates, then
 * opens): on 9P that saves a walk, a getattr and an open, on pico an
 * openat2.  The access mode of the open file description still decides
 * what the guest may do with it.
 */
static int rfs_create(struct ig_vnode *dirvn, const char *name, size_t len,
                      mode_t mode, struct ig_vnode **out)
{
    struct rfs_node *dir = RN(dirvn);
    const struct ig_rfs_backend *be = dir->m->be;
    struct ig_plat_hostdir_stat a;
    char path[IG_PATH_MAX];
    int err = path_of(dir, name, len, path, sizeof(path));

    if (err)
        return err;
    if (S_ISDIR(mode)) {
        err = be->mkdir(dir->m->ctx, path, mode & 07777);
        return err ? err : rfs_lookup(dirvn, name, len, out);
    }
    if (!S_ISREG(mode))
        return -EPERM;
    int h = be->open(dir->m->ctx, path,
                     IG_PLAT_HD_READ | IG_PLAT_HD_WRITE | IG_PLAT_HD_CREAT |
                         IG_PLAT_HD_EXCL,
                     mode & 07777);
    if (h < 0)
        return h;
    err = be->fstat(dir->m->ctx, h, &a);
    if (!err)
        err = install(dir, cached(dir, name, len), name, len, &a, out);
    if (err) {
        be->close(dir->m->ctx, h);
        return err;
    }
    struct rfs_node *n = RN(*out);
    if (n->pending >= 0)
        be->close(dir->m->ctx, n->pending);
    n->pending = h;
    return 0;
}

static int rfs_remove(struct ig_vnode *dirvn, struct ig_vnode *vn)
{
    struct rfs_node *n = RN(vn);
    char path[IG_PATH_MAX];
    int err = path_of(n, NULL, 0, path, sizeof(path));

    (void)dirvn;
    if (!err)
        err = n->m->be->unlink(n->m->ctx, path, S_ISDIR(vn->mode));
    if (!err)
        drop(n);
    return err;
}

static int rfs_rename(struct ig_vnode *vn, struct ig_vnode *newdir,
                      const char *name, size_t len)
{
    struct rfs_node *n = RN(vn), *nd = RN(newdir), *old;
    char from[IG_PATH_MAX], to[IG_PATH_MAX];
    char *nm = malloc(len + 1);
    int err = nm ? 0 : -ENOMEM;

    if (!err)
        err = path_of(n, NULL, 0, from, sizeof(from));
    if (!err)
        err = path_of(nd, name, len, to, sizeof(to));
    if (!err)
        err = n->m->be->rename(n->m->ctx, from, to);
    if (err) {
        free(nm);
        return err;
    }
    old = cached(nd, name, len);
    if (old && old != n)
        drop(old);
    /* Move the node: out of its old directory (keeping the cache's
     * reference), into the new one under the new name. */
    memcpy(nm, name, len);
    nm[len] = '\0';
    detach(n);
    free(vn->name);
    vn->name = nm;
    struct ig_vnode *oldparent = vn->parent;
    vn->parent = newdir;
    ig_vnode_hold(newdir);
    ig_vnode_put(oldparent);
    n->next = nd->child;
    nd->child = n;
    n->linked = 1;
    return 0;
}

static int rfs_truncate(struct ig_vnode *vn, off_t len)
{
    struct rfs_node *n = RN(vn);
    char path[IG_PATH_MAX];
    int err = path_of(n, NULL, 0, path, sizeof(path));

    if (err)
        return err;
    int h = n->m->be->open(n->m->ctx, path, IG_PLAT_HD_WRITE, 0);
    if (h < 0)
        return h;
    err = n->m->be->ftruncate(n->m->ctx, h, (uint64_t)len);
    n->m->be->close(n->m->ctx, h);
    if (!err)
        vn->size = len;
    return err;
}

static int64_t ns_of(const struct timespec *t)
{
    if (t->tv_nsec == UTIME_NOW)
        return IG_PLAT_HD_TIME_NOW;
    if (t->tv_nsec == UTIME_OMIT)
        return IG_PLAT_HD_TIME_OMIT;
    return (int64_t)t->tv_sec * 1000000000 + t->tv_nsec;
}

static int rfs_utimens(struct ig_vnode *vn, const struct timespec ts[2])
{
    struct rfs_node *n = RN(vn);
    char path[IG_PATH_MAX];
    int err = path_of(n, NULL, 0, path, sizeof(path));

    if (err)
        return err;
    unsigned hf =
        S_ISDIR(vn->mode) ? IG_PLAT_HD_READ | IG_PLAT_HD_DIR : IG_PLAT_HD_READ;
    int h = n->m->be->open(n->m->ctx, path, hf, 0);
    if (h < 0)
        return h;
    err = n->m->be->futimens(n->m->ctx, h, ns_of(&ts[0]), ns_of(&ts[1]));
    n->m->be->close(n->m->ctx, h);
    return err;
}

static int rfs_statfs(struct ig_vnode *vn, struct ig_statfs *out)
{
    struct rfs_node *n = RN(vn);
    struct ig_plat_hostdir_statfs s;
    char path[IG_PATH_MAX];
    int err = path_of(n, NULL, 0, path, sizeof(path));

    if (err)
        return err;
    unsigned hf =
        S_ISDIR(vn->mode) ? IG_PLAT_HD_READ | IG_PLAT_HD_DIR : IG_PLAT_HD_READ;
    int h = n->m->be->open(n->m->ctx, path, hf, 0);
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
    return 0;
}

static void fill_stat(struct ig_vnode *vn, const struct ig_plat_hostdir_stat *a,
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

static int rfs_getattr(struct ig_vnode *vn, struct stat *st)
{
    struct rfs_node *n = RN(vn);
    struct ig_plat_hostdir_stat a;
    char path[IG_PATH_MAX];
    int err = path_of(n, NULL, 0, path, sizeof(path));

    if (!err)
        err = n->m->be->stat(n->m->ctx, path, &a);
    if (err)
        return err;
    set_attr(vn, &a);
    fill_stat(vn, &a, st);
    return 0;
}

static int rfs_open(struct ig_vnode *vn, struct ig_file *f, int flags)
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
    err = path_of(n, NULL, 0, path, sizeof(path));
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

static int rfs_symlink(struct ig_vnode *dirvn, const char *name, size_t len,
                       const char *target)
{
    struct rfs_node *dir = RN(dirvn);
    char path[IG_PATH_MAX];
    int err = path_of(dir, name, len, path, sizeof(path));

    return err ? err : dir->m->be->symlink(dir->m->ctx, target, path);
}

static ssize_t rfs_readlink(struct ig_vnode *dirvn, const char *name,
                            size_t len, char *buf, size_t cap)
{
    struct rfs_node *dir = RN(dirvn);
    char path[IG_PATH_MAX];
    int err = path_of(dir, name, len, path, sizeof(path));

    return err ? err : dir->m->be->readlink(dir->m->ctx, path, buf, cap);
}

static void rfs_free(struct ig_vnode *vn)
{
    struct rfs_node *n = RN(vn);

    if (n->pending >= 0)
        n->m->be->close(n->m->ctx, n->pending);
    if (n != n->m->root)
        ig_vnode_put(vn->parent);
    free(vn->name);
    free(n);
}

static const struct ig_vnode_ops rfs_ops = {
    .lookup = rfs_lookup,
    .create = rfs_create,
    .remove = rfs_remove,
    .rename = rfs_rename,
    .truncate = rfs_truncate,
    .free = rfs_free,
    .open = rfs_open,
    .getattr = rfs_getattr,
    .symlink = rfs_symlink,
    .readlink = rfs_readlink,
    .utimens = rfs_utimens,
    .statfs = rfs_statfs,
    .rename_replaces = 1,
};

/* ---- open files ------------------------------------------------------- */

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
    fill_stat(f->vn, &a, st);
    return 0;
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
        int err = path_of(RN(f->vn), NULL, 0, path, sizeof(path));
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
    .readdir = file_readdir,
    .seekable = 1,
};

int ig_rfs_new(const struct ig_rfs_backend *be, void *ctx, int ro,
               struct ig_vnode **root)
{
    struct ig_plat_hostdir_stat a;
    struct rfs_mount *m;
    int err = be->stat(ctx, ".", &a);

    if (err)
        return err;
    if (!S_ISDIR(a.mode))
        return -ENOTDIR;
    m = calloc(1, sizeof(*m));
    if (!m)
        return -ENOMEM;
    m->be = be;
    m->ctx = ctx;
    m->flags = ro ? IG_VNODE_RDONLY : 0;
    m->dev = next_dev++;
    m->root = node_new(m, NULL, "", 0, &a);
    if (!m->root) {
        free(m);
        return -ENOMEM;
    }
    *root = &m->root->vn;
    return 0;
}
