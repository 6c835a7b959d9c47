/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* hostdir.c: volumes on pico: host directories the tender opened, used
 * with raw *at system calls resolved beneath them. */
#include <errno.h>
#include <ingot/plat.h>

#include "pico_internal.h"

/* Linux x86_64 system call numbers and flags (the guest has no Linux
 * headers: newlib's O_* values differ). */
#define NR_CLOSE 3
#define NR_FSTAT 5
#define NR_PREAD64 17
#define NR_PWRITE64 18
#define NR_FSYNC 74
#define NR_FSTATFS 138
#define NR_FTRUNCATE 77
#define NR_GETDENTS64 217
#define NR_MKDIRAT 258
#define NR_UNLINKAT 263
#define NR_RENAMEAT 264
#define NR_SYMLINKAT 266
#define NR_READLINKAT 267
#define NR_UTIMENSAT 280
#define NR_OPENAT2 437

#define L_O_RDONLY 0
#define L_O_WRONLY 01
#define L_O_RDWR 02
#define L_O_CREAT 0100
#define L_O_EXCL 0200
#define L_O_NOCTTY 0400
#define L_O_TRUNC 01000
#define L_O_NONBLOCK 04000
#define L_O_DIRECTORY 0200000
#define L_O_CLOEXEC 02000000
#define L_O_PATH 010000000
#define L_AT_REMOVEDIR 0x200
#define L_RESOLVE_NO_MAGICLINKS 0x02
#define L_RESOLVE_BENEATH 0x08

struct l_open_how {
    uint64_t flags, mode, resolve;
};

/* The kernel's struct stat on x86_64. */
struct l_stat {
    uint64_t dev, ino, nlink;
    uint32_t mode, uid, gid, pad0;
    uint64_t rdev;
    int64_t size, blksize, blocks;
    uint64_t atime, atime_ns, mtime, mtime_ns, ctime, ctime_ns;
    int64_t unused[3];
};

/* Linux errno values that differ from the library OS's (newlib's); both
 * agree on 1-34. */
static long err_of(long r)
{
    if (r >= 0 || r >= -34)
        return r;
    switch (-r) {
    case 36:
        return -ENAMETOOLONG;
    case 38:
        return -ENOSYS;
    case 39:
        return -ENOTEMPTY;
    case 40:
        return -ELOOP;
    case 75:
        return -EOVERFLOW;
    case 95:
        return -EOPNOTSUPP;
    case 122:
        return -EDQUOT;
    default:
        return -EIO;
    }
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

/* Handles are host descriptors the guest opened: never stdio (the filter
 * refuses those) and never a volume's own directory. */
static int bad_handle(int h)
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

static long sys3(long nr, long a0, long a1, long a2)
{
    return err_of(ig_pico_syscall3(nr, a0, a1, a2));
}

static long sys4(long nr, long a0, long a1, long a2, long a3)
{
    return err_of(ig_pico_syscall4(nr, a0, a1, a2, a3));
}

/* openat2 beneath volume (dev); (path) must be checked by the caller. */
static long open_beneath(int dev, const char *path, uint64_t flags,
                         uint64_t mode)
{
    struct l_open_how how = {flags | L_O_CLOEXEC, mode,
                             L_RESOLVE_BENEATH | L_RESOLVE_NO_MAGICLINKS};

    return sys4(NR_OPENAT2, vols[dev].fd, (long)path, (long)&how, sizeof(how));
}

/*
 * Opens the directory holding the last component of (path) beneath volume
 * (dev) and stores that component in (*leaf).  Returns the descriptor (the
 * volume's own when (path) has one component) or a negative errno.
 */
static long parent_of(int dev, const char *path, const char **leaf)
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

static void put_parent(int dev, long fd)
{
    if (fd != vols[dev].fd)
        sys3(NR_CLOSE, fd, 0, 0);
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
    long r = sys3(NR_FSTAT, fd, (long)&k, 0);
    if (r == 0 && (k.mode & 0170000) != 0100000 &&
        (k.mode & 0170000) != 0040000)
        r = -ENXIO;
    if (r < 0) {
        sys3(NR_CLOSE, fd, 0, 0);
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
    r = sys3(NR_FSTAT, h, (long)&k, 0);
    if (r < 0)
        return (int)r;
    conv_stat(&k, st);
    return 0;
}

int ig_plat_hostdir_stat(int dev, const char *path,
                         struct ig_plat_hostdir_stat *st)
{
    long fd;
    int r;

    if (dev < 0 || dev >= ig_pico_nvolumes)
        return -ENODEV;
    if (bad_path(path))
        return -EINVAL;
    fd = open_beneath(dev, path, L_O_PATH, 0);
    if (fd < 0)
        return (int)fd;
    r = ig_plat_hostdir_fstat((int)fd, st);
    sys3(NR_CLOSE, fd, 0, 0);
    return r;
}

long ig_plat_hostdir_pread(int h, void *buf, size_t len, uint64_t off)
{
    long r;

    if (bad_handle(h))
        return -EBADF;
    do
        r = sys4(NR_PREAD64, h, (long)buf, (long)len, (long)off);
    while (r == -EINTR);
    return r;
}

long ig_plat_hostdir_pwrite(int h, const void *buf, size_t len, uint64_t off)
{
    long r;

    if (bad_handle(h))
        return -EBADF;
    do
        r = sys4(NR_PWRITE64, h, (long)buf, (long)len, (long)off);
    while (r == -EINTR);
    return r;
}

int ig_plat_hostdir_ftruncate(int h, uint64_t len)
{
    if (bad_handle(h))
        return -EBADF;
    return (int)sys3(NR_FTRUNCATE, h, (long)len, 0);
}

int ig_plat_hostdir_futimens(int h, int64_t atime_ns, int64_t mtime_ns)
{
    struct ig_pico_timespec ts[2];
    int64_t t[2] = {atime_ns, mtime_ns};

    if (bad_handle(h))
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
    return (int)sys4(NR_UTIMENSAT, h, 0, (long)ts, 0);
}

int ig_plat_hostdir_fsync(int h)
{
    if (bad_handle(h))
        return -EBADF;
    return (int)sys3(NR_FSYNC, h, 0, 0);
}

int ig_plat_hostdir_fstatfs(int h, struct ig_plat_hostdir_statfs *out)
{
    /* The kernel's struct statfs on x86_64: type, bsize, blocks, bfree,
     * bavail, files, ffree, fsid, namelen, frsize, flags, spare[4]. */
    int64_t k[15];
    long r;

    if (bad_handle(h))
        return -EBADF;
    r = sys3(NR_FSTATFS, h, (long)k, 0);
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

int ig_plat_hostdir_close(int h)
{
    if (bad_handle(h))
        return -EBADF;
    return (int)sys3(NR_CLOSE, h, 0, 0);
}

long ig_plat_hostdir_readdir(int h, void *buf, size_t cap)
{
    if (bad_handle(h))
        return -EBADF;
    return sys3(NR_GETDENTS64, h, (long)buf, (long)cap);
}

int ig_plat_hostdir_mkdir(int dev, const char *path, unsigned mode)
{
    const char *leaf;
    long fd = parent_of(dev, path, &leaf), r;

    if (fd < 0)
        return (int)fd;
    r = sys3(NR_MKDIRAT, fd, (long)leaf, mode & 07777);
    put_parent(dev, fd);
    return (int)r;
}

int ig_plat_hostdir_unlink(int dev, const char *path, int dir)
{
    const char *leaf;
    long fd = parent_of(dev, path, &leaf), r;

    if (fd < 0)
        return (int)fd;
    r = sys3(NR_UNLINKAT, fd, (long)leaf, dir ? L_AT_REMOVEDIR : 0);
    put_parent(dev, fd);
    return (int)r;
}

int ig_plat_hostdir_rename(int dev, const char *from, const char *to)
{
    const char *fleaf, *tleaf;
    long ffd = parent_of(dev, from, &fleaf), tfd, r;

    if (ffd < 0)
        return (int)ffd;
    tfd = parent_of(dev, to, &tleaf);
    if (tfd < 0) {
        put_parent(dev, ffd);
        return (int)tfd;
    }
    r = sys4(NR_RENAMEAT, ffd, (long)fleaf, tfd, (long)tleaf);
    put_parent(dev, tfd);
    put_parent(dev, ffd);
    return (int)r;
}

int ig_plat_hostdir_symlink(int dev, const char *target, const char *path)
{
    const char *leaf;
    long fd = parent_of(dev, path, &leaf), r;

    if (fd < 0)
        return (int)fd;
    r = sys3(NR_SYMLINKAT, (long)target, fd, (long)leaf);
    put_parent(dev, fd);
    return (int)r;
}

long ig_plat_hostdir_readlink(int dev, const char *path, char *buf, size_t cap)
{
    const char *leaf;
    long fd = parent_of(dev, path, &leaf), r;

    if (fd < 0)
        return fd;
    r = sys4(NR_READLINKAT, fd, (long)leaf, (long)buf, (long)cap);
    put_parent(dev, fd);
    return r;
}
