/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* pathconf.c: pathconf(3) and fpathconf(3) with Linux's values. */
#include <ingot/posix.h>
#include <ingot/vfs.h>

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * glibc's answers on Linux for a filesystem it has no special case for
 * (ramfs, tmpfs, 9P): the same for every file of the image.  A name
 * without a limit is -1 with errno unchanged; an unknown name EINVAL.
 */
static long value(int name)
{
    switch (name) {
    case _PC_LINK_MAX:
        return 127;
    case _PC_MAX_CANON:
    case _PC_MAX_INPUT:
    case _PC_NAME_MAX:
        return 255;
    case _PC_PATH_MAX:
    case _PC_PIPE_BUF:
    case _PC_REC_MIN_XFER_SIZE:
    case _PC_REC_XFER_ALIGN:
    case _PC_ALLOC_SIZE_MIN:
        return 4096;
    case _PC_CHOWN_RESTRICTED:
    case _PC_NO_TRUNC:
    case _PC_ASYNC_IO:
    case _PC_2_SYMLINKS:
        return 1;
    case _PC_VDISABLE:
        return 0;
    case _PC_FILESIZEBITS:
        return 64;
    case _PC_PRIO_IO:
    case _PC_SYNC_IO:
    case _PC_SYMLINK_MAX:
    case _PC_REC_INCR_XFER_SIZE:
    case _PC_REC_MAX_XFER_SIZE:
    case _PC_TIMESTAMP_RESOLUTION:
        return -1;
    default:
        return ig_posix_ret(-EINVAL);
    }
}

/* The VFS's calls, not stat() and fstat(): those would select the volume
 * component (a trigger, components.json) for every image, libc being
 * linked into all. */
long pathconf(const char *path, int name)
{
    struct stat st;

    if (ig_posix_failed(ig_vfs_stat(AT_FDCWD, path, &st)))
        return -1; /* ENOENT, ENOTDIR, ELOOP ... */
    return value(name);
}

long fpathconf(int fd, int name)
{
    struct stat st;

    if (ig_posix_failed(ig_vfs_fstat(fd, &st)))
        return -1; /* EBADF */
    return value(name);
}
