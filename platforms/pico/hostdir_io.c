/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* hostdir_io.c: pico volumes: calls on handles and on names in a
 * directory. */
#include <errno.h>

#include "hostdir.h"

long ig_plat_hostdir_pread(int h, void *buf, size_t len, uint64_t off)
{
    long r;

    if (ig_pico_hd_bad_handle(h))
        return -EBADF;
    do
        r = ig_pico_hd_sys4(NR_PREAD64, h, (long)buf, (long)len, (long)off);
    while (r == -EINTR);
    return r;
}

long ig_plat_hostdir_pwrite(int h, const void *buf, size_t len, uint64_t off)
{
    long r;

    if (ig_pico_hd_bad_handle(h))
        return -EBADF;
    do
        r = ig_pico_hd_sys4(NR_PWRITE64, h, (long)buf, (long)len, (long)off);
    while (r == -EINTR);
    return r;
}

int ig_plat_hostdir_ftruncate(int h, uint64_t len)
{
    if (ig_pico_hd_bad_handle(h))
        return -EBADF;
    return (int)ig_pico_hd_sys3(NR_FTRUNCATE, h, (long)len, 0);
}

int ig_plat_hostdir_futimens(int h, int64_t atime_ns, int64_t mtime_ns)
{
    struct ig_pico_timespec ts[2];
    int64_t t[2] = {atime_ns, mtime_ns};

    if (ig_pico_hd_bad_handle(h))
        return -EBADF;
    for (int i = 0; i < 2; i++) {
        if (t[i] == IG_PLAT_HD_TIME_NOW || t[i] == IG_PLAT_HD_TIME_OMIT) {
            ts[i].sec = 0;
            /* Linux's UTIME_NOW and UTIME_OMIT. */
            ts[i].nsec =
                t[i] == IG_PLAT_HD_TIME_NOW ? (1l << 30) - 1 : (1l << 30) - 2;
        } else {
            ts[i].sec = t[i] / 1000000000;
            ts[i].nsec = t[i] % 1000000000;
        }
    }
    /* A NULL path: the file of the handle itself (the filter insists). */
    return (int)ig_pico_hd_sys4(NR_UTIMENSAT, h, 0, (long)ts, 0);
}

int ig_plat_hostdir_fchmod(int h, unsigned mode)
{
    if (ig_pico_hd_bad_handle(h))
        return -EBADF;
    return (int)ig_pico_hd_sys3(NR_FCHMOD, h, (long)(mode & 07777), 0);
}

int ig_plat_hostdir_fsync(int h)
{
    if (ig_pico_hd_bad_handle(h))
        return -EBADF;
    return (int)ig_pico_hd_sys3(NR_FSYNC, h, 0, 0);
}

int ig_plat_hostdir_fstatfs(int h, struct ig_plat_hostdir_statfs *out)
{
    /* The kernel's struct statfs on x86_64: type, bsize, blocks, bfree,
     * bavail, files, ffree, fsid, namelen, frsize, flags, spare[4]. */
    int64_t k[15];
    long r;

    if (ig_pico_hd_bad_handle(h))
        return -EBADF;
    r = ig_pico_hd_sys3(NR_FSTATFS, h, (long)k, 0);
    if (r < 0)
        return (int)r;
    out->bsize = (uint64_t)k[1];
    out->blocks = (uint64_t)k[2];
    out->bfree = (uint64_t)k[3];
    out->bavail = (uint64_t)k[4];
    out->files = (uint64_t)k[5];
    out->ffree = (uint64_t)k[6];
    out->namemax = (uint32_t)k[8];
    return 0;
}

long ig_plat_hostdir_readdir(int h, void *buf, size_t cap)
{
    if (ig_pico_hd_bad_handle(h))
        return -EBADF;
    return ig_pico_hd_sys3(NR_GETDENTS64, h, (long)buf, (long)cap);
}

int ig_plat_hostdir_mkdir(int dev, const char *path, unsigned mode)
{
    const char *leaf;
    long fd = ig_pico_hd_parent(dev, path, &leaf), r;

    if (fd < 0)
        return (int)fd;
    r = ig_pico_hd_sys3(NR_MKDIRAT, fd, (long)leaf, mode & 07777);
    ig_pico_hd_put_parent(dev, fd);
    return (int)r;
}

int ig_plat_hostdir_unlink(int dev, const char *path, int dir)
{
    const char *leaf;
    long fd = ig_pico_hd_parent(dev, path, &leaf), r;

    if (fd < 0)
        return (int)fd;
    r = ig_pico_hd_sys3(NR_UNLINKAT, fd, (long)leaf, dir ? L_AT_REMOVEDIR : 0);
    ig_pico_hd_put_parent(dev, fd);
    return (int)r;
}

int ig_plat_hostdir_rename(int dev, const char *from, const char *to)
{
    const char *fleaf, *tleaf;
    long ffd = ig_pico_hd_parent(dev, from, &fleaf), tfd, r;

    if (ffd < 0)
        return (int)ffd;
    tfd = ig_pico_hd_parent(dev, to, &tleaf);
    if (tfd < 0) {
        ig_pico_hd_put_parent(dev, ffd);
        return (int)tfd;
    }
    r = ig_pico_hd_sys4(NR_RENAMEAT, ffd, (long)fleaf, tfd, (long)tleaf);
    ig_pico_hd_put_parent(dev, tfd);
    ig_pico_hd_put_parent(dev, ffd);
    return (int)r;
}

int ig_plat_hostdir_symlink(int dev, const char *target, const char *path)
{
    const char *leaf;
    long fd = ig_pico_hd_parent(dev, path, &leaf), r;

    if (fd < 0)
        return (int)fd;
    r = ig_pico_hd_sys3(NR_SYMLINKAT, (long)target, fd, (long)leaf);
    ig_pico_hd_put_parent(dev, fd);
    return (int)r;
}

long ig_plat_hostdir_readlink(int dev, const char *path, char *buf, size_t cap)
{
    const char *leaf;
    long fd = ig_pico_hd_parent(dev, path, &leaf), r;

    if (fd < 0)
        return fd;
    r = ig_pico_hd_sys4(NR_READLINKAT, fd, (long)leaf, (long)buf, (long)cap);
    ig_pico_hd_put_parent(dev, fd);
    return r;
}
