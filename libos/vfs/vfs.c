/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* vfs.c: the calls that take path names. */
/* O_TMPFILE is a GNU extension in newlib and glibc alike. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "vfs_internal.h"

static mode_t cmask = 022;

mode_t ig_vfs_umask(mode_t mask)
{
    mode_t old = cmask;
    cmask = mask & 0777;
    return old;
}

/* (path) from (dirfd), its last component followed if it is a symbolic
 * link (follow) or not. */
static int lookup_at(int dirfd, const char *path, struct ig_lookup *lk,
                     int follow)
{
    struct ig_vnode *start;
    int err;

    if (!path)
        return -EFAULT;
    err = ig_vfs_start(dirfd, path, &start);
    if (err)
        return err;
    return follow ? ig_vfs_lookup(start, path, lk)
                  : ig_vfs_lookup_link(start, path, lk);
}

int ig_vfs_lookup_at(int dirfd, const char *path, struct ig_lookup *lk)
{
    return lookup_at(dirfd, path, lk, 1);
}

int ig_vfs_lookup_link_at(int dirfd, const char *path, struct ig_lookup *lk)
{
    return lookup_at(dirfd, path, lk, 0);
}

/* O_TMPFILE: a file with no name in directory (lk->vn), created under a
 * private name and unlinked at once. */
static int open_unnamed(struct ig_lookup *lk, int flags, mode_t mode)
{
    static unsigned long seq;
    char name[32];
    struct ig_vnode *vn;
    int acc = flags & O_ACCMODE, err, fd;

    if (acc == O_RDONLY || (flags & O_CREAT))
        return -EINVAL;
    if (!S_ISDIR(lk->vn->mode))
        return -ENOTDIR;
    if (ig_vnode_rdonly(lk->vn))
        return -EROFS;
    if (lk->vn->ops->getattr)
        return -EOPNOTSUPP; /* volumes */
    int n = 0;
    unsigned long v = ++seq;
    do
        name[n++] = (char)('0' + v % 10);
    while ((v /= 10) && n < 20);
    memcpy(name + n, ".tmpfile", 9);
    n += 8;
    err = lk->vn->ops->create(lk->vn, name, (size_t)n,
                              S_IFREG | (mode & 0777 & ~cmask), &vn);
    if (err)
        return err;
    ig_vnode_hold(vn);
    fd = ig_vnode_open(vn, flags & ~O_TMPFILE);
    lk->vn->ops->remove(lk->vn, name, (size_t)n, vn);
    if (!(flags & O_EXCL))
        vn->flags |= IG_VNODE_LINKABLE;
    ig_vnode_put(vn);
    return fd;
}

int ig_vfs_open(int dirfd, const char *path, int flags, mode_t mode)
{
    struct ig_lookup lk;
    int acc = flags & O_ACCMODE;
    /* O_NOFOLLOW and O_CREAT|O_EXCL act on a link itself, unless a
     * trailing slash asks for what it points to. */
    int link =
        ((flags & O_NOFOLLOW) || ((flags & O_CREAT) && (flags & O_EXCL))) &&
        path && *path && path[strlen(path) - 1] != '/';
    int err = link ? ig_vfs_lookup_link_at(dirfd, path, &lk)
                   : ig_vfs_lookup_at(dirfd, path, &lk);

    if (err)
        return err;
    if (!lk.vn && lk.miss && lk.miss != -ENOENT) {
        err = lk.miss; /* a link loop: nothing to create */
        ig_lookup_done(&lk);
        return err;
    }
    if ((flags & O_TMPFILE) == O_TMPFILE) {
        err = lk.vn ? open_unnamed(&lk, flags, mode) : -ENOENT;
        ig_lookup_done(&lk);
        return err;
    }
    if (!lk.vn) {
        if (!(flags & O_CREAT)) {
            err = ig_lookup_missing(&lk);
        } else if (lk.trailing || (flags & O_DIRECTORY)) {
            err = -EISDIR;
        } else if (ig_vnode_rdonly(lk.dir)) {
            err = -EROFS;
        } else {
            err = lk.dir->ops->create(lk.dir, lk.name, lk.len,
                                      S_IFREG | (mode & 0777 & ~cmask), &lk.vn);
            if (!err)
                ig_vnode_hold(lk.vn);
        }
    } else if ((flags & O_CREAT) && (flags & O_EXCL)) {
        err = -EEXIST;
    } else if (S_ISLNK(lk.vn->mode)) {
        err = -ELOOP; /* O_NOFOLLOW */
    } else if (S_ISDIR(lk.vn->mode) && (acc != O_RDONLY || (flags & O_TRUNC))) {
        err = -EISDIR;
    } else if ((flags & O_DIRECTORY) && !S_ISDIR(lk.vn->mode)) {
        err = -ENOTDIR;
    } else if (ig_vnode_rdonly(lk.vn) && S_ISREG(lk.vn->mode) &&
               (acc != O_RDONLY || (flags & O_TRUNC))) {
        err = -EROFS;
    } else if ((flags & O_TRUNC) && S_ISREG(lk.vn->mode) && acc != O_RDONLY) {
        err = lk.vn->ops->truncate(lk.vn, 0);
        if (!err && lk.vn->segs && &ig_vfs_seg_truncate)
            ig_vfs_seg_truncate(lk.vn, 0);
    }
    if (!err)
        err = ig_vnode_open(lk.vn, flags);
    ig_lookup_done(&lk);
    return err;
}

int ig_vfs_mksock(const char *path, mode_t mode)
{
    struct ig_lookup lk;
    struct ig_vnode *vn;
    int err = ig_vfs_lookup_link_at(AT_FDCWD, path, &lk);

    if (err)
        return err;
    if (lk.vn)
        err = -EEXIST;
    else if (lk.trailing || lk.len == 0)
        err = -EINVAL;
    else if (ig_vnode_rdonly(lk.dir))
        err = -EROFS;
    else if (lk.dir->ops->getattr)
        err = -EOPNOTSUPP; /* volumes keep no socket nodes */
    else
        err = lk.dir->ops->create(lk.dir, lk.name, lk.len,
                                  S_IFSOCK | (mode & 0777 & ~cmask), &vn);
    ig_lookup_done(&lk);
    return err;
}

int ig_vfs_stat(int dirfd, const char *path, struct stat *st)
{
    struct ig_lookup lk;
    int err = ig_vfs_lookup_at(dirfd, path, &lk);

    if (err)
        return err;
    if (!lk.vn)
        err = ig_lookup_missing(&lk);
    else
        err = ig_vnode_getattr(lk.vn, st);
    ig_lookup_done(&lk);
    return err;
}

int ig_vfs_access(int dirfd, const char *path, int amode)
{
    struct stat st;

    if (amode & ~(R_OK | W_OK | X_OK))
        return -EINVAL;
    return ig_vfs_stat(dirfd, path, &st);
}

int ig_vfs_mkdir(int dirfd, const char *path, mode_t mode)
{
    struct ig_lookup lk;
    struct ig_vnode *vn;
    int err = ig_vfs_lookup_link_at(dirfd, path, &lk);

    if (err)
        return err;
    if (lk.vn)
        err = -EEXIST;
    else if (ig_vnode_rdonly(lk.dir))
        err = -EROFS;
    else
        err = lk.dir->ops->create(lk.dir, lk.name, lk.len,
                                  S_IFDIR | (mode & 0777 & ~cmask), &vn);
    ig_lookup_done(&lk);
    return err;
}

static int busy(struct ig_vnode *vn)
{
    return vn == ig_vfs.root || vn->covers || vn->mounted;
}

int ig_vfs_unlink(int dirfd, const char *path, int flags)
{
    struct ig_lookup lk;
    int err = ig_vfs_lookup_link_at(dirfd, path, &lk);

    if (err)
        return err;
    if (ig_vnode_rdonly(lk.dir))
        err = -EROFS;
    else if (!lk.vn)
        err = -ENOENT;
    else if (flags & AT_REMOVEDIR) {
        if (!S_ISDIR(lk.vn->mode))
            err = -ENOTDIR;
        else if (lk.len == 1 && lk.name[0] == '.')
            err = -EINVAL;
        else if (busy(lk.vn))
            err = -EBUSY;
        else if (ig_lookup_is_dots(&lk) ||
                 (lk.vn->nchildren && !lk.vn->ops->rename_replaces))
            err = -ENOTEMPTY;
    } else if (lk.trailing && !S_ISDIR(lk.vn->mode)) {
        err = -ENOTDIR; /* "link/" */
    } else if (S_ISDIR(lk.vn->mode)) {
        err = -EISDIR;
    }
    if (!err)
        err = lk.dir->ops->remove(lk.dir, lk.name, lk.len, lk.vn);
    ig_lookup_done(&lk);
    return err;
}

/* Whether (a) is (b) or one of its ancestors. */
static int ancestor(struct ig_vnode *a, struct ig_vnode *b)
{
    for (;;) {
        if (a == b)
            return 1;
        if (b == ig_vfs.root || b->covers)
            return 0;
        b = b->parent;
    }
}

int ig_vfs_rename(int olddirfd, const char *old, int newdirfd, const char *new)
{
    struct ig_lookup o, n;
    int err = ig_vfs_lookup_link_at(olddirfd, old, &o);

    if (err)
        return err;
    err = ig_vfs_lookup_link_at(newdirfd, new, &n);
    if (err) {
        ig_lookup_done(&o);
        return err;
    }
    struct ig_vnode *vn = o.vn;
    if (ig_vnode_rdonly(o.dir) || ig_vnode_rdonly(n.dir))
        err = o.dir->dev == n.dir->dev ? -EROFS : -EXDEV;
    else if (!vn)
        err = -ENOENT;
    else if (ig_lookup_is_dots(&o) || ig_lookup_is_dots(&n))
        err = n.len == 0 || o.len == 0 ? -EBUSY : -EINVAL;
    else if (busy(vn) || (n.vn && busy(n.vn)))
        err = -EBUSY;
    else if (vn->dev != n.dir->dev)
        err = -EXDEV;
    else if ((n.trailing || o.trailing) && !S_ISDIR(vn->mode))
        err = -ENOTDIR;
    else if (n.vn == vn)
        err = 0; /* the same file: nothing to do */
    else if (S_ISDIR(vn->mode) && ancestor(vn, n.dir))
        err = -EINVAL;
    else if (n.vn && S_ISDIR(n.vn->mode) && ancestor(n.vn, o.dir))
        err = -ENOTEMPTY; /* (new) is above (old): Linux's answer */
    else if (n.vn && S_ISDIR(vn->mode) && !S_ISDIR(n.vn->mode))
        err = -ENOTDIR;
    else if (n.vn && !S_ISDIR(vn->mode) && S_ISDIR(n.vn->mode))
        err = -EISDIR;
    else if (n.vn && S_ISDIR(n.vn->mode) && n.vn->nchildren &&
             !vn->ops->rename_replaces)
        err = -ENOTEMPTY;
    else {
        if (n.vn && !vn->ops->rename_replaces)
            err = n.dir->ops->remove(n.dir, n.name, n.len, n.vn);
        if (!err)
            err =
                vn->ops->rename(o.dir, o.name, o.len, vn, n.dir, n.name, n.len);
    }
    ig_lookup_done(&n);
    ig_lookup_done(&o);
    return err;
}

/* Truncates (vn), through the open file (f) when its filesystem can. */
static int vn_truncate(struct ig_vnode *vn, struct ig_file *f, off_t len)
{
    if (S_ISDIR(vn->mode))
        return -EISDIR;
    if (!S_ISREG(vn->mode) || len < 0)
        return -EINVAL;
    if (ig_vnode_rdonly(vn))
        return -EROFS;
    int err = f && f->ops->truncate ? f->ops->truncate(f, len)
                                    : vn->ops->truncate(vn, len);
    if (!err && vn->segs && &ig_vfs_seg_truncate)
        ig_vfs_seg_truncate(vn, len);
    return err;
}

int ig_vfs_truncate(const char *path, off_t len)
{
    struct ig_lookup lk;
    int err = ig_vfs_lookup_at(AT_FDCWD, path, &lk);

    if (err)
        return err;
    err = lk.vn ? vn_truncate(lk.vn, NULL, len) : -ENOENT;
    ig_lookup_done(&lk);
    return err;
}

int ig_vfs_ftruncate(int fd, off_t len)
{
    struct ig_file *f = ig_fd_get(fd);

    if (!f)
        return -EBADF;
    if (!f->vn)
        return -EINVAL;
    if ((f->flags & O_ACCMODE) == O_RDONLY)
        return S_ISDIR(f->vn->mode) ? -EISDIR : -EINVAL;
    return vn_truncate(f->vn, f, len);
}

int ig_vfs_readdir(int fd, struct ig_dirent *out)
{
    struct ig_file *f = ig_fd_get(fd);

    if (!f)
        return -EBADF;
    if (!f->vn || !S_ISDIR(f->vn->mode))
        return -ENOTDIR;
    struct ig_vnode *dir = f->vn;
    if (f->pos < 2) {
        struct ig_vnode *vn = f->pos == 0 ? dir : dir->parent;
        out->ino = vn->ino;
        out->type = ig_vfs_dtype(vn->mode);
        strcpy(out->name, f->pos == 0 ? "." : "..");
        f->pos++;
        return 1;
    }
    int r = f->ops->readdir ? f->ops->readdir(f, out)
                            : dir->ops->readdir(dir, f->pos - 2, out);
    if (r > 0)
        f->pos++;
    return r;
}

int ig_vfs_chdir(const char *path)
{
    struct ig_lookup lk;
    int err = ig_vfs_lookup_at(AT_FDCWD, path, &lk);

    if (err)
        return err;
    if (!lk.vn)
        err = -ENOENT;
    else if (!S_ISDIR(lk.vn->mode))
        err = -ENOTDIR;
    else {
        ig_vnode_hold(lk.vn);
        ig_vnode_put(ig_vfs.cwd);
        ig_vfs.cwd = lk.vn;
    }
    ig_lookup_done(&lk);
    return err;
}

int ig_vfs_getcwd(char *buf, size_t size)
{
    return ig_vnode_path(ig_vfs.cwd, buf, size);
}
