/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* io.c: descriptor calls on the VFS: read, write, lseek, dup, pipe ... */
#include <ingot/plat.h>
#include <ingot/posix.h>
#include <ingot/sched.h>
#include <ingot/vfs.h>

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/sendfile.h>
#include <sys/uio.h>
#include <unistd.h>

/* Reads and writes that a handler interrupts before any byte moved are
 * made again after SA_RESTART handlers, else fail with EINTR (a pipe, a
 * socket, standard input: <ingot/sched.h>, ig_sched_again()).  They are
 * cancellation points. */
ssize_t read(int fd, void *buf, size_t len)
{
    long r;

    ig_sched_testcancel();
    do
        r = ig_vfs_read(fd, buf, len);
    while (ig_sched_again(&r, 1));
    return ig_posix_ret(r);
}

/* A write to a pipe nobody reads raises SIGPIPE first, as on Linux: its
 * default action ends the image (141); ignored or handled, EPIPE. */
static ssize_t broken_pipe(ssize_t r)
{
    if (r == -EPIPE)
        raise(SIGPIPE);
    return r;
}

ssize_t write(int fd, const void *buf, size_t len)
{
    long r;

    ig_sched_testcancel();
    do
        r = ig_vfs_write(fd, buf, len);
    while (ig_sched_again(&r, 1));
    return ig_posix_ret(broken_pipe(r));
}

ssize_t pread(int fd, void *buf, size_t len, off_t off)
{
    return ig_posix_ret(ig_vfs_pread(fd, buf, len, off));
}

ssize_t pwrite(int fd, const void *buf, size_t len, off_t off)
{
    return ig_posix_ret(ig_vfs_pwrite(fd, buf, len, off));
}

/* Each segment in turn, stopping at the first short transfer: a regular
 * file then behaves as one read or write would.  As on Linux, a segment
 * longer than SSIZE_MAX is -EINVAL, and the whole is cut to IG_RW_MAX. */
static ssize_t rw_vec(int fd, const struct iovec *iov, int n, int wr)
{
    size_t total = 0;

    ig_sched_testcancel();
    if (n < 0 || n > IOV_MAX)
        return ig_posix_ret(-EINVAL);
    for (int i = 0; i < n; i++)
        if (iov[i].iov_len > SIZE_MAX / 2) /* above SSIZE_MAX */
            return ig_posix_ret(-EINVAL);
    /* A socket takes the vector whole: one send (TCP segments are not cut
     * at the segments' bounds), one datagram or record. */
    long r;
    do
        r = ig_vfs_rwv(fd, iov, n, wr);
    while (r != -ENOSYS && ig_sched_again(&r, 1));
    if (r != -ENOSYS)
        return ig_posix_ret(wr ? broken_pipe(r) : r);
    for (int i = 0; i < n && total < IG_RW_MAX; i++) {
        size_t len = iov[i].iov_len;
        if (len > IG_RW_MAX - total)
            len = IG_RW_MAX - total;
        long r = wr ? ig_vfs_write(fd, iov[i].iov_base, len)
                    : ig_vfs_read(fd, iov[i].iov_base, len);
        if (r < 0 && !total && ig_sched_again(&r, 1)) {
            i--; /* a handler ran with SA_RESTART: this segment again */
            continue;
        }
        if (r < 0)
            return total ? (ssize_t)total
                         : ig_posix_ret(wr ? broken_pipe(r) : r);
        total += (size_t)r;
        if ((size_t)r < len)
            break;
    }
    return (ssize_t)total;
}

ssize_t readv(int fd, const struct iovec *iov, int iovcnt)
{
    return rw_vec(fd, iov, iovcnt, 0);
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt)
{
    return rw_vec(fd, iov, iovcnt, 1);
}

int close(int fd)
{
    return (int)ig_posix_ret(ig_vfs_close(fd));
}

off_t lseek(int fd, off_t off, int whence)
{
    return ig_posix_ret(ig_vfs_lseek(fd, off, whence));
}

int fstat(int fd, struct stat *st)
{
    return (int)ig_posix_ret(ig_vfs_fstat(fd, st));
}

int isatty(int fd)
{
    int r = ig_vfs_isatty(fd);

    if (r == 1)
        return 1;
    ig_posix_failed(r); /* isatty answers 0, not -1, for "no" */
    return 0;
}

int fsync(int fd)
{
    return (int)ig_posix_ret(ig_vfs_fsync(fd));
}

int ftruncate(int fd, off_t len)
{
    return (int)ig_posix_ret(ig_vfs_ftruncate(fd, len));
}

int dup(int fd)
{
    return (int)ig_posix_ret(ig_vfs_dup(fd, 0, 0));
}

int dup2(int fd, int newfd)
{
    return (int)ig_posix_ret(ig_vfs_dup2(fd, newfd));
}

int pipe(int fds[2])
{
    return (int)ig_posix_ret(ig_vfs_pipe(fds, 0));
}

int pipe2(int fds[2], int flags)
{
    if (flags & ~(O_NONBLOCK | O_CLOEXEC | O_DIRECT))
        return (int)ig_posix_ret(-EINVAL);
    return (int)ig_posix_ret(ig_vfs_pipe(fds, flags));
}

int dup3(int fd, int newfd, int flags)
{
    if (flags & ~O_CLOEXEC)
        return (int)ig_posix_ret(-EINVAL);
    if (fd == newfd)
        return (int)ig_posix_ret(ig_vfs_fcntl(fd, F_GETFD, 0) < 0 ? -EBADF
                                                                  : -EINVAL);
    int r = ig_vfs_dup2(fd, newfd);
    if (r >= 0 && (flags & O_CLOEXEC))
        ig_vfs_fcntl(r, F_SETFD, FD_CLOEXEC);
    return (int)ig_posix_ret(r);
}

ssize_t getrandom(void *buf, size_t len, unsigned int flags)
{
    if (flags & ~(unsigned)(GRND_NONBLOCK | GRND_RANDOM))
        return ig_posix_ret(-EINVAL);
    return ig_posix_ret(ig_plat_entropy(buf, len));
}

int getentropy(void *buf, size_t len)
{
    if (len > 256)
        return (int)ig_posix_ret(-EIO);
    long r = ig_plat_entropy(buf, len);
    return r < 0 ? (int)ig_posix_ret(r) : 0;
}

/* sendfile(2) as reads and writes through a buffer: there is no page
 * cache to splice from.  Like Linux: (in_fd) must be seekable when
 * (offset) is given, which is then advanced instead of the position. */
ssize_t sendfile(int out_fd, int in_fd, off_t *offset, size_t count)
{
    char buf[4096];
    size_t done = 0;
    off_t off = offset ? *offset : 0;

    if (offset && *offset < 0)
        return ig_posix_ret(-EINVAL);
    if (count > 0x7ffff000)
        count = 0x7ffff000; /* Linux's MAX_RW_COUNT */
    while (done < count) {
        size_t want = count - done < sizeof(buf) ? count - done : sizeof(buf);
        ssize_t n = offset ? ig_vfs_pread(in_fd, buf, want, off)
                           : ig_vfs_read(in_fd, buf, want);
        if (n <= 0) {
            if (n < 0 && !done)
                return ig_posix_ret(n);
            break;
        }
        ssize_t w = 0;
        while (w < n) {
            ssize_t k = ig_vfs_write(out_fd, buf + w, (size_t)(n - w));
            if (k <= 0) {
                /* What was read but not written goes back to the input. */
                if (!offset && n - w > 0)
                    ig_vfs_lseek(in_fd, -(off_t)(n - w), SEEK_CUR);
                if (offset)
                    *offset = off + w;
                return done + (size_t)w ? (ssize_t)(done + (size_t)w)
                                        : ig_posix_ret(k < 0 ? k : -EIO);
            }
            w += k;
        }
        done += (size_t)n;
        off += n;
        if ((size_t)n < want)
            break;
    }
    if (offset)
        *offset = off;
    return (ssize_t)done;
}
