/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fileio.c: vectored positional I/O, syncing and preallocation. */
#include <ingot/vfs.h>

#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <ingot/posix.h>

/* As readv/writev at (off): each segment in turn, stopping at the first
 * short transfer; the position is left alone. */
static ssize_t prw_vec(int fd, const struct iovec *iov, int n, off_t off,
                       int wr)
{
    ssize_t total = 0;

    if (n < 0 || n > IOV_MAX || off < 0)
        return ig_posix_ret(-EINVAL);
    for (int i = 0; i < n; i++) {
        if (iov[i].iov_len > (size_t)(SSIZE_MAX - total))
            return ig_posix_ret(-EINVAL);
    }
    for (int i = 0; i < n; i++) {
        ssize_t r = wr ? ig_vfs_pwrite(fd, iov[i].iov_base, iov[i].iov_len, off)
                       : ig_vfs_pread(fd, iov[i].iov_base, iov[i].iov_len, off);
        if (r < 0)
            return total ? total : ig_posix_ret(r);
        total += r;
        off += r;
        if ((size_t)r < iov[i].iov_len)
            break;
    }
    return total;
}

ssize_t preadv(int fd, const struct iovec *iov, int n, off_t off)
{
    return prw_vec(fd, iov, n, off, 0);
}

ssize_t pwritev(int fd, const struct iovec *iov, int n, off_t off)
{
    return prw_vec(fd, iov, n, off, 1);
}

/* Data and metadata go to storage together (ramfs: nothing to do). */
int fdatasync(int fd)
{
    return fsync(fd);
}

int syncfs(int fd)
{
    return fsync(fd);
}

void sync(void) {}

int sync_file_range(int fd, off_t off, off_t nbytes, unsigned int flags)
{
    if (flags & ~7u || off < 0 || nbytes < 0 || off > INT64_MAX - nbytes)
        return (int)ig_posix_ret(-EINVAL);
    struct stat st;
    int r = ig_vfs_fstat(fd, &st);
    if (r == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
        r = -ESPIPE;
    if (r == 0 && flags)
        r = ig_vfs_fsync(fd);
    return (int)ig_posix_ret(r);
}

/* Reserving is growing the file where it is shorter: ramfs and volumes
 * allocate on write anyway.  Returns an error number. */
static int alloc_range(int fd, int mode, off_t off, off_t len)
{
    struct stat st;

    if (off < 0 || len <= 0)
        return EINVAL;
    if (off > INT64_MAX - len)
        return EFBIG;
    struct ig_file *f = ig_fd_get(fd);
    if (!f)
        return EBADF;
    if ((f->flags & O_ACCMODE) == O_RDONLY)
        return EBADF;
    int r = ig_vfs_fstat(fd, &st);
    if (r < 0)
        return -r;
    if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))
        return ESPIPE;
    if (S_ISDIR(st.st_mode))
        return EISDIR;
    if (!S_ISREG(st.st_mode))
        return ENODEV;
    if (mode == 0 && st.st_size < off + len)
        r = ig_vfs_ftruncate(fd, off + len);
    return -r;
}

int posix_fallocate(int fd, off_t off, off_t len)
{
    return alloc_range(fd, 0, off, len);
}

int fallocate(int fd, int mode, off_t off, off_t len)
{
    if (mode & ~FALLOC_FL_KEEP_SIZE)
        return (int)ig_posix_ret(-EOPNOTSUPP);
    return (int)ig_posix_ret(-alloc_range(fd, mode, off, len));
}

int posix_fadvise(int fd, off_t off, off_t len, int advice)
{
    struct stat st;

    if (!ig_fd_get(fd))
        return EBADF;
    if (advice < POSIX_FADV_NORMAL || advice > POSIX_FADV_NOREUSE || len < 0)
        return EINVAL;
    (void)off;
    if (ig_vfs_fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode))
        return ESPIPE;
    return 0;
}
