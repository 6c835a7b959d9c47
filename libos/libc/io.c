/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* io.c: file-descriptor calls newlib needs; fds 0-2 are the console. */
#include <ingot/plat.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "libc_internal.h"

/* Until the VFS exists there are exactly three descriptors: stdin reads as
 * end of file, stdout and stderr write to the console. */
static int is_console(int fd)
{
    return fd >= 0 && fd <= 2;
}

ssize_t write(int fd, const void *buf, size_t len)
{
    if (fd != 1 && fd != 2)
        return ig_libc_ret(-EBADF);
    ig_plat_console_write(buf, len);
    return (ssize_t)len;
}

ssize_t read(int fd, void *buf, size_t len)
{
    (void)buf;
    (void)len;
    if (fd != 0)
        return ig_libc_ret(-EBADF);
    return 0;
}

int close(int fd)
{
    return (int)ig_libc_ret(is_console(fd) ? 0 : -EBADF);
}

off_t lseek(int fd, off_t off, int whence)
{
    (void)off;
    (void)whence;
    return ig_libc_ret(is_console(fd) ? -ESPIPE : -EBADF);
}

int fstat(int fd, struct stat *st)
{
    if (!is_console(fd))
        return (int)ig_libc_ret(-EBADF);
    *st = (struct stat){0};
    st->st_mode = S_IFCHR | 0620;
    st->st_blksize = 1024;
    return 0;
}

int isatty(int fd)
{
    if (!is_console(fd))
        return (int)ig_libc_ret(-EBADF);
    return 1;
}

int open(const char *path, int flags, ...)
{
    (void)path;
    (void)flags;
    return (int)ig_libc_ret(-ENOENT);
}

int stat(const char *path, struct stat *st)
{
    (void)path;
    (void)st;
    return (int)ig_libc_ret(-ENOENT);
}

int unlink(const char *path)
{
    (void)path;
    return (int)ig_libc_ret(-ENOENT);
}

int link(const char *old, const char *new)
{
    (void)old;
    (void)new;
    return (int)ig_libc_ret(-ENOENT);
}

int mkdir(const char *path, mode_t mode)
{
    (void)path;
    (void)mode;
    return (int)ig_libc_ret(-EROFS);
}
