/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* dir.c: opendir, readdir, closedir on the VFS (newlib has none). */
#include <ingot/libc.h>
#include <ingot/posix.h>
#include <ingot/vfs.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct ig_libc_dir {
    int fd;
    struct dirent ent;
};

DIR *fdopendir(int fd)
{
    struct stat st;
    int r = ig_vfs_fstat(fd, &st);

    if (r == 0 && !S_ISDIR(st.st_mode))
        r = -ENOTDIR;
    if (ig_posix_failed(r))
        return NULL;
    DIR *d = calloc(1, sizeof(*d));
    if (!d)
        return NULL; /* calloc() set ENOMEM */
    d->fd = fd;
    return d;
}

DIR *opendir(const char *path)
{
    return ig_libc_opendir(path);
}

DIR *ig_libc_opendir(const char *path)
{
    int fd = ig_vfs_open(AT_FDCWD, path, O_RDONLY | O_DIRECTORY, 0);

    if (ig_posix_failed(fd))
        return NULL;
    DIR *d = fdopendir(fd);
    if (!d)
        ig_vfs_close(fd);
    return d;
}

struct dirent *readdir(DIR *d)
{
    struct ig_dirent e;
    int r = ig_vfs_readdir(d->fd, &e);

    if (r == 0 || ig_posix_failed(r))
        return NULL;
    d->ent.d_ino = e.ino;
    d->ent.d_type = e.type;
    strcpy(d->ent.d_name, e.name);
    return &d->ent;
}

void rewinddir(DIR *d)
{
    ig_vfs_lseek(d->fd, 0, SEEK_SET);
}

int dirfd(DIR *d)
{
    return d->fd;
}

int closedir(DIR *d)
{
    int r = ig_vfs_close(d->fd);

    free(d);
    return (int)ig_posix_ret(r);
}
