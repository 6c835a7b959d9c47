/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* hostdir_backend.c: an rfs backend made of the host's own *at calls, for
 * the unit tests of rfs (test_rfs.c). */
#include <ingot/plat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "hostdir_backend.h"
#include "vfs_internal.h"

int test_hostdir_fd;

static int ret(long r)
{
    return r < 0 ? -errno : (int)r;
}

static void conv(const struct stat *k, struct ig_plat_hostdir_stat *st)
{
    st->ino = k->st_ino;
    st->size = (uint64_t)k->st_size;
    st->blocks = (uint64_t)k->st_blocks;
    st->mode = k->st_mode;
    st->nlink = (uint32_t)k->st_nlink;
    st->mtime_ns = k->st_mtim.tv_sec * 1000000000ll + k->st_mtim.tv_nsec;
    st->atime_ns = st->ctime_ns = st->mtime_ns;
}

static int b_stat(void *ctx, const char *path, struct ig_plat_hostdir_stat *st)
{
    struct stat k;
    (void)ctx;
    if (fstatat(test_hostdir_fd, path, &k, 0) < 0)
        return -errno;
    conv(&k, st);
    return 0;
}

static int b_lstat(void *ctx, const char *path, struct ig_plat_hostdir_stat *st)
{
    struct stat k;
    (void)ctx;
    if (fstatat(test_hostdir_fd, path, &k, AT_SYMLINK_NOFOLLOW) < 0)
        return -errno;
    conv(&k, st);
    return 0;
}

static int b_open(void *ctx, const char *path, unsigned flags, unsigned mode)
{
    int f = (flags & IG_PLAT_HD_WRITE)
                ? ((flags & IG_PLAT_HD_READ) ? O_RDWR : O_WRONLY)
                : O_RDONLY;
    (void)ctx;
    f |= (flags & IG_PLAT_HD_CREAT ? O_CREAT : 0) |
         (flags & IG_PLAT_HD_EXCL ? O_EXCL : 0) |
         (flags & IG_PLAT_HD_TRUNC ? O_TRUNC : 0) |
         (flags & IG_PLAT_HD_DIR ? O_DIRECTORY : 0);
    return ret(openat(test_hostdir_fd, path, f | O_CLOEXEC, mode));
}

static int b_fstat(void *ctx, int h, struct ig_plat_hostdir_stat *st)
{
    struct stat k;
    (void)ctx;
    if (fstat(h, &k) < 0)
        return -errno;
    conv(&k, st);
    return 0;
}

static long b_pread(void *ctx, int h, void *buf, size_t len, uint64_t off)
{
    (void)ctx;
    return ret(pread(h, buf, len, (off_t)off));
}

static long b_pwrite(void *ctx, int h, const void *buf, size_t len,
                     uint64_t off)
{
    (void)ctx;
    return ret(pwrite(h, buf, len, (off_t)off));
}

static int b_ftruncate(void *ctx, int h, uint64_t len)
{
    (void)ctx;
    return ret(ftruncate(h, (off_t)len));
}

static int b_futimens(void *ctx, int h, int64_t a, int64_t m)
{
    struct timespec ts[2];
    int64_t t[2] = {a, m};
    (void)ctx;
    for (int i = 0; i < 2; i++) {
        ts[i].tv_sec = t[i] < 0 ? 0 : t[i] / 1000000000;
        ts[i].tv_nsec = t[i] == IG_PLAT_HD_TIME_NOW    ? UTIME_NOW
                        : t[i] == IG_PLAT_HD_TIME_OMIT ? UTIME_OMIT
                                                       : t[i] % 1000000000;
    }
    return ret(futimens(h, ts));
}

static int b_fstatfs(void *ctx, int h, struct ig_plat_hostdir_statfs *out)
{
    struct statvfs k;
    (void)ctx;
    if (fstatvfs(h, &k) < 0)
        return -errno;
    out->bsize = k.f_frsize;
    out->blocks = k.f_blocks;
    out->bfree = k.f_bfree;
    out->bavail = k.f_bavail;
    out->files = k.f_files;
    out->ffree = k.f_ffree;
    out->namemax = (uint32_t)k.f_namemax;
    return 0;
}

static int b_fsync(void *ctx, int h)
{
    (void)ctx;
    return ret(fsync(h));
}

static int b_close(void *ctx, int h)
{
    (void)ctx;
    return ret(close(h));
}

static long b_readdir(void *ctx, int h, void *buf, size_t cap)
{
    (void)ctx;
    return ret(syscall(SYS_getdents64, h, buf, cap));
}

static int b_fchmod(void *ctx, int h, unsigned mode)
{
    (void)ctx;
    return ret(fchmod(h, mode));
}

static int b_mkdir(void *ctx, const char *path, unsigned mode)
{
    (void)ctx;
    return ret(mkdirat(test_hostdir_fd, path, mode));
}

static int b_unlink(void *ctx, const char *path, int dir)
{
    (void)ctx;
    return ret(unlinkat(test_hostdir_fd, path, dir ? AT_REMOVEDIR : 0));
}

static int b_rename(void *ctx, const char *from, const char *to)
{
    (void)ctx;
    return ret(renameat(test_hostdir_fd, from, test_hostdir_fd, to));
}

static int b_symlink(void *ctx, const char *target, const char *path)
{
    (void)ctx;
    return ret(symlinkat(target, test_hostdir_fd, path));
}

static long b_readlink(void *ctx, const char *path, char *buf, size_t cap)
{
    (void)ctx;
    return ret(readlinkat(test_hostdir_fd, path, buf, cap));
}

const struct ig_rfs_backend test_hostdir_backend = {
    .stat = b_stat,
    .lstat = b_lstat,
    .open = b_open,
    .fstat = b_fstat,
    .pread = b_pread,
    .pwrite = b_pwrite,
    .ftruncate = b_ftruncate,
    .futimens = b_futimens,
    .fchmod = b_fchmod,
    .fsync = b_fsync,
    .fstatfs = b_fstatfs,
    .close = b_close,
    .readdir = b_readdir,
    .mkdir = b_mkdir,
    .unlink = b_unlink,
    .rename = b_rename,
    .symlink = b_symlink,
    .readlink = b_readlink,
};
