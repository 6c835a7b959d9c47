/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* p9fs_internal.h: the 9P client's core (p9client.c) for its calls
 * (p9fs.c). */
#ifndef INGOT_P9FS_INTERNAL_H
#define INGOT_P9FS_INTERNAL_H

#include <ingot/plat.h>

#include <pthread.h>
#include <stdint.h>

#include "p9.h"

/*
 * One client per channel.  Requests go one at a time (a mutex around each
 * round trip), so one tag serves all.  Handles given to rfs are fids; fid
 * 0 is the attached root.  Paths are walked from the root in one Twalk
 * per 16 names.  The server does not follow symbolic links (QEMU opens
 * every component with O_NOFOLLOW); a link that is the last component is
 * resolved here, lexically, and only while it stays inside the volume, as
 * the pico platform does with RESOLVE_BENEATH: absolute targets and ".."
 * above the root fail with -EXDEV.
 */
#define MSIZE_CAP (128u * 1024 + 24)
#define MAXFID 1024
#define TAG 1
#define RREAD_HDR 11 /* size type tag count */
/* Data per Tread/Twrite/Treaddir: msize less the I/O header allowance
 * servers clamp to (24 bytes in Linux and QEMU, more than either header). */
#define IOHDRSZ 24
#define LINKS_MAX 8

struct p9 {
    int dev;
    uint32_t msize;
    uint8_t *t, *r; /* message buffers, msize each */
    pthread_mutex_t lock;
    uint8_t used[MAXFID];
    uint64_t diroff[MAXFID];
};

/* Starts message (type) in c->t. */
#define BEGIN(c, o, type) ig_p9_begin(&(o), (c)->t, (c)->msize, (type), TAG)

/* A free fid (from 1; 0 is the root), marked used, or -EMFILE.  The
 * caller holds c->lock. */
int ig_p9fs_fid_new(struct p9 *c);

/* Sends the request of (olen) bytes (a negative errno from
 * ig_p9_finish() is returned as it is) in c->t, followed by (wdata,
 * wlen), and reads the reply into c->r or, for Tread, its header into
 * c->r and its data into (rdata, rlen).  Opens the reply in (in).
 * Returns 0, the Rlerror's error, the transport's error or -EIO.  The
 * caller holds c->lock. */
int ig_p9fs_rpc(struct p9 *c, long olen, const void *wdata, size_t wlen,
                void *rdata, size_t rlen, struct ig_p9_in *in);

/* Tclunk (fid), which is free afterwards even when the server fails it;
 * returns the server's error.  _locked: the caller holds c->lock. */
int ig_p9fs_clunk(struct p9 *c, int fid);
int ig_p9fs_clunk_locked(struct p9 *c, int fid);

/* Walks (len) bytes of (path) (names separated by '/', "." for none) from
 * the root to a new fid, without following symbolic links.  Returns it,
 * -ENOENT (a name is missing), -EMFILE, or the server's error. */
int ig_p9fs_walk(struct p9 *c, const char *path, size_t len);

/* Tgetattr of (fid) into (st).  Returns 0, -EIO or the server's error. */
int ig_p9fs_getattr(struct p9 *c, int fid, struct ig_plat_hostdir_stat *st);

/* Treadlink of (fid) into (buf) of (cap) bytes (cut, not terminated).
 * Returns the length or the server's error (-EINVAL: not a link). */
long ig_p9fs_readlink(struct p9 *c, int fid, char *buf, size_t cap);

/* Walks to (path), following a symbolic link in the last component while
 * it stays inside the volume, and stores its attributes in (st).  Returns
 * the fid, -EXDEV (an absolute link, or ".." above the root), -ELOOP
 * (more than 8 links), -ENAMETOOLONG, or the errors of walk. */
int ig_p9fs_resolve(struct p9 *c, const char *path,
                    struct ig_plat_hostdir_stat *st);

/* Walks to the directory holding the last component of (path), which it
 * stores in (*leaf).  Returns the directory's fid or walk's errors. */
int ig_p9fs_parent(struct p9 *c, const char *path, const char **leaf);

/* The backend's path calls (p9fs_dir.c), as struct ig_rfs_backend
 * describes them; (ctx) is the struct p9 of the volume. */
int ig_p9fs_mkdir(void *ctx, const char *path, unsigned mode);
int ig_p9fs_unlink(void *ctx, const char *path, int dir);
int ig_p9fs_symlink(void *ctx, const char *target, const char *path);
int ig_p9fs_rename(void *ctx, const char *from, const char *to);
long ig_p9fs_path_readlink(void *ctx, const char *path, char *buf, size_t cap);

#endif /* INGOT_P9FS_INTERNAL_H */
