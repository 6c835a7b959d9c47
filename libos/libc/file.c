/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* file.c: calls that take path names: open, stat, mkdir, rename ... */
#include <ingot/posix.h>
#include <ingot/vfs.h>

#include <fcntl.h>
#include <reent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <unistd.h>
#include <utime.h>

int openat(int dirfd, const char *path, int flags, ...)
{
    mode_t mode = 0;

    if (flags & O_CREAT) {
        va_list ap;
        va_start(ap, flags);
        mode = (mode_t)va_arg(ap, int);
        va_end(ap);
    }
    return (int)ig_posix_ret(ig_vfs_open(dirfd, path, flags, mode));
}

int open(const char *path, int flags, ...)
{
    mode_t mode = 0;

    if (flags & O_CREAT) {
        va_list ap;
        va_start(ap, flags);
        mode = (mode_t)va_arg(ap, int);
        va_end(ap);
    }
    return (int)ig_posix_ret(ig_vfs_open(AT_FDCWD, path, flags, mode));
}

int creat(const char *path, mode_t mode)
{
    return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int stat(const char *path, struct stat *st)
{
    return (int)ig_posix_ret(ig_vfs_stat(AT_FDCWD, path, st));
}

int lstat(const char *path, struct stat *st)
{
    return (int)ig_posix_ret(ig_vfs_lstat(AT_FDCWD, path, st));
}

int fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
    if (flags & AT_SYMLINK_NOFOLLOW)
        return (int)ig_posix_ret(ig_vfs_lstat(dirfd, path, st));
    return (int)ig_posix_ret(ig_vfs_stat(dirfd, path, st));
}

int access(const char *path, int amode)
{
    return (int)ig_posix_ret(ig_vfs_access(AT_FDCWD, path, amode));
}

int faccessat(int dirfd, const char *path, int amode, int flags)
{
    (void)flags;
    return (int)ig_posix_ret(ig_vfs_access(dirfd, path, amode));
}

int mkdir(const char *path, mode_t mode)
{
    return (int)ig_posix_ret(ig_vfs_mkdir(AT_FDCWD, path, mode));
}

int mkdirat(int dirfd, const char *path, mode_t mode)
{
    return (int)ig_posix_ret(ig_vfs_mkdir(dirfd, path, mode));
}

int rmdir(const char *path)
{
    return (int)ig_posix_ret(ig_vfs_unlink(AT_FDCWD, path, AT_REMOVEDIR));
}

int unlink(const char *path)
{
    return (int)ig_posix_ret(ig_vfs_unlink(AT_FDCWD, path, 0));
}

/* remove(3) removes a directory too, as POSIX and glibc have it: newlib's
 * only unlinked (EISDIR).  _remove_r is defined as well, so that newlib's
 * remove.o, which defines both, never joins the link. */
int remove(const char *path)
{
    int err = ig_vfs_unlink(AT_FDCWD, path, 0);

    if (err == -EISDIR)
        err = ig_vfs_unlink(AT_FDCWD, path, AT_REMOVEDIR);
    return (int)ig_posix_ret(err);
}

int _remove_r(struct _reent *r, const char *path)
{
    (void)r;
    return remove(path);
}

int unlinkat(int dirfd, const char *path, int flags)
{
    return (int)ig_posix_ret(ig_vfs_unlink(dirfd, path, flags));
}

int link(const char *old, const char *new)
{
    return (int)ig_posix_ret(ig_vfs_link(AT_FDCWD, old, AT_FDCWD, new, 0));
}

int linkat(int olddirfd, const char *old, int newdirfd, const char *new,
           int flags)
{
    return (int)ig_posix_ret(ig_vfs_link(olddirfd, old, newdirfd, new, flags));
}

int rename(const char *old, const char *new)
{
    return (int)ig_posix_ret(ig_vfs_rename(AT_FDCWD, old, AT_FDCWD, new));
}

int renameat(int olddirfd, const char *old, int newdirfd, const char *new)
{
    return (int)ig_posix_ret(ig_vfs_rename(olddirfd, old, newdirfd, new));
}

int truncate(const char *path, off_t len)
{
    return (int)ig_posix_ret(ig_vfs_truncate(path, len));
}

int chdir(const char *path)
{
    return (int)ig_posix_ret(ig_vfs_chdir(path));
}

/* As glibc: a NULL (buf) is allocated, of (size) bytes or, when (size)
 * is 0, of the path's; a (buf) of no bytes is EINVAL. */
char *getcwd(char *buf, size_t size)
{
    char path[IG_PATH_MAX];
    int r;

    if (buf) {
        r = size ? ig_vfs_getcwd(buf, size) : -EINVAL;
        return ig_posix_failed(r) ? NULL : buf;
    }
    r = ig_vfs_getcwd(path, sizeof(path));
    if (ig_posix_failed(r))
        return NULL;
    size_t n = strlen(path) + 1;
    if (size && size < n) {
        ig_posix_failed(-ERANGE);
        return NULL;
    }
    buf = malloc(size ? size : n);
    if (buf)
        memcpy(buf, path, n);
    return buf;
}

mode_t umask(mode_t mask)
{
    return ig_vfs_umask(mask);
}

int symlink(const char *target, const char *path)
{
    return (int)ig_posix_ret(ig_vfs_symlink(target, AT_FDCWD, path));
}

int symlinkat(const char *target, int dirfd, const char *path)
{
    return (int)ig_posix_ret(ig_vfs_symlink(target, dirfd, path));
}

ssize_t readlink(const char *path, char *buf, size_t cap)
{
    return ig_posix_ret(ig_vfs_readlink(AT_FDCWD, path, buf, cap));
}

ssize_t readlinkat(int dirfd, const char *path, char *buf, size_t cap)
{
    return ig_posix_ret(ig_vfs_readlink(dirfd, path, buf, cap));
}

int utimensat(int dirfd, const char *path, const struct timespec *ts, int flags)
{
    return (int)ig_posix_ret(ig_vfs_utimens(dirfd, path, ts, flags));
}

int futimens(int fd, const struct timespec *ts)
{
    return (int)ig_posix_ret(ig_vfs_futimens(fd, ts));
}

/* utimes(2) and utime(2) in terms of utimensat: microseconds and seconds. */
int utimes(const char *path, const struct timeval *tv)
{
    struct timespec ts[2];

    if (!tv)
        return utimensat(AT_FDCWD, path, NULL, 0);
    for (int i = 0; i < 2; i++) {
        ts[i].tv_sec = tv[i].tv_sec;
        ts[i].tv_nsec = tv[i].tv_usec * 1000;
    }
    return utimensat(AT_FDCWD, path, ts, 0);
}

int utime(const char *path, const struct utimbuf *times)
{
    struct timespec ts[2];

    if (!times)
        return utimensat(AT_FDCWD, path, NULL, 0);
    ts[0] = (struct timespec){times->actime, 0};
    ts[1] = (struct timespec){times->modtime, 0};
    return utimensat(AT_FDCWD, path, ts, 0);
}

static void to_statvfs(const struct ig_statfs *s, struct statvfs *buf)
{
    buf->f_bsize = buf->f_frsize = (unsigned long)s->bsize;
    buf->f_blocks = (fsblkcnt_t)s->blocks;
    buf->f_bfree = (fsblkcnt_t)s->bfree;
    buf->f_bavail = (fsblkcnt_t)s->bavail;
    buf->f_files = (fsfilcnt_t)s->files;
    buf->f_ffree = buf->f_favail = (fsfilcnt_t)s->ffree;
    buf->f_fsid = 0;
    buf->f_flag = ST_NOSUID | (s->rdonly ? ST_RDONLY : 0);
    buf->f_namemax = s->namemax;
}

int statvfs(const char *path, struct statvfs *buf)
{
    struct ig_statfs s;
    int r = ig_vfs_statfs(path, &s);

    if (r == 0)
        to_statvfs(&s, buf);
    return (int)ig_posix_ret(r);
}

int fstatvfs(int fd, struct statvfs *buf)
{
    struct ig_statfs s;
    int r = ig_vfs_fstatfs(fd, &s);

    if (r == 0)
        to_statvfs(&s, buf);
    return (int)ig_posix_ret(r);
}

static void to_statfs(const struct ig_statfs *s, struct statfs *buf)
{
    memset(buf, 0, sizeof(*buf));
    buf->f_type = (long)s->type;
    buf->f_bsize = buf->f_frsize = (long)s->bsize;
    buf->f_blocks = (fsblkcnt_t)s->blocks;
    buf->f_bfree = (fsblkcnt_t)s->bfree;
    buf->f_bavail = (fsblkcnt_t)s->bavail;
    buf->f_files = (fsfilcnt_t)s->files;
    buf->f_ffree = (fsfilcnt_t)s->ffree;
    buf->f_namelen = (long)s->namemax;
    /* ST_NOSUID, and ST_RDONLY (1) for read-only volumes, as Linux's
     * f_flags carries the mount flags. */
    buf->f_flags = ST_NOSUID | (s->rdonly ? ST_RDONLY : 0);
}

int statfs(const char *path, struct statfs *buf)
{
    struct ig_statfs s;
    int r = ig_vfs_statfs(path, &s);

    if (r == 0)
        to_statfs(&s, buf);
    return (int)ig_posix_ret(r);
}

int fstatfs(int fd, struct statfs *buf)
{
    struct ig_statfs s;
    int r = ig_vfs_fstatfs(fd, &s);

    if (r == 0)
        to_statfs(&s, buf);
    return (int)ig_posix_ret(r);
}
