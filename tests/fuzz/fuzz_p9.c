/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fuzz_p9.c: the 9P2000.L client against a hostile server, whose replies
 * are the input. */
#include <ingot/plat.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "p9fs_internal.h"
#include "vfs_internal.h"

/*
 * The input is a sequence of replies, each a 16-bit length and that many
 * bytes: a flags byte, then the body.  Unless flags bit 1 is set the
 * header (size, type, tag) is filled in as a well-behaved server would
 * (type R of the request, or Rlerror when bit 0 is set), so the fuzzer
 * spends its time on bodies.  A fixed script of client calls consumes
 * them; when they run out, every call fails with -EIO.
 */
static const uint8_t *in_p;
static size_t in_left;

size_t ig_plat_9p_msize(int dev)
{
    (void)dev;
    return 8192 + 24;
}

long ig_plat_9p_rpc(int dev, const struct ig_plat_iov *out, int nout,
                    const struct ig_plat_iov *in, int nin)
{
    uint8_t msg[16384];

    (void)dev;
    (void)nout;
    if (in_left < 3)
        return -EIO;
    size_t n = (size_t)(in_p[0] | in_p[1] << 8);
    if (n > in_left - 2)
        n = in_left - 2;
    uint8_t flags = n ? in_p[2] : 0;
    const uint8_t *body = in_p + 3;
    size_t blen = n ? n - 1 : 0;
    in_p += 2 + n;
    in_left -= 2 + n;
    size_t len;
    if (flags & 2) {
        len = blen < sizeof(msg) ? blen : sizeof(msg);
        memcpy(msg, body, len);
    } else {
        const uint8_t *t = out[0].base;
        len = 7 + (blen < sizeof(msg) - 7 ? blen : sizeof(msg) - 7);
        msg[0] = (uint8_t)len;
        msg[1] = (uint8_t)(len >> 8);
        msg[2] = msg[3] = 0;
        msg[4] = (flags & 1) ? 7 : (uint8_t)(t[4] + 1);
        msg[5] = t[5];
        msg[6] = t[6];
        memcpy(msg + 7, body, len - 7);
    }
    /* Scatter into the reply pieces, as a transport does. */
    size_t done = 0;
    for (int i = 0; i < nin && done < len; i++) {
        size_t k = len - done < in[i].len ? len - done : in[i].len;
        memcpy(in[i].base, msg + done, k);
        done += k;
    }
    return (long)done;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct ig_rfs_backend *be = &ig_p9fs_backend;
    struct ig_plat_hostdir_stat st;
    struct ig_plat_hostdir_statfs sf;
    char buf[9000];
    void *ctx;

    in_p = data;
    in_left = size;
    if (ig_p9fs_connect(0, &ctx) < 0)
        return 0;
    be->stat(ctx, "a/b", &st);
    be->lstat(ctx, "l", &st);
    int h = be->open(ctx, "a/f", IG_PLAT_HD_READ | IG_PLAT_HD_WRITE, 0);
    if (h >= 0) {
        long r = be->pread(ctx, h, buf, sizeof(buf), 0);
        if (r > (long)sizeof(buf))
            abort();
        be->pwrite(ctx, h, "hello", 5, 3);
        be->fstat(ctx, h, &st);
        be->ftruncate(ctx, h, 1);
        be->fstatfs(ctx, h, &sf);
        be->close(ctx, h);
    }
    h = be->open(ctx, "d", IG_PLAT_HD_READ | IG_PLAT_HD_DIR, 0);
    if (h >= 0) {
        for (int i = 0; i < 3; i++) {
            long r = be->readdir(ctx, h, buf, 2048);
            if (r > 2048)
                abort();
            if (r <= 0)
                break;
        }
        be->close(ctx, h);
    }
    long n = be->readlink(ctx, "link", buf, 64);
    if (n > 64)
        abort();
    be->mkdir(ctx, "new", 0755);
    be->symlink(ctx, "t", "s");
    be->rename(ctx, "x", "y");
    be->unlink(ctx, "y", 0);
    /* The client has no disconnect: free what connect made. */
    struct p9 *c = ctx;
    pthread_mutex_destroy(&c->lock);
    free(c->t);
    free(c->r);
    free(ctx);
    return 0;
}
