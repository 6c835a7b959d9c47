/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* vfs_attr.c: the path calls on links, times and filesystem sizes. */
#include <ingot/plat.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <time.h>

#include "vfs_internal.h"

int ig_vfs_lstat(int dirfd, const char *path, struct stat *st)
{
    struct ig_lookup lk;
    /* A trailing slash follows the link (the directory it names). */
    int err = path && *path && path[strlen(path) - 1] != '/'
                  ? ig_vfs_lookup_link_at(dirfd, path, &lk)
                  : ig_vfs_lookup_at(dirfd, path, &lk);

    if (err)
        return err;
    if (!ig_lookup_is_dots(&lk) && !lk.trailing && lk.dir->ops->lstat)
        err = lk.dir->ops->lstat(lk.dir, lk.name, lk.len, st);
    else
        err = lk.vn ? ig_vnode_getattr(lk.vn, st) : ig_lookup_missing(&lk);
    if (!err)
        st->st_dev = lk.dir->dev;
    ig_lookup_done(&lk);
    return err;
}

int ig_vfs_symlink(const char *target, int dirfd, const char *path)
{
    struct ig_lookup lk;
    int err;

    if (!target)
        return -EFAULT;
    err = ig_vfs_lookup_link_at(dirfd, path, &lk);
    if (err)
        return err;
    if (lk.vn || ig_lookup_is_dots(&lk))
        err = -EEXIST;
    else if (lk.trailing) /* a link is not a directory */
        err = -ENOENT;
    else if (!*target)
        err = -ENOENT;
    else if (ig_vnode_rdonly(lk.dir))
        err = -EROFS;
    else if (!lk.dir->ops->symlink)
        err = -EPERM;
    else
        err = lk.dir->ops->symlink(lk.dir, lk.name, lk.len, target);
    ig_lookup_done(&lk);
    return err;
}

ssize_t ig_vfs_readlink(int dirfd, const char *path, char *buf, size_t cap)
{
    struct ig_lookup lk;
    ssize_t err = path && *path && path[strlen(path) - 1] != '/'
                      ? ig_vfs_lookup_link_at(dirfd, path, &lk)
                      : ig_vfs_lookup_at(dirfd, path, &lk);

    if (err)
        return err;
    if (lk.trailing || ig_lookup_is_dots(&lk) || !lk.dir->ops->readlink)
        err = lk.vn ? -EINVAL : ig_lookup_missing(&lk); /* "link/" follows */
    else
        err = lk.dir->ops->readlink(lk.dir, lk.name, lk.len, buf, cap);
    ig_lookup_done(&lk);
    return err;
}

/* Sets (vn)'s times to (ts) (NULL: both now). */
static int vn_utimens(struct ig_vnode *vn, const struct timespec *ts)
{
    struct timespec t[2] = {{0, UTIME_NOW}, {0, UTIME_NOW}};

    if (ts) {
        for (int i = 0; i < 2; i++)
            if (ts[i].tv_nsec != UTIME_NOW && ts[i].tv_nsec != UTIME_OMIT &&
                (ts[i].tv_nsec < 0 || ts[i].tv_nsec >= 1000000000))
                return -EINVAL;
        t[0] = ts[0];
        t[1] = ts[1];
    }
    if (ig_vnode_rdonly(vn))
        return -EROFS;
    if (vn->ops->utimens)
        return vn->ops->utimens(vn, t);
    /* ramfs keeps one time, the modification time.  The clock comes from
     * the platform: libc's clock_gettime() may yield, and nothing between
     * two blocking points of the VFS may. */
    if (t[1].tv_nsec == UTIME_NOW) {
        uint64_t ns = ig_plat_clock_wall();
        vn->mtime.tv_sec = (time_t)(ns / 1000000000u);
        vn->mtime.tv_nsec = (long)(ns % 1000000000u);
    } else if (t[1].tv_nsec != UTIME_OMIT)
        vn->mtime = t[1];
    return 0;
}

int ig_vfs_utimens(int dirfd, const char *path, const struct timespec *ts,
                   int flags)
{
    struct ig_lookup lk;
    int err;

    if (flags & ~AT_SYMLINK_NOFOLLOW)
        return -EINVAL;
    err = ig_vfs_lookup_at(dirfd, path, &lk);
    if (err)
        return err;
    err = lk.vn ? vn_utimens(lk.vn, ts) : -ENOENT;
    ig_lookup_done(&lk);
    return err;
}

int ig_vfs_futimens(int fd, const struct timespec *ts)
{
    struct ig_file *f = ig_fd_get(fd);

    if (!f)
        return -EBADF;
    if (!f->vn)
        return -EINVAL;
    return vn_utimens(f->vn, ts);
}

static int vn_statfs(struct ig_vnode *vn, struct ig_statfs *out)
{
    memset(out, 0, sizeof(*out));
    out->type = IG_STATFS_RAMFS;
    out->bsize = 4096;
    out->namemax = IG_NAME_MAX;
    out->rdonly = ig_vnode_rdonly(vn);
    return vn->ops->statfs ? vn->ops->statfs(vn, out) : 0;
}

int ig_vfs_statfs(const char *path, struct ig_statfs *out)
{
    struct ig_lookup lk;
    int err = ig_vfs_lookup_at(AT_FDCWD, path, &lk);

    if (err)
        return err;
    err = lk.vn ? vn_statfs(lk.vn, out) : -ENOENT;
    ig_lookup_done(&lk);
    return err;
}

int ig_vfs_fstatfs(int fd, struct ig_statfs *out)
{
    struct ig_file *f = ig_fd_get(fd);

    if (!f)
        return -EBADF;
    return f->vn ? vn_statfs(f->vn, out) : -EINVAL;
}
