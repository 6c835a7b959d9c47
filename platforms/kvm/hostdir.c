/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* hostdir.c: kvm has no host directories (volumes come over virtio-9p). */
#include <errno.h>
#include <ingot/plat.h>

/* ig_plat_dev_count(IG_PLAT_DEV_HOSTDIR) is 0 on kvm, so every call below
 * names a device or handle that does not exist. */
int ig_plat_hostdir_info(int dev, struct ig_plat_hostdir_info *out)
{
    (void)dev, (void)out;
    return -ENODEV;
}

int ig_plat_hostdir_open(int dev, const char *path, unsigned flags,
                         unsigned mode)
{
    (void)dev, (void)path, (void)flags, (void)mode;
    return -ENODEV;
}

int ig_plat_hostdir_stat(int dev, const char *path,
                         struct ig_plat_hostdir_stat *st)
{
    (void)dev, (void)path, (void)st;
    return -ENODEV;
}

int ig_plat_hostdir_lstat(int dev, const char *path,
                          struct ig_plat_hostdir_stat *st)
{
    (void)dev, (void)path, (void)st;
    return -ENODEV;
}

int ig_plat_hostdir_fstat(int h, struct ig_plat_hostdir_stat *st)
{
    (void)h, (void)st;
    return -EBADF;
}

long ig_plat_hostdir_pread(int h, void *buf, size_t len, uint64_t off)
{
    (void)h, (void)buf, (void)len, (void)off;
    return -EBADF;
}

long ig_plat_hostdir_pwrite(int h, const void *buf, size_t len, uint64_t off)
{
    (void)h, (void)buf, (void)len, (void)off;
    return -EBADF;
}

int ig_plat_hostdir_ftruncate(int h, uint64_t len)
{
    (void)h, (void)len;
    return -EBADF;
}

int ig_plat_hostdir_futimens(int h, int64_t atime_ns, int64_t mtime_ns)
{
    (void)h, (void)atime_ns, (void)mtime_ns;
    return -EBADF;
}

int ig_plat_hostdir_fchmod(int h, unsigned mode)
{
    (void)h, (void)mode;
    return -EBADF;
}

int ig_plat_hostdir_fsync(int h)
{
    (void)h;
    return -EBADF;
}

int ig_plat_hostdir_fstatfs(int h, struct ig_plat_hostdir_statfs *out)
{
    (void)h, (void)out;
    return -EBADF;
}

int ig_plat_hostdir_close(int h)
{
    (void)h;
    return -EBADF;
}

long ig_plat_hostdir_readdir(int h, void *buf, size_t cap)
{
    (void)h, (void)buf, (void)cap;
    return -EBADF;
}

int ig_plat_hostdir_mkdir(int dev, const char *path, unsigned mode)
{
    (void)dev, (void)path, (void)mode;
    return -ENODEV;
}

int ig_plat_hostdir_unlink(int dev, const char *path, int dir)
{
    (void)dev, (void)path, (void)dir;
    return -ENODEV;
}

int ig_plat_hostdir_rename(int dev, const char *from, const char *to)
{
    (void)dev, (void)from, (void)to;
    return -ENODEV;
}

int ig_plat_hostdir_symlink(int dev, const char *target, const char *path)
{
    (void)dev, (void)target, (void)path;
    return -ENODEV;
}

long ig_plat_hostdir_readlink(int dev, const char *path, char *buf, size_t cap)
{
    (void)dev, (void)path, (void)buf, (void)cap;
    return -ENODEV;
}
