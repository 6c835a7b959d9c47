/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* rfs.c: vnodes for filesystems whose files live elsewhere (volumes). */
#include <ingot/plat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include "rfs_internal.h"

/*
 * The storage (a host directory, a 9P server) is the truth; vnodes are a
 * cache of what lookups found.  A cached node is linked into its parent's
 * list, holding one reference for that (like a ramfs entry) and one on
 * its parent, so parents outlive children.  Every lookup asks the storage
 * again: a name that is gone, or that now names another file, drops the
 * cached node (open files keep theirs, with its handle).  So one file is
 * one vnode while it is in use, and changes made on the host show.
 */
static const struct ig_vnode_ops rfs_ops;
static dev_t next_dev = 0x100;

static void set_attr(struct ig_vnode *vn, const struct ig_plat_hostdir_stat *a)
{
    vn->mode = (mode_t)a->mode;
    vn->ino = (ino_t)a->ino;
    vn->size = (off_t)a->size;
    vn->mtime.tv_sec = (time_t)(a->mtime_ns / 1000000000);
    vn->mtime.tv_nsec = (long)(a->mtime_ns % 1000000000);
}

/* Built backwards, from the name up to the root. */
int ig_rfs_path(struct rfs_node *n, const char *name, size_t len, char *buf,
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
    if (n->linked)
        ig_list_remove(&RN(n->vn.parent)->children, &n->entry);
    n->linked = 0;
}

/* Takes (n) out of the cache: its parent's list, then its children's. */
static void drop(struct rfs_node *n)
{
    while (n->children.first)
        drop(RFS_ENTRY(n->children.first));
    if (!n->linked)
        return;
    detach(n);
    ig_vnode_put(&n->vn); /* the cache's reference */
}

static struct rfs_node *cached(struct rfs_node *dir, const char *name,
                               size_t len)
{
    IG_LIST_FOREACH(l, &dir->children)
    {
        struct rfs_node *c = RFS_ENTRY(l);
        if (strlen(c->vn.name) == len && !memcmp(c->vn.name, name, len))
            return c;
    }
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
        ig_list_push_head(&dir->children, &n->entry);
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

/* Finds (name) in (dir) on the storage and returns its (cached) node:
 * the file a symbolic link leads to, or with (link) the link itself. */
static int find(struct ig_vnode *dirvn, const char *name, size_t len,
                struct ig_vnode **out, int link)
{
    struct rfs_node *dir = RN(dirvn), *c = cached(dir, name, len);
    const struct ig_rfs_backend *be = dir->m->be;
    struct ig_plat_hostdir_stat a;
    char path[IG_PATH_MAX];
    int err = ig_rfs_path(dir, name, len, path, sizeof(path));

    if (!err)
        err = (link ? be->lstat : be->stat)(dir->m->ctx, path, &a);
    if (err) {
        if (c && err != -ENAMETOOLONG)
            drop(c);
        return err;
    }
    return install(dir, c, name, len, &a, out);
}

static int rfs_lookup(struct ig_vnode *dirvn, const char *name, size_t len,
                      struct ig_vnode **out)
{
    return find(dirvn, name, len, out, 0);
}

static int rfs_lookup_link(struct ig_vnode *dirvn, const char *name, size_t len,
                           struct ig_vnode **out)
{
    return find(dirvn, name, len, out, 1);
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
    int err = ig_rfs_path(dir, name, len, path, sizeof(path));

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

static int rfs_remove(struct ig_vnode *dirvn, const char *name, size_t len,
                      struct ig_vnode *vn)
{
    struct rfs_node *n = RN(vn);
    char path[IG_PATH_MAX];
    int err = ig_rfs_path(n, NULL, 0, path, sizeof(path));

    (void)dirvn;
    (void)name;
    (void)len;
    if (!err)
        err = n->m->be->unlink(n->m->ctx, path, S_ISDIR(vn->mode));
    if (!err)
        drop(n);
    return err;
}

/* A cached node has one name (its own), so (dir, oldname) is (vn)'s. */
static int rfs_rename(struct ig_vnode *dir, const char *oldname, size_t oldlen,
                      struct ig_vnode *vn, struct ig_vnode *newdir,
                      const char *name, size_t len)
{
    struct rfs_node *n = RN(vn), *nd = RN(newdir), *old;
    char from[IG_PATH_MAX], to[IG_PATH_MAX];
    char *nm = malloc(len + 1);
    int err = nm ? 0 : -ENOMEM;

    (void)dir;
    (void)oldname;
    (void)oldlen;
    if (!err)
        err = ig_rfs_path(n, NULL, 0, from, sizeof(from));
    if (!err)
        err = ig_rfs_path(nd, name, len, to, sizeof(to));
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
    ig_list_push_head(&nd->children, &n->entry);
    n->linked = 1;
    return 0;
}

static int rfs_truncate(struct ig_vnode *vn, off_t len)
{
    struct rfs_node *n = RN(vn);
    char path[IG_PATH_MAX];
    int err = ig_rfs_path(n, NULL, 0, path, sizeof(path));

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

static int rfs_getattr(struct ig_vnode *vn, struct stat *st)
{
    struct rfs_node *n = RN(vn);
    struct ig_plat_hostdir_stat a;
    char path[IG_PATH_MAX];
    int err = ig_rfs_path(n, NULL, 0, path, sizeof(path));

    if (!err)
        err = n->m->be->stat(n->m->ctx, path, &a);
    if (err)
        return err;
    set_attr(vn, &a);
    ig_rfs_fill_stat(vn, &a, st);
    return 0;
}

static int rfs_symlink(struct ig_vnode *dirvn, const char *name, size_t len,
                       const char *target)
{
    struct rfs_node *dir = RN(dirvn);
    char path[IG_PATH_MAX];
    int err = ig_rfs_path(dir, name, len, path, sizeof(path));

    return err ? err : dir->m->be->symlink(dir->m->ctx, target, path);
}

static ssize_t rfs_readlink(struct ig_vnode *dirvn, const char *name,
                            size_t len, char *buf, size_t cap)
{
    struct rfs_node *dir = RN(dirvn);
    char path[IG_PATH_MAX];
    int err = ig_rfs_path(dir, name, len, path, sizeof(path));

    return err ? err : dir->m->be->readlink(dir->m->ctx, path, buf, cap);
}

static int rfs_lstat(struct ig_vnode *dirvn, const char *name, size_t len,
                     struct stat *st)
{
    struct rfs_node *dir = RN(dirvn);
    struct ig_plat_hostdir_stat a;
    char path[IG_PATH_MAX];
    int err = ig_rfs_path(dir, name, len, path, sizeof(path));

    if (!err)
        err = dir->m->be->lstat(dir->m->ctx, path, &a);
    if (!err)
        ig_rfs_fill_stat(dirvn, &a, st);
    return err;
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
    .lookup_link = rfs_lookup_link,
    .create = rfs_create,
    .remove = rfs_remove,
    .rename = rfs_rename,
    .truncate = rfs_truncate,
    .free = rfs_free,
    .open = ig_rfs_open,
    .getattr = rfs_getattr,
    .symlink = rfs_symlink,
    .readlink = rfs_readlink,
    .lstat = rfs_lstat,
    .utimens = ig_rfs_utimens,
    .chmod = ig_rfs_chmod,
    .statfs = ig_rfs_statfs,
    .rename_replaces = 1,
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
