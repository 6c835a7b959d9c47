/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* ramfs.c: in-memory filesystem that backs the root and /dev. */
#include <ingot/list.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ramfs_internal.h"

/* Past what a single heap object may be (PTRDIFF_MAX) nothing can fit. */
#define RAMFS_MAX_SIZE ((size_t)PTRDIFF_MAX)

static const struct ig_vnode_ops ramfs_ops;
static const struct ig_vnode_ops ramfs_dev_ops;
static ino_t next_ino = 1;
static dev_t next_dev = 1;

static void link_node(struct ig_vnode *dir, struct ramfs_node *n)
{
    ig_list_push_head(&RN(dir)->children, &n->self.entry);
    dir->nchildren++;
}

static void unlink_node(struct ig_vnode *dir, struct ramfs_node *n)
{
    ig_list_remove(&RN(dir)->children, &n->self.entry);
    dir->nchildren--;
}

/* Whether (n) surely has one name, its own, so that the call that found
 * it by name is about that one; else ramfs_link.c (which images that call
 * link() carry) decides, doing the work for an extra name (a hard link). */
static int one_name(struct ramfs_node *n)
{
    return n->vn.nlink == 1 && n->self.name;
}

static int other_name(struct ig_vnode *dir, const char *name, size_t len,
                      struct ig_vnode *newdir, const char *newname,
                      size_t newlen)
{
    return &ig_ramfs_link_move
               ? ig_ramfs_link_move(dir, name, len, newdir, newname, newlen)
               : -ENOENT;
}

static struct ramfs_node *node_new(struct ig_vnode *dir, const char *name,
                                   size_t len, mode_t mode)
{
    struct ramfs_node *n = calloc(1, sizeof(*n));

    if (!n)
        return NULL;
    n->vn.name = malloc(len + 1);
    if (!n->vn.name) {
        free(n);
        return NULL;
    }
    memcpy(n->vn.name, name, len);
    n->vn.name[len] = '\0';
    n->self.node = n;
    n->self.name = n->vn.name;
    n->vn.ops = &ramfs_ops;
    n->vn.mode = mode;
    n->vn.ino = next_ino++;
    n->vn.refs = 1; /* the directory entry */
    n->vn.nlink = 1;
    n->vn.dev = dir ? dir->dev : next_dev++;
    n->vn.parent = dir;
    if (dir)
        link_node(dir, n);
    return n;
}

struct ig_vnode *ig_ramfs_new(void)
{
    struct ramfs_node *n = node_new(NULL, "", 0, S_IFDIR | 0755);

    if (!n)
        return NULL;
    n->vn.parent = &n->vn;
    return &n->vn;
}

static int ramfs_lookup(struct ig_vnode *dir, const char *name, size_t len,
                        struct ig_vnode **out)
{
    IG_LIST_FOREACH(l, &RN(dir)->children)
    {
        struct ramfs_dent *d = IG_RAMFS_DENT(l);
        if (strlen(d->name) == len && !memcmp(d->name, name, len)) {
            *out = &d->node->vn;
            return 0;
        }
    }
    return -ENOENT;
}

static int ramfs_create(struct ig_vnode *dir, const char *name, size_t len,
                        mode_t mode, struct ig_vnode **out)
{
    struct ramfs_node *n = node_new(dir, name, len, mode);

    if (!n)
        return -ENOSPC;
    *out = &n->vn;
    return 0;
}

/* A name other than the node's own is a hard link: ramfs_link.c, which
 * only images that call link() carry, handles it. */
static int ramfs_remove(struct ig_vnode *dir, const char *name, size_t len,
                        struct ig_vnode *vn)
{
    if (!one_name(RN(vn))) {
        int r = other_name(dir, name, len, NULL, NULL, 0);
        if (r != 1) /* 1: the node's own name after all */
            return r;
    }
    unlink_node(dir, RN(vn));
    RN(vn)->self.name = NULL; /* its own name is gone (vn.name stays) */
    vn->nlink--;
    ig_vnode_put(vn); /* the directory entry's reference */
    return 0;
}

static int ramfs_rename(struct ig_vnode *dir, const char *name, size_t len,
                        struct ig_vnode *vn, struct ig_vnode *newdir,
                        const char *newname, size_t newlen)
{
    if (!one_name(RN(vn))) {
        int r = other_name(dir, name, len, newdir, newname, newlen);
        if (r != 1) /* 1: the node's own name after all */
            return r;
    }
    char *nm = malloc(newlen + 1);
    if (!nm)
        return -ENOSPC;
    memcpy(nm, newname, newlen);
    nm[newlen] = '\0';
    unlink_node(dir, RN(vn));
    free(vn->name);
    vn->name = nm;
    RN(vn)->self.name = nm;
    vn->parent = newdir;
    link_node(newdir, RN(vn));
    return 0;
}

static int ramfs_readdir(struct ig_vnode *dir, long pos, struct ig_dirent *out)
{
    struct ig_link *l = RN(dir)->children.first;

    while (l && pos-- > 0)
        l = l->next;
    if (!l)
        return 0;
    struct ramfs_dent *d = IG_RAMFS_DENT(l);
    out->ino = d->node->vn.ino;
    out->type = ig_vfs_dtype(d->node->vn.mode);
    strncpy(out->name, d->name, IG_NAME_MAX);
    out->name[IG_NAME_MAX] = '\0';
    return 1;
}

static ssize_t ramfs_read(struct ig_vnode *vn, void *buf, size_t len, off_t off)
{
    if (off >= vn->size)
        return 0;
    if ((off_t)len > vn->size - off)
        len = (size_t)(vn->size - off);
    memcpy(buf, RN(vn)->data + off, len);
    return (ssize_t)len;
}

/* Files live in one buffer, so a file no allocation can hold is -EFBIG
 * before any attempt; the doubling stops short of wrapping. */
static int reserve(struct ramfs_node *n, size_t size)
{
    if (size <= n->cap)
        return 0;
    if (size > RAMFS_MAX_SIZE)
        return -EFBIG;
    size_t cap = n->cap ? n->cap : 64;
    while (cap < size)
        cap = cap > RAMFS_MAX_SIZE / 2 ? size : cap * 2;
    char *d = realloc(n->data, cap);
    if (!d)
        return -ENOSPC;
    memset(d + n->cap, 0, cap - n->cap);
    n->data = d;
    n->cap = cap;
    return 0;
}

static ssize_t ramfs_write(struct ig_vnode *vn, const void *buf, size_t len,
                           off_t off)
{
    if (len == 0) /* no data, and the size stays as it is (Linux) */
        return 0;
    int err = reserve(RN(vn), (size_t)off + len);

    if (err)
        return err;
    memcpy(RN(vn)->data + off, buf, len);
    if (off + (off_t)len > vn->size)
        vn->size = off + (off_t)len;
    return (ssize_t)len;
}

static int ramfs_truncate(struct ig_vnode *vn, off_t len)
{
    struct ramfs_node *n = RN(vn);

    if ((size_t)len > n->cap) {
        int err = reserve(n, (size_t)len);
        if (err)
            return err;
    } else if (len < vn->size) {
        /* Bytes past the end must read as zero if the file grows again. */
        memset(n->data + len, 0, (size_t)(vn->size - len));
    }
    vn->size = len;
    return 0;
}

static void ramfs_free(struct ig_vnode *vn)
{
    free(RN(vn)->data);
    free(vn->name);
    free(vn);
}

static const struct ig_vnode_ops ramfs_ops = {
    .lookup = ramfs_lookup,
    .create = ramfs_create,
    .remove = ramfs_remove,
    .rename = ramfs_rename,
    .link = ig_ramfs_link,
    .readdir = ramfs_readdir,
    .read = ramfs_read,
    .write = ramfs_write,
    .truncate = ramfs_truncate,
    .free = ramfs_free,
};

/* Device nodes keep the ramfs node but forward reads and writes to the
 * device's operations, kept in priv. */
static ssize_t dev_read(struct ig_vnode *vn, void *buf, size_t len, off_t off)
{
    const struct ig_vnode_ops *d = vn->priv;
    return d->read ? d->read(vn, buf, len, off) : -EINVAL;
}

static ssize_t dev_write(struct ig_vnode *vn, const void *buf, size_t len,
                         off_t off)
{
    const struct ig_vnode_ops *d = vn->priv;
    return d->write ? d->write(vn, buf, len, off) : -EINVAL;
}

static int dev_open(struct ig_vnode *vn, struct ig_file *f, int flags)
{
    const struct ig_vnode_ops *d = vn->priv;
    return d->open ? d->open(vn, f, flags) : 0;
}

static const struct ig_vnode_ops ramfs_dev_ops = {
    .rename = ramfs_rename,
    .open = dev_open,
    .read = dev_read,
    .write = dev_write,
    .free = ramfs_free,
};

int ig_ramfs_mknod(struct ig_vnode *dir, const char *name,
                   const struct ig_vnode_ops *ops, unsigned flags)
{
    struct ramfs_node *n = node_new(dir, name, strlen(name), S_IFCHR | 0666);

    if (!n)
        return -ENOMEM;
    n->vn.ops = &ramfs_dev_ops;
    n->vn.priv = (void *)ops;
    n->vn.flags = flags;
    return 0;
}
