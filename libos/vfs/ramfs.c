/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* ramfs.c: in-memory filesystem that backs the root and /dev. */
#include <ingot/list.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vfs_internal.h"

/*
 * Names are directory entries of their own, so that one file can have
 * several (hard links): a directory lists its entries, a file its names,
 * and each name holds one reference on the file.  The vnode's name and
 * parent (getcwd, "..", /proc-style paths) are those of one of its names,
 * the primary; a file whose last name went keeps that one, unlisted, for
 * its paths until it is freed.  Directories have exactly one name.
 */
struct ramfs_dent {
    struct ig_link entry; /* in the directory's children */
    struct ig_link alias; /* in the node's names */
    struct ramfs_node *node;
    struct ig_vnode *dir;
    size_t len;
    char name[];
};

struct ramfs_node {
    struct ig_vnode vn;
    struct ig_list children;    /* directories: entries, newest first */
    struct ig_list names;       /* this node's entries */
    struct ramfs_dent *primary; /* the name vn.name shows */
    char *data;                 /* regular files */
    size_t cap;
};

#define DENT(l) IG_LIST_ENTRY(l, struct ramfs_dent, entry)
#define ALIAS(l) IG_LIST_ENTRY(l, struct ramfs_dent, alias)
/* Past what a single heap object may be (PTRDIFF_MAX) nothing can fit. */
#define RAMFS_MAX_SIZE ((size_t)PTRDIFF_MAX)
/* Linux's ramfs has no limit below its 32-bit count; this keeps the
 * count (an unsigned int) from wrapping. */
#define RAMFS_LINK_MAX 65000u

static const struct ig_vnode_ops ramfs_ops;
static const struct ig_vnode_ops ramfs_dev_ops;
static ino_t next_ino = 1;
static dev_t next_dev = 1;

static struct ramfs_node *RN(struct ig_vnode *vn)
{
    return (struct ramfs_node *)vn;
}

static struct ramfs_dent *dent_new(const char *name, size_t len)
{
    struct ramfs_dent *d = calloc(1, sizeof(*d) + len + 1);

    if (!d)
        return NULL;
    memcpy(d->name, name, len);
    d->name[len] = '\0';
    d->len = len;
    return d;
}

/* Lists (d) as a name of (n) in (dir); the caller gave (n) the reference
 * the name holds. */
static void dent_add(struct ig_vnode *dir, struct ramfs_dent *d,
                     struct ramfs_node *n)
{
    d->node = n;
    d->dir = dir;
    ig_list_push_head(&RN(dir)->children, &d->entry);
    dir->nchildren++;
    if (ig_list_empty(&n->names)) { /* no name left to show: this one */
        free(n->primary);
        n->primary = d;
        n->vn.name = d->name;
        n->vn.parent = dir;
    }
    ig_list_push_head(&n->names, &d->alias);
    n->vn.nlink++;
}

/* Takes name (d) away from its node and drops the reference it held. */
static void dent_del(struct ramfs_dent *d)
{
    struct ramfs_node *n = d->node;

    ig_list_remove(&RN(d->dir)->children, &d->entry);
    d->dir->nchildren--;
    ig_list_remove(&n->names, &d->alias);
    n->vn.nlink--;
    if (d == n->primary && !ig_list_empty(&n->names)) {
        n->primary = ALIAS(n->names.first);
        n->vn.name = n->primary->name;
        n->vn.parent = n->primary->dir;
    }
    if (d != n->primary)
        free(d);
    ig_vnode_put(&n->vn);
}

static struct ramfs_dent *find(struct ig_vnode *dir, const char *name,
                               size_t len)
{
    IG_LIST_FOREACH(l, &RN(dir)->children)
    {
        struct ramfs_dent *d = DENT(l);
        if (d->len == len && !memcmp(d->name, name, len))
            return d;
    }
    return NULL;
}

static struct ramfs_node *node_new(struct ig_vnode *dir, const char *name,
                                   size_t len, mode_t mode)
{
    struct ramfs_node *n = calloc(1, sizeof(*n));
    struct ramfs_dent *d = dir ? dent_new(name, len) : NULL;

    if (!n || (dir && !d)) {
        free(n);
        free(d);
        return NULL;
    }
    n->vn.name = (char *)"";
    n->vn.ops = &ramfs_ops;
    n->vn.mode = mode;
    n->vn.ino = next_ino++;
    n->vn.refs = 1; /* the directory entry */
    n->vn.dev = dir ? dir->dev : next_dev++;
    if (dir)
        dent_add(dir, d, n);
    return n;
}

struct ig_vnode *ig_ramfs_new(void)
{
    struct ramfs_node *n = node_new(NULL, "", 0, S_IFDIR | 0755);

    if (!n)
        return NULL;
    n->vn.parent = &n->vn;
    n->vn.nlink = 1;
    return &n->vn;
}

static int ramfs_lookup(struct ig_vnode *dir, const char *name, size_t len,
                        struct ig_vnode **out)
{
    struct ramfs_dent *d = find(dir, name, len);

    if (!d)
        return -ENOENT;
    *out = &d->node->vn;
    return 0;
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

static int ramfs_remove(struct ig_vnode *dir, const char *name, size_t len,
                        struct ig_vnode *vn)
{
    struct ramfs_dent *d = find(dir, name, len);

    if (!d || &d->node->vn != vn)
        return -ENOENT;
    dent_del(d);
    return 0;
}

static int ramfs_link(struct ig_vnode *dir, const char *name, size_t len,
                      struct ig_vnode *vn)
{
    struct ramfs_dent *d;

    if (vn->nlink >= RAMFS_LINK_MAX)
        return -EMLINK;
    d = dent_new(name, len);
    if (!d)
        return -ENOSPC;
    ig_vnode_hold(vn);
    dent_add(dir, d, RN(vn));
    return 0;
}

/* The new name goes in before the old one goes, so a directory (one
 * name) moves its primary name, and the file never has no name. */
static int ramfs_rename(struct ig_vnode *dir, const char *name, size_t len,
                        struct ig_vnode *vn, struct ig_vnode *newdir,
                        const char *newname, size_t newlen)
{
    struct ramfs_dent *old = find(dir, name, len), *d;

    if (!old || &old->node->vn != vn)
        return -ENOENT;
    d = dent_new(newname, newlen);
    if (!d)
        return -ENOSPC;
    ig_vnode_hold(vn);
    dent_add(newdir, d, RN(vn));
    dent_del(old);
    return 0;
}

static int ramfs_readdir(struct ig_vnode *dir, long pos, struct ig_dirent *out)
{
    struct ig_link *l = RN(dir)->children.first;

    while (l && pos-- > 0)
        l = l->next;
    if (!l)
        return 0;
    struct ramfs_dent *d = DENT(l);
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
    free(RN(vn)->primary);
    free(vn);
}

static const struct ig_vnode_ops ramfs_ops = {
    .lookup = ramfs_lookup,
    .create = ramfs_create,
    .remove = ramfs_remove,
    .rename = ramfs_rename,
    .link = ramfs_link,
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
