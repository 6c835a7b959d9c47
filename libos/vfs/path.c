/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* path.c: path resolution, mount points, vnode references, getcwd. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "vfs_internal.h"

struct ig_vfs_root ig_vfs;

void ig_vnode_hold(struct ig_vnode *vn)
{
    vn->refs++;
}

void ig_vnode_put(struct ig_vnode *vn)
{
    if (--vn->refs == 0 && vn->ops->free)
        vn->ops->free(vn);
}

int ig_vfs_mount(struct ig_vnode *at, struct ig_vnode *fsroot)
{
    if (!S_ISDIR(at->mode))
        return -ENOTDIR;
    if (at->mounted)
        return -EBUSY;
    at->mounted = fsroot;
    fsroot->covers = at;
    fsroot->parent = at->parent;
    ig_vnode_hold(at);
    return 0;
}

static struct ig_vnode *cross_down(struct ig_vnode *vn)
{
    while (vn->mounted)
        vn = vn->mounted;
    return vn;
}

static struct ig_vnode *dotdot(struct ig_vnode *vn)
{
    if (vn == ig_vfs.root)
        return vn;
    while (vn->covers)
        vn = vn->covers;
    return cross_down(vn->parent);
}

static int is_dots(const char *p, size_t len)
{
    return (len == 1 && p[0] == '.') ||
           (len == 2 && p[0] == '.' && p[1] == '.');
}

/* Linux's limit on the links one lookup follows (SYMLOOP_MAX). */
#define LINKS_MAX 40

/*
 * A symbolic link that its filesystem will not follow because it leads
 * out of it (a volume answers -EXDEV for an absolute target or one that
 * climbs above the volume's root) is followed here, in the image's name
 * space, as Linux follows it in the process's: (*p) becomes the link's
 * target followed by the rest of the path after (name), kept in
 * (lk->owned).  Returns 0 or -ELOOP, -ENAMETOOLONG, the readlink error.
 */
static int follow_out(struct ig_lookup *lk, struct ig_vnode *dir,
                      const char **p, size_t len, int *hops)
{
    const char *rest = *p + len;
    size_t rlen = strlen(rest);
    char *buf;
    ssize_t n;

    if (++*hops > LINKS_MAX)
        return -ELOOP;
    buf = malloc(IG_PATH_MAX);
    if (!buf)
        return -ENOMEM;
    n = dir->ops->readlink(dir, *p, len, buf, IG_PATH_MAX);
    if (n >= 0 && (size_t)n + rlen >= IG_PATH_MAX)
        n = -ENAMETOOLONG;
    if (n <= 0) {
        free(buf);
        return n < 0 ? (int)n : -ENOENT;
    }
    memcpy(buf + n, rest, rlen + 1);
    free(lk->owned);
    lk->owned = buf;
    *p = buf;
    return 0;
}

static int walk(struct ig_vnode *start, const char *path, struct ig_lookup *lk,
                int link)
{
    struct ig_vnode *cur = path[0] == '/' ? ig_vfs.root : start;
    struct ig_vnode *vn = cur;
    const char *p = path;
    size_t plen = strlen(path);

    *lk = (struct ig_lookup){0};
    if (plen == 0)
        return -ENOENT;
    if (plen >= IG_PATH_MAX)
        return -ENAMETOOLONG;
    lk->trailing = path[plen - 1] == '/';
    cur = cross_down(cur);
    vn = cur;
    lk->name = "";
    int hops = 0;
    for (;;) {
        while (*p == '/')
            p++;
        if (!*p)
            break;
        const char *end = strchr(p, '/');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > IG_NAME_MAX)
            return -ENAMETOOLONG;
        if (!vn)
            return -ENOENT; /* an earlier component was missing */
        if (!S_ISDIR(vn->mode))
            return -ENOTDIR;
        cur = vn;
        lk->name = p;
        lk->len = len;
        if (len == 1 && p[0] == '.') {
            vn = cur;
        } else if (len == 2 && p[0] == '.' && p[1] == '.') {
            vn = dotdot(cur);
        } else {
            struct ig_vnode *next;
            int (*find)(struct ig_vnode *, const char *, size_t,
                        struct ig_vnode **) = cur->ops->lookup;
            if (link && cur->ops->lookup_link && !p[len + strspn(p + len, "/")])
                find = cur->ops->lookup_link; /* the last component */
            lk->miss = find(cur, p, len, &next);
            if (lk->miss == -EXDEV && cur->ops->readlink) {
                int err = follow_out(lk, cur, &p, len, &hops);
                if (err == -EINVAL) /* not a link: EXDEV stands */
                    err = 0;
                else if (err)
                    return err;
                else { /* go on with the target, from "/" or from (cur) */
                    vn = *p == '/' ? cross_down(ig_vfs.root) : cur;
                    lk->name = "";
                    lk->len = 0;
                    continue;
                }
            }
            vn = lk->miss == 0 ? cross_down(next) : NULL;
        }
        p += len;
    }
    if (lk->len == 0 && vn) /* "/" or only slashes and dots */
        cur = vn;
    /* "link/" found as the link itself: the caller decides (mkdir EEXIST,
     * unlink ENOTDIR). */
    if (vn && lk->trailing && !S_ISDIR(vn->mode) &&
        !(link && S_ISLNK(vn->mode)))
        return -ENOTDIR;
    lk->dir = cur;
    lk->vn = vn;
    ig_vnode_hold(cur);
    if (vn)
        ig_vnode_hold(vn);
    return 0;
}

static int lookup(struct ig_vnode *start, const char *path,
                  struct ig_lookup *lk, int link)
{
    int err = walk(start, path, lk, link);

    if (err) {
        free(lk->owned);
        lk->owned = NULL;
    }
    return err;
}

int ig_vfs_lookup(struct ig_vnode *start, const char *path,
                  struct ig_lookup *lk)
{
    return lookup(start, path, lk, 0);
}

int ig_vfs_lookup_link(struct ig_vnode *start, const char *path,
                       struct ig_lookup *lk)
{
    return lookup(start, path, lk, 1);
}

void ig_lookup_done(struct ig_lookup *lk)
{
    free(lk->owned);
    lk->owned = NULL;
    if (lk->vn)
        ig_vnode_put(lk->vn);
    if (lk->dir)
        ig_vnode_put(lk->dir);
    lk->vn = lk->dir = NULL;
}

/* Whether the last component names "." or "..", which cannot be created,
 * removed or renamed. */
int ig_lookup_is_dots(const struct ig_lookup *lk)
{
    return lk->len == 0 || is_dots(lk->name, lk->len);
}

int ig_lookup_missing(const struct ig_lookup *lk)
{
    return lk->miss ? lk->miss : -ENOENT;
}

void ig_vnode_stat(struct ig_vnode *vn, struct stat *st)
{
    memset(st, 0, sizeof(*st));
    st->st_dev = vn->dev;
    st->st_ino = vn->ino;
    st->st_mode = vn->mode;
    st->st_uid = vn->uid;
    st->st_gid = vn->gid;
    st->st_nlink = S_ISDIR(vn->mode) ? (nlink_t)(2 + vn->nchildren) : vn->nlink;
    st->st_size = S_ISREG(vn->mode) ? vn->size : 0;
    st->st_blksize = 4096;
    st->st_blocks = (st->st_size + 511) / 512;
    st->st_mtim = vn->mtime;
    st->st_atim = vn->mtime;
    st->st_ctim = vn->mtime;
}

int ig_vnode_getattr(struct ig_vnode *vn, struct stat *st)
{
    if (!vn->ops->getattr) {
        ig_vnode_stat(vn, st);
        return 0;
    }
    int err = vn->ops->getattr(vn, st);
    if (!err)
        st->st_dev = vn->dev;
    return err;
}

int ig_vnode_path(struct ig_vnode *vn, char *buf, size_t size)
{
    size_t pos = size;

    if (size == 0)
        return -ERANGE;
    buf[--pos] = '\0';
    while (vn != ig_vfs.root) {
        while (vn->covers)
            vn = vn->covers;
        if (vn == ig_vfs.root)
            break;
        size_t n = strlen(vn->name);
        if (pos < n + 1)
            return -ERANGE;
        pos -= n;
        memcpy(buf + pos, vn->name, n);
        buf[--pos] = '/';
        vn = vn->parent;
    }
    if (pos == size - 1) {
        if (pos < 1)
            return -ERANGE;
        buf[--pos] = '/';
    }
    size_t len = size - pos;
    memmove(buf, buf + pos, len);
    return (int)len;
}
