/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* p9client.c: the 9P2000.L client's core: fids, round trips, walks, and
 * connecting to a channel. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "p9fs_internal.h"
#include "vfs_internal.h"

int ig_p9fs_fid_new(struct p9 *c)
{
    for (int i = 1; i < MAXFID; i++)
        if (!c->used[i]) {
            c->used[i] = 1;
            c->diroff[i] = 0;
            return i;
        }
    return -EMFILE;
}

int ig_p9fs_rpc(struct p9 *c, long olen, const void *wdata, size_t wlen,
                void *rdata, size_t rlen, struct ig_p9_in *in)
{
    struct ig_plat_iov out[2] = {{c->t, (size_t)olen}, {(void *)wdata, wlen}};
    struct ig_plat_iov rin[2] = {{c->r, rdata ? RREAD_HDR : c->msize},
                                 {rdata, rlen}};

    if (olen < 0)
        return (int)olen;
    long n = ig_plat_9p_rpc(c->dev, out, wlen ? 2 : 1, rin, rdata ? 2 : 1);
    if (n < 0)
        return (int)n;
    return ig_p9_reply(in, c->r, (size_t)n, c->t[4], TAG);
}

int ig_p9fs_clunk_locked(struct p9 *c, int fid)
{
    struct ig_p9_out o;
    struct ig_p9_in in;

    BEGIN(c, o, IG_P9_TCLUNK);
    ig_p9_put_u32(&o, (uint32_t)fid);
    int err = ig_p9fs_rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
    c->used[fid] = 0; /* gone even when the server complains */
    return err;
}

int ig_p9fs_clunk(struct p9 *c, int fid)
{
    pthread_mutex_lock(&c->lock);
    int err = ig_p9fs_clunk_locked(c, fid);
    pthread_mutex_unlock(&c->lock);
    return err;
}

int ig_p9fs_walk(struct p9 *c, const char *path, size_t len)
{
    const char *p = path, *end = path + len;
    int fid, from = 0, err = 0;

    pthread_mutex_lock(&c->lock);
    fid = ig_p9fs_fid_new(c);
    if (fid < 0) {
        pthread_mutex_unlock(&c->lock);
        return fid;
    }
    if (len == 1 && path[0] == '.')
        p = end;
    do {
        struct ig_p9_out o;
        struct ig_p9_in in;
        const char *names[IG_P9_MAXWELEM];
        size_t lens[IG_P9_MAXWELEM];
        uint16_t n = 0;
        while (p < end && n < IG_P9_MAXWELEM) {
            const char *s = memchr(p, '/', (size_t)(end - p));
            names[n] = p;
            lens[n] = s ? (size_t)(s - p) : (size_t)(end - p);
            p += lens[n] + (s ? 1 : 0);
            n++;
        }
        BEGIN(c, o, IG_P9_TWALK);
        ig_p9_put_u32(&o, (uint32_t)from);
        ig_p9_put_u32(&o, (uint32_t)fid);
        ig_p9_put_u16(&o, n);
        for (uint16_t i = 0; i < n; i++)
            ig_p9_put_str(&o, names[i], lens[i]);
        err = ig_p9fs_rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
        if (!err && ig_p9_get_u16(&in) != n)
            err = -ENOENT; /* a later name is missing */
        if (!err && in.err)
            err = -EIO;
        if (err) {
            if (from == fid)
                ig_p9fs_clunk_locked(c, fid);
            else
                c->used[fid] = 0;
            break;
        }
        from = fid;
    } while (p < end);
    pthread_mutex_unlock(&c->lock);
    return err ? err : fid;
}

int ig_p9fs_getattr(struct p9 *c, int fid, struct ig_plat_hostdir_stat *st)
{
    struct ig_p9_out o;
    struct ig_p9_in in;

    pthread_mutex_lock(&c->lock);
    BEGIN(c, o, IG_P9_TGETATTR);
    ig_p9_put_u32(&o, (uint32_t)fid);
    ig_p9_put_u64(&o, IG_P9_GETATTR_BASIC);
    int err = ig_p9fs_rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
    if (!err)
        err = ig_p9_get_attr(&in, st);
    pthread_mutex_unlock(&c->lock);
    return err;
}

long ig_p9fs_readlink(struct p9 *c, int fid, char *buf, size_t cap)
{
    struct ig_p9_out o;
    struct ig_p9_in in;
    const char *s;
    uint16_t n;

    pthread_mutex_lock(&c->lock);
    BEGIN(c, o, IG_P9_TREADLINK);
    ig_p9_put_u32(&o, (uint32_t)fid);
    long err = ig_p9fs_rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
    if (!err) {
        ig_p9_get_str(&in, &s, &n);
        err = in.err;
    }
    if (!err) {
        if (n > cap)
            n = (uint16_t)cap;
        memcpy(buf, s, n);
        err = n;
    }
    pthread_mutex_unlock(&c->lock);
    return err;
}

/* Appends (len) bytes of (rel) to the normalized path (p) of (*plen)
 * bytes (of at most (cap)), resolving "." and "..".  Returns 0, -EXDEV
 * when ".." would leave the root, -ENAMETOOLONG. */
static int join(char *p, size_t *plen, size_t cap, const char *rel, size_t len)
{
    const char *end = rel + len;

    while (rel < end) {
        const char *s = memchr(rel, '/', (size_t)(end - rel));
        size_t n = s ? (size_t)(s - rel) : (size_t)(end - rel);
        if (n == 2 && rel[0] == '.' && rel[1] == '.') {
            if (*plen == 0)
                return -EXDEV;
            while (*plen > 0 && p[*plen - 1] != '/')
                (*plen)--;
            if (*plen > 0)
                (*plen)--;
        } else if (n > 0 && !(n == 1 && rel[0] == '.')) {
            if (*plen + n + 2 > cap)
                return -ENAMETOOLONG;
            if (*plen)
                p[(*plen)++] = '/';
            memcpy(p + *plen, rel, n);
            *plen += n;
        }
        rel += n + (s ? 1 : 0);
    }
    return 0;
}

int ig_p9fs_resolve(struct p9 *c, const char *path,
                    struct ig_plat_hostdir_stat *st)
{
    char p[IG_PATH_MAX], target[IG_PATH_MAX];
    size_t plen = 0;
    int err = join(p, &plen, sizeof(p), path, strlen(path));

    for (int depth = 0; !err; depth++) {
        int fid = ig_p9fs_walk(c, plen ? p : ".", plen ? plen : 1);
        if (fid < 0)
            return fid;
        err = ig_p9fs_getattr(c, fid, st);
        if (err) {
            ig_p9fs_clunk(c, fid);
            return err;
        }
        if ((st->mode & 0170000) != 0120000)
            return fid; /* not a symbolic link */
        long n = depth < LINKS_MAX
                     ? ig_p9fs_readlink(c, fid, target, sizeof(target))
                     : -ELOOP;
        ig_p9fs_clunk(c, fid);
        if (n < 0)
            return (int)n;
        if (n == 0 || target[0] == '/')
            return -EXDEV;
        while (plen > 0 && p[plen - 1] != '/') /* the link's directory */
            plen--;
        if (plen > 0)
            plen--;
        err = join(p, &plen, sizeof(p), target, (size_t)n);
    }
    return err;
}

int ig_p9fs_parent(struct p9 *c, const char *path, const char **leaf)
{
    const char *slash = strrchr(path, '/');

    *leaf = slash ? slash + 1 : path;
    return slash ? ig_p9fs_walk(c, path, (size_t)(slash - path))
                 : ig_p9fs_walk(c, ".", 1);
}

int ig_p9fs_connect(int dev, void **ctx)
{
    struct p9 *c = calloc(1, sizeof(*c));
    size_t msize = ig_plat_9p_msize(dev);
    struct ig_p9_out o;
    struct ig_p9_in in;
    const char *v;
    uint16_t vl;
    int err;

    if (!c)
        return -ENOMEM;
    if (msize > MSIZE_CAP)
        msize = MSIZE_CAP;
    c->dev = dev;
    c->msize = (uint32_t)msize;
    c->t = malloc(msize);
    c->r = malloc(msize);
    pthread_mutex_init(&c->lock, NULL);
    err = c->t && c->r && msize >= 4096 ? 0 : -ENOMEM;
    if (!err) {
        ig_p9_begin(&o, c->t, msize, IG_P9_TVERSION, IG_P9_NOTAG);
        ig_p9_put_u32(&o, c->msize);
        ig_p9_put_str(&o, "9P2000.L", 8);
        struct ig_plat_iov out = {c->t, (size_t)ig_p9_finish(&o, 0)};
        struct ig_plat_iov rin = {c->r, msize};
        long n = ig_plat_9p_rpc(dev, &out, 1, &rin, 1);
        err = n < 0 ? (int)n
                    : ig_p9_reply(&in, c->r, (size_t)n, IG_P9_TVERSION,
                                  IG_P9_NOTAG);
    }
    if (!err) {
        uint32_t m = ig_p9_get_u32(&in);
        ig_p9_get_str(&in, &v, &vl);
        if (in.err || vl != 8 || memcmp(v, "9P2000.L", 8) || m < 4096)
            err = -EPROTONOSUPPORT;
        else if (m < c->msize)
            c->msize = m;
    }
    if (!err) {
        BEGIN(c, o, IG_P9_TATTACH);
        ig_p9_put_u32(&o, 0); /* fid 0: the root */
        ig_p9_put_u32(&o, IG_P9_NOFID);
        ig_p9_put_str(&o, "root", 4);
        ig_p9_put_str(&o, "", 0);
        ig_p9_put_u32(&o, 0); /* n_uname */
        err = ig_p9fs_rpc(c, ig_p9_finish(&o, 0), NULL, 0, NULL, 0, &in);
        c->used[0] = 1;
    }
    if (err) {
        free(c->t);
        free(c->r);
        free(c);
        return err;
    }
    *ctx = c;
    return 0;
}
