/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* ramfs_link.c: hard links on ramfs: extra names of a file. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ramfs_internal.h"

struct ramfs_link {
    struct ramfs_dent d;
    char name[];
};

/* Linux's ramfs counts links in 32 bits; this keeps ours from wrapping. */
#define RAMFS_LINK_MAX 65000u

static struct ramfs_link *link_new(struct ig_vnode *dir, const char *name,
                                   size_t len, struct ramfs_node *n)
{
    struct ramfs_link *a = malloc(sizeof(*a) + len + 1);

    if (!a)
        return NULL;
    memcpy(a->name, name, len);
    a->name[len] = '\0';
    a->d = (struct ramfs_dent){.node = n, .name = a->name};
    ig_list_push_head(&RN(dir)->children, &a->d.entry);
    dir->nchildren++;
    return a;
}

int ig_ramfs_link(struct ig_vnode *dir, const char *name, size_t len,
                  struct ig_vnode *vn)
{
    if (vn->nlink >= RAMFS_LINK_MAX)
        return -EMLINK;
    if (!link_new(dir, name, len, RN(vn)))
        return -ENOSPC;
    vn->nlink++;
    ig_vnode_hold(vn);
    return 0;
}

int ig_ramfs_link_move(struct ig_vnode *dir, const char *name, size_t len,
                       struct ig_vnode *newdir, const char *newname,
                       size_t newlen)
{
    struct ramfs_link *a = NULL;

    IG_LIST_FOREACH(l, &RN(dir)->children)
    {
        struct ramfs_dent *d = IG_RAMFS_DENT(l);
        if (strlen(d->name) == len && !memcmp(d->name, name, len)) {
            if (d == &d->node->self)
                return 1;
            a = (struct ramfs_link *)d;
            break;
        }
    }
    if (!a)
        return -ENOENT;
    struct ig_vnode *vn = &a->d.node->vn;
    if (newdir) { /* the new name first: the old one's reference moves */
        if (!link_new(newdir, newname, newlen, a->d.node))
            return -ENOSPC;
    } else {
        vn->nlink--;
    }
    ig_list_remove(&RN(dir)->children, &a->d.entry);
    dir->nchildren--;
    free(a);
    if (!newdir)
        ig_vnode_put(vn);
    return 0;
}
