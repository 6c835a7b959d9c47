/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* vfs_mode.c: chmod(2) and chown(2): modes and owners kept on vnodes. */
#include <errno.h>
#include <fcntl.h>

#include "vfs_internal.h"

/* Volumes keep their files' modes and owners on the host and have no call
 * to change them, so a change there fails with -EPERM, as on a Linux
 * filesystem without them (vfat); read-only mounts say -EROFS first. */
static int can_change(struct ig_vnode *vn)
{
    if (ig_vnode_rdonly(vn))
        return -EROFS;
    return vn->ops->getattr ? -EPERM : 0;
}

static int set_mode(struct ig_vnode *vn, mode_t mode)
{
    int err = can_change(vn);

    if (!err)
        vn->mode = (vn->mode & S_IFMT) | (mode & 07777);
    return err;
}

/* -1 (as uid_t and gid_t) leaves the owner or group unchanged. */
static int set_owner(struct ig_vnode *vn, uid_t uid, gid_t gid)
{
    int err = can_change(vn);

    if (err)
        return err;
    if (uid != (uid_t)-1)
        vn->uid = uid;
    if (gid != (gid_t)-1)
        vn->gid = gid;
    /* Linux clears set-user-ID and set-group-ID on a change of owner. */
    if (!S_ISDIR(vn->mode) && (uid != (uid_t)-1 || gid != (gid_t)-1))
        vn->mode &= ~(mode_t)(S_ISUID | S_ISGID);
    return 0;
}

/* Looks (path) up from (dirfd); AT_EMPTY_PATH is not supported (there
 * are no links to follow or not: the VFS never follows one). */
static int at(int dirfd, const char *path, int flags, struct ig_lookup *lk)
{
    if (flags & ~AT_SYMLINK_NOFOLLOW)
        return -EINVAL;
    int err = ig_vfs_lookup_at(dirfd, path, lk);
    if (!err && !lk->vn) {
        ig_lookup_done(lk);
        err = -ENOENT;
    }
    return err;
}

int ig_vfs_chmod(int dirfd, const char *path, mode_t mode, int flags)
{
    struct ig_lookup lk;
    int err = at(dirfd, path, flags, &lk);

    if (err)
        return err;
    err = set_mode(lk.vn, mode);
    ig_lookup_done(&lk);
    return err;
}

int ig_vfs_fchmod(int fd, mode_t mode)
{
    struct ig_file *f = ig_fd_get(fd);

    if (!f)
        return -EBADF;
    return f->vn ? set_mode(f->vn, mode) : 0; /* pipes, sockets: no-op */
}

int ig_vfs_chown(int dirfd, const char *path, uid_t uid, gid_t gid, int flags)
{
    struct ig_lookup lk;
    int err = at(dirfd, path, flags, &lk);

    if (err)
        return err;
    err = set_owner(lk.vn, uid, gid);
    ig_lookup_done(&lk);
    return err;
}

int ig_vfs_fchown(int fd, uid_t uid, gid_t gid)
{
    struct ig_file *f = ig_fd_get(fd);

    if (!f)
        return -EBADF;
    return f->vn ? set_owner(f->vn, uid, gid) : 0;
}
