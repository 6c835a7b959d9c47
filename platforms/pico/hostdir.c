/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* hostdir.c: volumes on pico: host directories the tender opened, used
 * with raw *at system calls resolved beneath them. */
#include <errno.h>
#include <ingot/linux_errno.h>
#include <ingot/plat.h>

#include "hostdir.h"

/* The host's errors, in the library OS's numbering. */
static long err_of(long r)
{
    return r >= 0 ? r : ig_errno_from_linux((unsigned long)-r);
}

int ig_pico_nvolumes;
static struct ig_pico_volume vols[IG_PICO_VOLUMES_MAX];

void ig_pico_volumes_init(const struct ig_pico_boot *bi)
{
    uint32_t n = bi->nvolumes;

    if (n > IG_PICO_VOLUMES_MAX)
        ig_pico_die("the tender passed too many volumes");
    for (uint32_t i = 0; i < n; i++) {
        vols[i] = bi->volumes[i];
        vols[i].tag[sizeof(vols[i].tag) - 1] = '\0';
        if (vols[i].fd < 3)
            ig_pico_die("the tender passed a bad volume descriptor");
    }
    ig_pico_nvolumes = (int)n;
}

int ig_pico_hd_bad_handle(int h)
{
    if (h < 3)
        return 1;
    for (int i = 0; i < ig_pico_nvolumes; i++)
        if (vols[i].fd == h)
            return 1;
    return 0;
}

static int bad_path(const char *p)
{
    return !p || !*p || *p == '/';
}

long ig_pico_hd_sys3(long nr, long a0, long a1, long a2)
{
    return err_of(ig_pico_syscall3(nr, a0, a1, a2));
}

long ig_pico_hd_sys4(long nr, long a0, long a1, long a2, long a3)
{
    return err_of(ig_pico_syscall4(nr, a0, a1, a2, a3));
}

/* openat2 beneath volume (dev); (path) must be checked by the caller. */
static long open_beneath(int dev, const char *path, uint64_t flags,
                         uint64_t mode)
{
    struct l_open_how how = {flags | L_O_CLOEXEC, mode,
                             L_RESOLVE_BENEATH | L_RESOLVE_NO_MAGICLINKS};

    return ig_pico_hd_sys4(NR_OPENAT2, vols[dev].fd, (long)path, (long)&how,
                           sizeof(how));
}

long ig_pico_hd_parent(int dev, const char *path, const char **leaf)
{
    char buf[4096];
    size_t slash = 0, n = 0;

    if (dev < 0 || dev >= ig_pico_nvolumes)
        return -ENODEV;
    if (bad_path(path))
        return -EINVAL;
    for (; path[n]; n++)
        if (path[n] == '/')
            slash = n;
    if (n >= sizeof(buf))
        return -ENAMETOOLONG;
    if (slash == 0) {
        *leaf = path;
        return vols[dev].fd;
    }
    for (size_t i = 0; i < slash; i++)
        buf[i] = path[i];
    buf[slash] = '\0';
    *leaf = path + slash + 1;
    return open_beneath(dev, buf, L_O_PATH | L_O_DIRECTORY, 0);
}

void ig_pico_hd_put_parent(int dev, long fd)
{
    if (fd != vols[dev].fd)
        ig_pico_hd_sys3(NR_CLOSE, fd, 0, 0);
}

int ig_plat_hostdir_info(int dev, struct ig_plat_hostdir_info *out)
{
    if (dev < 0 || dev >= ig_pico_nvolumes)
        return -ENODEV;
    for (size_t i = 0; i < sizeof(out->tag); i++)
        out->tag[i] = vols[dev].tag[i];
    out->readonly = (vols[dev].flags & IG_PICO_VOL_RDONLY) != 0;
    return 0;
}

int ig_plat_hostdir_open(int dev, const char *path, unsigned flags,
                         unsigned mode)
{
    uint64_t lf = 0;

    if (dev < 0 || dev >= ig_pico_nvolumes)
        return -ENODEV;
    if (bad_path(path))
        return -EINVAL;
    if ((flags & IG_PLAT_HD_READ) && (flags & IG_PLAT_HD_WRITE))
        lf = L_O_RDWR;
    else if (flags & IG_PLAT_HD_WRITE)
        lf = L_O_WRONLY;
    else
        lf = L_O_RDONLY;
    if (flags & IG_PLAT_HD_CREAT)
        lf |= L_O_CREAT;
    if (flags & IG_PLAT_HD_EXCL)
        lf |= L_O_EXCL;
    if (flags & IG_PLAT_HD_TRUNC)
        lf |= L_O_TRUNC;
    if (flags & IG_PLAT_HD_DIR)
        lf |= L_O_DIRECTORY;
    /* Non-blocking, so that opening a FIFO cannot hang the image before
     * the check below refuses it. */
    long fd = open_beneath(dev, path, lf | L_O_NONBLOCK | L_O_NOCTTY,
                           (flags & IG_PLAT_HD_CREAT) ? (mode & 07777) : 0);
    struct l_stat k;
    if (fd < 0)
        return (int)fd;
    long r = ig_pico_hd_sys3(NR_FSTAT, fd, (long)&k, 0);
    if (r == 0 && (k.mode & 0170000) != 0100000 &&
        (k.mode & 0170000) != 0040000)
        r = -ENXIO;
    if (r < 0) {
        ig_pico_hd_sys3(NR_CLOSE, fd, 0, 0);
        return (int)r;
    }
    return (int)fd;
}

static void conv_stat(const struct l_stat *k, struct ig_plat_hostdir_stat *st)
{
    st->ino = k->ino;
    st->size = (uint64_t)k->size;
    st->blocks = (uint64_t)k->blocks;
    st->mode = k->mode;
    st->nlink = (uint32_t)k->nlink;
    st->atime_ns = (int64_t)(k->atime * 1000000000ull + k->atime_ns);
    st->mtime_ns = (int64_t)(k->mtime * 1000000000ull + k->mtime_ns);
    st->ctime_ns = (int64_t)(k->ctime * 1000000000ull + k->ctime_ns);
}

int ig_plat_hostdir_fstat(int h, struct ig_plat_hostdir_stat *st)
{
    struct l_stat k;
    long r;

    if (h < 3)
        return -EBADF;
    r = ig_pico_hd_sys3(NR_FSTAT, h, (long)&k, 0);
    if (r < 0)
        return (int)r;
    conv_stat(&k, st);
    return 0;
}

/* O_PATH opens even what may not be read; O_NOFOLLOW (lstat) then
 * yields the link itself. */
static int stat_path(int dev, const char *path, uint64_t nofollow,
                     struct ig_plat_hostdir_stat *st)
{
    long fd;
    int r;

    if (dev < 0 || dev >= ig_pico_nvolumes)
        return -ENODEV;
    if (bad_path(path))
        return -EINVAL;
    fd = open_beneath(dev, path, L_O_PATH | nofollow, 0);
    if (fd < 0)
        return (int)fd;
    r = ig_plat_hostdir_fstat((int)fd, st);
    ig_pico_hd_sys3(NR_CLOSE, fd, 0, 0);
    return r;
}

int ig_plat_hostdir_stat(int dev, const char *path,
                         struct ig_plat_hostdir_stat *st)
{
    return stat_path(dev, path, 0, st);
}

int ig_plat_hostdir_lstat(int dev, const char *path,
                          struct ig_plat_hostdir_stat *st)
{
    return stat_path(dev, path, L_O_NOFOLLOW, st);
}

int ig_plat_hostdir_close(int h)
{
    if (ig_pico_hd_bad_handle(h))
        return -EBADF;
    return (int)ig_pico_hd_sys3(NR_CLOSE, h, 0, 0);
}
