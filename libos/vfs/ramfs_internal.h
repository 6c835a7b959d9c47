/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* ramfs_internal.h: what ramfs.c and ramfs_link.c (hard links) share. */
#ifndef INGOT_RAMFS_INTERNAL_H
#define INGOT_RAMFS_INTERNAL_H

#include <ingot/list.h>

#include "vfs_internal.h"

/*
 * A directory lists names: each node's own (self, embedded: vn.name in
 * vn.parent) and, in images that call link(), extra names of a file
 * (struct ramfs_link in ramfs_link.c).  Each name holds one reference
 * on its node and counts in vn.nlink.  A file's own name may go while
 * extra ones stay; its vn.name and vn.parent then keep the old ones,
 * which only directories (always exactly one name) are asked for.
 */
struct ramfs_node;
struct ramfs_dent {
    struct ig_link entry; /* in the directory's children */
    struct ramfs_node *node;
    const char *name; /* self: NULL once that name was removed */
};

struct ramfs_node {
    struct ig_vnode vn;
    struct ig_list children; /* directories: newest entry first */
    struct ramfs_dent self;  /* its own name */
    char *data;              /* regular files */
    size_t cap;
};

#define IG_RAMFS_DENT(l) IG_LIST_ENTRY(l, struct ramfs_dent, entry)

static inline struct ramfs_node *RN(struct ig_vnode *vn)
{
    return (struct ramfs_node *)vn;
}

/* ramfs_link.c, reached only through these weak references, so that
 * images that never call link() do not carry it (link.c pulls it in).
 * ig_ramfs_link: the vnode op (struct ig_vnode_ops.link).
 * ig_ramfs_link_move: moves the extra name (name) of (dir) to (newname)
 * in (newdir), or removes it when (newdir) is NULL.  Returns 0, 1 when
 * (name) is its node's own name (which ramfs.c moves or removes), -ENOENT
 * or -ENOSPC. */
extern int ig_ramfs_link(struct ig_vnode *dir, const char *name, size_t len,
                         struct ig_vnode *vn) __attribute__((weak));
extern int ig_ramfs_link_move(struct ig_vnode *dir, const char *name,
                              size_t len, struct ig_vnode *newdir,
                              const char *newname, size_t newlen)
    __attribute__((weak));

#endif /* INGOT_RAMFS_INTERNAL_H */
