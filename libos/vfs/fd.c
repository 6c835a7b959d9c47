/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fd.c: the descriptor table and the calls that work on any descriptor. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vfs_internal.h"

/* One table for the whole image: files, devices, pipes and sockets.  It
 * grows by doubling as descriptors are opened, up to the RLIMIT_NOFILE
 * soft limit; every descriptor below (lowfree) is in use, so opening
 * the lowest free one does not rescan the full part of the table. */
struct fdent {
    struct ig_file *file;
    int cloexec;
};
static struct fdent *fds;
static int fd_cap, lowfree;
static int fd_soft = IG_FD_SOFT, fd_hard = IG_FD_HARD;

/* Makes room for descriptor (fd) < fd_hard.  Returns 0 or -ENOMEM. */
static int fd_grow(int fd)
{
    int cap = fd_cap ? fd_cap : 64;

    if (fd < fd_cap)
        return 0;
    while (cap <= fd)
        cap = cap > fd_hard / 2 ? fd_hard : cap * 2;
    struct fdent *n = realloc(fds, (size_t)cap * sizeof(*n));
    if (!n)
        return -ENOMEM;
    memset(n + fd_cap, 0, (size_t)(cap - fd_cap) * sizeof(*n));
    fds = n;
    fd_cap = cap;
    return 0;
}

void ig_vfs_fd_limits(unsigned long *soft, unsigned long *hard)
{
    *soft = (unsigned long)fd_soft;
    *hard = (unsigned long)fd_hard;
}

int ig_vfs_fd_setlimits(unsigned long soft, unsigned long hard)
{
    if (soft > hard)
        return -EINVAL;
    if (hard > IG_FD_HARD)
        return -EPERM;
    fd_soft = (int)soft;
    fd_hard = (int)hard;
    return 0;
}

int ig_vfs_fd_count(void)
{
    int n = 0;

    for (int fd = 0; fd < fd_cap; fd++)
        n += fds[fd].file != NULL;
    return n;
}

int ig_vfs_fd_end(void)
{
    return fd_cap;
}

void (*ig_file_notify_hook)(void);
void (*ig_file_gone_hook)(struct ig_file *f);
unsigned long ig_file_notify_seq;

uint64_t ig_file_event(void)
{
    static uint64_t seq;
    return ++seq;
}

void ig_file_notify(void)
{
    ig_file_notify_seq++;
    if (ig_file_notify_hook)
        ig_file_notify_hook();
}

unsigned ig_file_poll(struct ig_file *f)
{
    return f->ops->poll ? f->ops->poll(f) : IG_POLL_IN | IG_POLL_OUT;
}

struct ig_file *ig_fd_get(int fd)
{
    if (fd < 0 || fd >= fd_cap)
        return NULL;
    return fds[fd].file;
}

struct ig_file *ig_file_alloc(const struct ig_file_ops *ops, int flags,
                              void *priv)
{
    struct ig_file *f = calloc(1, sizeof(*f));

    if (!f)
        return NULL;
    f->ops = ops;
    f->flags = flags;
    f->refs = 1;
    f->priv = priv;
    return f;
}

void ig_file_put(struct ig_file *f)
{
    if (&ig_vfs_lock_release && f->vn)
        ig_vfs_lock_release(f, f->refs == 1);
    if (--f->refs > 0)
        return;
    if (f->ops->release)
        f->ops->release(f);
    if (f->vn)
        ig_vnode_put(f->vn);
    if (ig_file_gone_hook)
        ig_file_gone_hook(f);
    free(f);
}

void ig_file_hold(struct ig_file *f)
{
    f->refs++;
}

void ig_file_drop(struct ig_file *f)
{
    if (f->refs > 1)
        f->refs--;
    else
        ig_file_put(f);
}

int ig_fd_alloc(struct ig_file *f, int min, int cloexec)
{
    int fd = min > lowfree ? min : lowfree;

    while (fd < fd_cap && fds[fd].file)
        fd++;
    if (fd >= fd_soft)
        return -EMFILE;
    if (fd_grow(fd) < 0)
        return -ENOMEM;
    fds[fd].file = f;
    fds[fd].cloexec = cloexec;
    if (fd == lowfree)
        lowfree++;
    return fd;
}

int ig_fd_install(const struct ig_file_ops *ops, int flags, void *priv)
{
    struct ig_file *f = ig_file_alloc(ops, flags, priv);

    if (!f)
        return -ENOMEM;
    int fd = ig_fd_alloc(f, 0, 0);
    if (fd < 0)
        ig_file_put(f);
    return fd;
}

int ig_vfs_close(int fd)
{
    struct ig_file *f = ig_fd_get(fd);

    if (!f)
        return -EBADF;
    fds[fd].file = NULL;
    if (fd < lowfree)
        lowfree = fd;
    ig_file_put(f);
    return 0;
}

static int can(struct ig_file *f, int write)
{
    int acc = f->flags & O_ACCMODE;
    return write ? acc == O_WRONLY || acc == O_RDWR
                 : acc == O_RDONLY || acc == O_RDWR;
}

/* Linux's rules for a transfer of (*len) bytes at (off): a count is cut to
 * IG_RW_MAX, and a negative offset or one whose end does not fit in off_t
 * is -EINVAL, so no filesystem sees a range that wraps. */
static int rw_range(off_t off, size_t *len)
{
    if (*len > IG_RW_MAX)
        *len = IG_RW_MAX;
    if (off < 0 || off > INT64_MAX - (off_t)*len)
        return -EINVAL;
    return 0;
}

/* After (n) bytes of (f) moved between (buf) and the file at the offset
 * where (*end) now ends them, the shared mappings of the file (shmap.c)
 * give them to a read or take them from a write. */
static ssize_t seg_after(struct ig_file *f, const void *buf, ssize_t n,
                         const off_t *end, int write)
{
    if (n > 0 && end && f->vn && f->vn->segs && &ig_vfs_seg_io)
        ig_vfs_seg_io(f->vn, (void *)buf, (size_t)n, *end - n, write);
    return n;
}

ssize_t ig_vfs_read(int fd, void *buf, size_t len)
{
    struct ig_file *f = ig_fd_get(fd);

    if (!f || !can(f, 0))
        return -EBADF;
    if (!f->ops->read)
        return -EINVAL;
    if (rw_range(f->ops->seekable ? f->pos : 0, &len))
        return -EINVAL;
    off_t *pos = f->ops->seekable ? &f->pos : NULL;
    return seg_after(f, buf, f->ops->read(f, buf, len, pos), pos, 0);
}

ssize_t ig_vfs_write(int fd, const void *buf, size_t len)
{
    struct ig_file *f = ig_fd_get(fd);

    if (!f || !can(f, 1))
        return -EBADF;
    if (!f->ops->write)
        return -EINVAL;
    if (rw_range(f->ops->seekable ? f->pos : 0, &len))
        return -EINVAL;
    off_t *pos = f->ops->seekable ? &f->pos : NULL;
    return seg_after(f, buf, f->ops->write(f, buf, len, pos), pos, 1);
}

ssize_t ig_vfs_rwv(int fd, const struct iovec *iov, int n, int wr)
{
    struct ig_file *f = ig_fd_get(fd);

    if (!f || !can(f, wr))
        return -EBADF;
    if (wr ? !f->ops->writev : !f->ops->readv)
        return -ENOSYS;
    return wr ? f->ops->writev(f, iov, n) : f->ops->readv(f, iov, n);
}

ssize_t ig_vfs_pread(int fd, void *buf, size_t len, off_t off)
{
    struct ig_file *f = ig_fd_get(fd);

    if (!f || !can(f, 0))
        return -EBADF;
    if (!f->ops->seekable)
        return -ESPIPE;
    if (rw_range(off, &len))
        return -EINVAL;
    return seg_after(f, buf, f->ops->read(f, buf, len, &off), &off, 0);
}

ssize_t ig_vfs_pwrite(int fd, const void *buf, size_t len, off_t off)
{
    struct ig_file *f = ig_fd_get(fd);

    if (!f || !can(f, 1))
        return -EBADF;
    if (!f->ops->seekable)
        return -ESPIPE;
    if (rw_range(off, &len))
        return -EINVAL;
    return seg_after(f, buf, f->ops->write(f, buf, len, &off), &off, 1);
}

int ig_file_whence_base(struct ig_file *f, int whence, off_t *base)
{
    struct stat st;
    int err;

    switch (whence) {
    case SEEK_SET:
        *base = 0;
        return 0;
    case SEEK_CUR:
        *base = f->pos;
        return 0;
    case SEEK_END:
        /* The storage's size (a volume's file may have grown on the host),
         * else what the vnode knows. */
        if (f->ops->stat)
            err = f->ops->stat(f, &st);
        else if (f->vn)
            err = ig_vnode_getattr(f->vn, &st);
        else
            err = 0, st.st_size = 0;
        if (err)
            return err;
        *base = st.st_size;
        return 0;
    default:
        return -EINVAL;
    }
}

off_t ig_vfs_lseek(int fd, off_t off, int whence)
{
    struct ig_file *f = ig_fd_get(fd);
    off_t base, pos;

    if (!f)
        return -EBADF;
    if (!f->ops->seekable)
        return -ESPIPE;
    int err = ig_file_whence_base(f, whence, &base);
    if (err)
        return err;
    if (__builtin_add_overflow(base, off, &pos) || pos < 0)
        return -EINVAL;
    f->pos = pos;
    return f->pos;
}

int ig_vfs_fstat(int fd, struct stat *st)
{
    struct ig_file *f = ig_fd_get(fd);

    if (!f)
        return -EBADF;
    if (f->ops->stat)
        return f->ops->stat(f, st);
    if (!f->vn)
        return -EINVAL;
    return ig_vnode_getattr(f->vn, st);
}

int ig_vfs_fsync(int fd)
{
    struct ig_file *f = ig_fd_get(fd);

    if (!f)
        return -EBADF;
    if (f->ops->fsync)
        return f->ops->fsync(f);
    return f->vn ? 0 : -EINVAL;
}

int ig_vfs_isatty(int fd)
{
    struct ig_file *f = ig_fd_get(fd);

    if (!f)
        return -EBADF;
    return f->ops->tty ? 1 : -ENOTTY;
}

int ig_vfs_dup(int fd, int min, int cloexec)
{
    struct ig_file *f = ig_fd_get(fd);

    if (!f)
        return -EBADF;
    if (min < 0 || min >= fd_soft)
        return -EINVAL;
    int nfd = ig_fd_alloc(f, min, cloexec);
    if (nfd >= 0)
        f->refs++;
    return nfd;
}

int ig_vfs_dup2(int fd, int newfd)
{
    struct ig_file *f = ig_fd_get(fd);

    if (!f || newfd < 0 || newfd >= fd_soft)
        return -EBADF;
    if (fd == newfd)
        return newfd;
    if (fd_grow(newfd) < 0)
        return -ENOMEM;
    f->refs++;
    if (fds[newfd].file)
        ig_file_put(fds[newfd].file);
    fds[newfd].file = f;
    fds[newfd].cloexec = 0;
    while (lowfree < fd_cap && fds[lowfree].file)
        lowfree++;
    return newfd;
}

int ig_vfs_fcntl(int fd, int cmd, long arg)
{
    struct ig_file *f = ig_fd_get(fd);
    const int settable = O_APPEND | O_NONBLOCK;

    if (!f)
        return -EBADF;
    switch (cmd) {
    case F_DUPFD:
        return ig_vfs_dup(fd, (int)arg, 0);
    case F_DUPFD_CLOEXEC:
        return ig_vfs_dup(fd, (int)arg, 1);
    case F_GETFD:
        return fds[fd].cloexec ? FD_CLOEXEC : 0;
    case F_SETFD:
        fds[fd].cloexec = (arg & FD_CLOEXEC) != 0;
        return 0;
    case F_GETFL:
        return f->flags;
    case F_SETFL:
        f->flags = (f->flags & ~settable) | ((int)arg & settable);
        return 0;
    default:
        return -EINVAL;
    }
}

/* Files in the name space: ramfs files, directories and devices. */
static ssize_t vn_read(struct ig_file *f, void *buf, size_t len, off_t *off)
{
    struct ig_vnode *vn = f->vn;

    if (S_ISDIR(vn->mode))
        return -EISDIR;
    ssize_t n = vn->ops->read(vn, buf, len, off ? *off : 0);
    if (n > 0 && off)
        *off += n;
    return n;
}

static ssize_t vn_write(struct ig_file *f, const void *buf, size_t len,
                        off_t *off)
{
    struct ig_vnode *vn = f->vn;
    off_t at = off ? *off : 0;

    if (off && (f->flags & O_APPEND) && off == &f->pos)
        at = vn->size;
    ssize_t n = vn->ops->write(vn, buf, len, at);
    if (n > 0 && off)
        *off = at + n;
    return n;
}

static const struct ig_file_ops vnode_file_ops = {
    .read = vn_read,
    .write = vn_write,
    .seekable = 1,
};

static ssize_t dev_read(struct ig_file *f, void *buf, size_t len, off_t *off)
{
    (void)off;
    return f->vn->ops->read(f->vn, buf, len, 0);
}

static ssize_t dev_write(struct ig_file *f, const void *buf, size_t len,
                         off_t *off)
{
    (void)off;
    return f->vn->ops->write(f->vn, buf, len, 0);
}

static const struct ig_file_ops dev_file_ops = {
    .read = dev_read,
    .write = dev_write,
};

static const struct ig_file_ops tty_file_ops = {
    .read = dev_read,
    .write = dev_write,
    .tty = 1,
};

void ig_file_set_tty(struct ig_file *f, int on)
{
    if (f->ops == &dev_file_ops || f->ops == &tty_file_ops)
        f->ops = on ? &tty_file_ops : &dev_file_ops;
}

int ig_vnode_open(struct ig_vnode *vn, int flags)
{
    const struct ig_file_ops *ops = &vnode_file_ops;

    if (S_ISCHR(vn->mode))
        ops = (vn->flags & IG_VNODE_TTY) ? &tty_file_ops : &dev_file_ops;
    struct ig_file *f = ig_file_alloc(
        ops, flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC), NULL);
    if (!f)
        return -ENOMEM;
    ig_vnode_hold(vn);
    f->vn = vn;
    if (vn->ops->open) {
        int err = vn->ops->open(vn, f, flags);
        if (err) {
            f->ops = &vnode_file_ops; /* nothing of the filesystem's */
            ig_file_put(f);
            return err;
        }
    }
    int fd = ig_fd_alloc(f, 0, (flags & O_CLOEXEC) != 0);
    if (fd < 0)
        ig_file_put(f);
    return fd;
}

int ig_vfs_start(int dirfd, const char *path, struct ig_vnode **out)
{
    if (path[0] == '/' || dirfd == AT_FDCWD) {
        *out = ig_vfs.cwd;
        return 0;
    }
    struct ig_file *f = ig_fd_get(dirfd);
    if (!f)
        return -EBADF;
    if (!f->vn || !S_ISDIR(f->vn->mode))
        return -ENOTDIR;
    *out = f->vn;
    return 0;
}
