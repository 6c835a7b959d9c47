/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* link.c: linkat(2), hard links between names of one filesystem. */
/* AT_EMPTY_PATH is a GNU extension in newlib and glibc alike. */
#ifndef _GNU_SOURCE
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#endif
#include <errno.h>
#include <fcntl.h>

#include "vfs_internal.h"

/* ramfs reaches its hard links (ramfs_link.c) only through weak
 * references (ramfs_internal.h); this strong one brings them into the
 * images that call link(). */
int ig_ramfs_link(struct ig_vnode *dir, const char *name, size_t len,
                  struct ig_vnode *vn);
__attribute__((used)) static int (*const ramfs_links)(
    struct ig_vnode *, const char *, size_t, struct ig_vnode *) = ig_ramfs_link;

/* Linux's order: the old name, then the new one (EEXIST, then EROFS),
 * then the filesystems (EXDEV), then the file (EPERM for a directory). */
static int link_vnode(struct ig_vnode *vn, int newdirfd, const char *new)
{
    struct ig_lookup n;
    int err = ig_vfs_lookup_link_at(newdirfd, new, &n);

    if (err)
        return err;
    if (n.vn || ig_lookup_is_dots(&n))
        err = -EEXIST;
    else if (n.trailing)
        err = -ENOENT;
    else if (ig_vnode_rdonly(n.dir))
        err = -EROFS;
    else if (vn->dev != n.dir->dev)
        err = -EXDEV;
    else if (!n.dir->ops->link || S_ISDIR(vn->mode))
        err = -EPERM;
    else if (vn->nlink == 0 && !(vn->flags & IG_VNODE_LINKABLE))
        err = -ENOENT; /* unlinked, and not an O_TMPFILE file */
    else
        err = n.dir->ops->link(n.dir, n.name, n.len, vn);
    ig_lookup_done(&n);
    return err;
}

int ig_vfs_link(int olddirfd, const char *old, int newdirfd, const char *new,
                int flags)
{
    struct ig_lookup o;
    int err;

    if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    if (!old || !new)
        return -EFAULT;
    if ((flags & AT_EMPTY_PATH) && !*old) {
        struct ig_vnode *vn;
        if (olddirfd == AT_FDCWD) {
            vn = ig_vfs.cwd;
        } else {
            struct ig_file *f = ig_fd_get(olddirfd);
            if (!f)
                return -EBADF;
            if (!f->vn)
                return -EXDEV; /* pipes, sockets: another filesystem */
            vn = f->vn;
        }
        ig_vnode_hold(vn);
        err = link_vnode(vn, newdirfd, new);
        ig_vnode_put(vn);
        return err;
    }
    err = ig_vfs_lookup_at(olddirfd, old, &o);
    if (err)
        return err;
    err = o.vn ? link_vnode(o.vn, newdirfd, new) : -ENOENT;
    ig_lookup_done(&o);
    return err;
}
