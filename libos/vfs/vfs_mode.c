/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* vfs_mode.c: chmod(2) and chown(2): modes and owners kept on vnodes. */
#include <errno.h>
#include <fcntl.h>

#include "vfs_internal.h"

/*
 * Volumes: modes pass through to the host file (the vnode's chmod op);
 * owners stay the host's.  The guest sees every file of a volume as its
 * own (stat reports uid and gid 0, the user the image starts as), so a
 * chown to those ids, or -1, changes nothing and succeeds, as chown to
 * one's own ids does on Linux; any other owner is -EPERM, Linux's answer
 * to an unprivileged chown to another user: the host's ownership is not
 * the guest's to give away (docs/porting.md).  Read-only mounts say
 * -EROFS first, as Linux checks the mount before anything else.
 */
static int set_mode(struct ig_vnode *vn, mode_t mode)
{
    if (ig_vnode_rdonly(vn))
        return -EROFS;
    if (vn->ops->chmod)
        return vn->ops->chmod(vn, mode & 07777);
    if (vn->ops->getattr)
        return -EPERM;
    vn->mode = (vn->mode & S_IFMT) | (mode & 07777);
    return 0;
}

/* -1 (as uid_t and gid_t) leaves the owner or group unchanged. */
static int set_owner(struct ig_vnode *vn, uid_t uid, gid_t gid)
{
    int change = uid != (uid_t)-1 || gid != (gid_t)-1;

    if (ig_vnode_rdonly(vn))
        return -EROFS;
    if (vn->ops->getattr) { /* a volume: see above */
        struct stat st;
        int err = ig_vnode_getattr(vn, &st);
        if (err)
            return err;
        if ((uid != (uid_t)-1 && uid != st.st_uid) ||
            (gid != (gid_t)-1 && gid != st.st_gid))
            return -EPERM;
        /* Linux clears set-user-ID and set-group-ID on a chown, even to
         * the same owner. */
        if (change && !S_ISDIR(st.st_mode) &&
            (st.st_mode & (S_ISUID | S_ISGID)) && vn->ops->chmod)
            return vn->ops->chmod(vn, st.st_mode & 07777 &
                                          ~(mode_t)(S_ISUID | S_ISGID));
        return 0;
    }
    if (uid != (uid_t)-1)
        vn->uid = uid;
    if (gid != (gid_t)-1)
        vn->gid = gid;
    /* Linux clears set-user-ID and set-group-ID on a change of owner. */
    if (!S_ISDIR(vn->mode) && change)
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
