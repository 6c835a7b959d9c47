/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* p9fs_dir.c: the 9P volume backend's path calls: directories, unlinks,
 * symbolic links and renames. */
#include <errno.h>
#include <string.h>

#include "p9fs_internal.h"
#include "vfs_internal.h"

/* Runs one directory call: Tmkdir, Tunlinkat or Tsymlink on (path)'s
 * parent, with the fields after the name given by the caller. */
static int dir_call(struct p9 *c, const char *path, uint8_t type, uint32_t a,
                    const char *target)
{
    const char *leaf;
    struct ig_p9_out o;
    struct ig_p9_in in;
    int fid = ig_p9fs_parent(c, path, &leaf);

    if (fid < 0)
        return fid;
    pthread_mutex_lock(&c->lock);
    BEGIN(c, o, type);
    ig_p9_put_u32(&o, (uint32_t)fid);
    ig_p9_put_str(&o, leaf, strlen(leaf));
    if (target)
        ig_p9_put_str(&o, target, strlen(target));
    ig_p9_put_u32(&o, a);
    if (type != IG_P9_TUNLINKAT && !target)
        ig_p9_put_u32(&o, 0); /* Tmkdir's gid */
    int err = ig_p9fs_rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
    ig_p9fs_clunk_locked(c, fid);
    pthread_mutex_unlock(&c->lock);
    return err;
}

int ig_p9fs_mkdir(void *ctx, const char *path, unsigned mode)
{
    return dir_call(ctx, path, IG_P9_TMKDIR, mode & 07777, NULL);
}

int ig_p9fs_unlink(void *ctx, const char *path, int dir)
{
    return dir_call(ctx, path, IG_P9_TUNLINKAT, dir ? IG_P9_AT_REMOVEDIR : 0,
                    NULL);
}

int ig_p9fs_symlink(void *ctx, const char *target, const char *path)
{
    return dir_call(ctx, path, IG_P9_TSYMLINK, 0 /* gid */, target);
}

int ig_p9fs_rename(void *ctx, const char *from, const char *to)
{
    struct p9 *c = ctx;
    const char *fl, *tl;
    struct ig_p9_out o;
    struct ig_p9_in in;
    int ffid = ig_p9fs_parent(c, from, &fl), tfid;

    if (ffid < 0)
        return ffid;
    tfid = ig_p9fs_parent(c, to, &tl);
    if (tfid < 0) {
        ig_p9fs_clunk(c, ffid);
        return tfid;
    }
    pthread_mutex_lock(&c->lock);
    BEGIN(c, o, IG_P9_TRENAMEAT);
    ig_p9_put_u32(&o, (uint32_t)ffid);
    ig_p9_put_str(&o, fl, strlen(fl));
    ig_p9_put_u32(&o, (uint32_t)tfid);
    ig_p9_put_str(&o, tl, strlen(tl));
    int err = ig_p9fs_rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
    ig_p9fs_clunk_locked(c, ffid);
    ig_p9fs_clunk_locked(c, tfid);
    pthread_mutex_unlock(&c->lock);
    return err;
}

long ig_p9fs_path_readlink(void *ctx, const char *path, char *buf, size_t cap)
{
    struct p9 *c = ctx;
    int fid = ig_p9fs_walk(c, path, strlen(path));

    if (fid < 0)
        return fid;
    long n = ig_p9fs_readlink(c, fid, buf, cap);
    ig_p9fs_clunk(c, fid);
    return n == -EOPNOTSUPP ? -EINVAL : n;
}
