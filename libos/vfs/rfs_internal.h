/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* rfs_internal.h: what rfs.c (vnodes) and rfs_file.c (open files) share. */
#ifndef INGOT_RFS_INTERNAL_H
#define INGOT_RFS_INTERNAL_H

#include <ingot/list.h>
#include <ingot/plat.h>

#include "vfs_internal.h"

struct rfs_mount {
    const struct ig_rfs_backend *be;
    void *ctx;
    unsigned flags; /* IG_VNODE_RDONLY or 0 */
    dev_t dev;
    struct rfs_node *root;
};

struct rfs_node {
    struct ig_vnode vn;
    struct ig_list children; /* the cached ones, newest first */
    struct ig_link entry;    /* in its parent's children while linked */
    struct rfs_mount *m;
    int linked;  /* in its parent's list */
    int pending; /* handle from create, for the open that follows, or -1 */
};

static inline struct rfs_node *RN(struct ig_vnode *vn)
{
    return (struct rfs_node *)vn;
}

#define RFS_ENTRY(l) IG_LIST_ENTRY(l, struct rfs_node, entry)

/* rfs.c: writes the path of (n) below its filesystem's root into (buf) of
 * (cap) bytes ("." for the root), with "/" and the (len) bytes of (name)
 * appended when (name) is not NULL.  Returns 0, -ENAMETOOLONG, or -ENOENT
 * for a node that is no longer linked. */
int ig_rfs_path(struct rfs_node *n, const char *name, size_t len, char *buf,
                size_t cap);

/* rfs_file.c: the vnode operations that work through a handle: open
 * (returns the storage's error, -ENOMEM), utimens, chmod and statfs (each opens
 * the file for the call: the storage's errors). */
int ig_rfs_open(struct ig_vnode *vn, struct ig_file *f, int flags);
int ig_rfs_utimens(struct ig_vnode *vn, const struct timespec ts[2]);
int ig_rfs_chmod(struct ig_vnode *vn, mode_t mode);
int ig_rfs_statfs(struct ig_vnode *vn, struct ig_statfs *out);
/* Fills (st) for (vn) from the storage's attributes (a). */
void ig_rfs_fill_stat(struct ig_vnode *vn, const struct ig_plat_hostdir_stat *a,
                      struct stat *st);

#endif /* INGOT_RFS_INTERNAL_H */
