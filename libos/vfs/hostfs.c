/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* hostfs.c: volumes over the platform's host directories (pico). */
#include <ingot/plat.h>

#include <stdint.h>

#include "vfs_internal.h"

/* (ctx) is the host directory's device number. */
static int dev_of(void *ctx)
{
    return (int)(intptr_t)ctx;
}

static int hd_stat(void *ctx, const char *path, struct ig_plat_hostdir_stat *st)
{
    return ig_plat_hostdir_stat(dev_of(ctx), path, st);
}

static int hd_lstat(void *ctx, const char *path,
                    struct ig_plat_hostdir_stat *st)
{
    return ig_plat_hostdir_lstat(dev_of(ctx), path, st);
}

static int hd_open(void *ctx, const char *path, unsigned flags, unsigned mode)
{
    return ig_plat_hostdir_open(dev_of(ctx), path, flags, mode);
}

static int hd_fstat(void *ctx, int h, struct ig_plat_hostdir_stat *st)
{
    (void)ctx;
    return ig_plat_hostdir_fstat(h, st);
}

static long hd_pread(void *ctx, int h, void *buf, size_t len, uint64_t off)
{
    (void)ctx;
    return ig_plat_hostdir_pread(h, buf, len, off);
}

static long hd_pwrite(void *ctx, int h, const void *buf, size_t len,
                      uint64_t off)
{
    (void)ctx;
    return ig_plat_hostdir_pwrite(h, buf, len, off);
}

static int hd_ftruncate(void *ctx, int h, uint64_t len)
{
    (void)ctx;
    return ig_plat_hostdir_ftruncate(h, len);
}

static int hd_futimens(void *ctx, int h, int64_t atime_ns, int64_t mtime_ns)
{
    (void)ctx;
    return ig_plat_hostdir_futimens(h, atime_ns, mtime_ns);
}

static int hd_fchmod(void *ctx, int h, unsigned mode)
{
    (void)ctx;
    return ig_plat_hostdir_fchmod(h, mode);
}

static int hd_fsync(void *ctx, int h)
{
    (void)ctx;
    return ig_plat_hostdir_fsync(h);
}

static int hd_fstatfs(void *ctx, int h, struct ig_plat_hostdir_statfs *out)
{
    (void)ctx;
    return ig_plat_hostdir_fstatfs(h, out);
}

static int hd_close(void *ctx, int h)
{
    (void)ctx;
    return ig_plat_hostdir_close(h);
}

static long hd_readdir(void *ctx, int h, void *buf, size_t cap)
{
    (void)ctx;
    return ig_plat_hostdir_readdir(h, buf, cap);
}

static int hd_mkdir(void *ctx, const char *path, unsigned mode)
{
    return ig_plat_hostdir_mkdir(dev_of(ctx), path, mode);
}

static int hd_unlink(void *ctx, const char *path, int dir)
{
    return ig_plat_hostdir_unlink(dev_of(ctx), path, dir);
}

static int hd_rename(void *ctx, const char *from, const char *to)
{
    return ig_plat_hostdir_rename(dev_of(ctx), from, to);
}

static int hd_symlink(void *ctx, const char *target, const char *path)
{
    return ig_plat_hostdir_symlink(dev_of(ctx), target, path);
}

static long hd_readlink(void *ctx, const char *path, char *buf, size_t cap)
{
    return ig_plat_hostdir_readlink(dev_of(ctx), path, buf, cap);
}

const struct ig_rfs_backend ig_hostfs_backend = {
    .stat = hd_stat,
    .lstat = hd_lstat,
    .open = hd_open,
    .fstat = hd_fstat,
    .pread = hd_pread,
    .pwrite = hd_pwrite,
    .ftruncate = hd_ftruncate,
    .futimens = hd_futimens,
    .fchmod = hd_fchmod,
    .fsync = hd_fsync,
    .fstatfs = hd_fstatfs,
    .close = hd_close,
    .readdir = hd_readdir,
    .mkdir = hd_mkdir,
    .unlink = hd_unlink,
    .rename = hd_rename,
    .symlink = hd_symlink,
    .readlink = hd_readlink,
};
