/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/statvfs.h: filesystem sizes, which newlib does not declare. */
#ifndef INGOT_SYS_STATVFS_H
#define INGOT_SYS_STATVFS_H

#include <sys/types.h>

#define ST_RDONLY 1ul /* mounted read-only (a :ro volume) */
#define ST_NOSUID 2ul /* there are no set-user-ID programs to honour */

struct statvfs {
    unsigned long f_bsize;  /* block size */
    unsigned long f_frsize; /* fragment size: the same */
    fsblkcnt_t f_blocks;    /* size in f_frsize units */
    fsblkcnt_t f_bfree;     /* free blocks */
    fsblkcnt_t f_bavail;    /* free blocks for the unprivileged */
    fsfilcnt_t f_files;     /* inodes */
    fsfilcnt_t f_ffree;     /* free inodes */
    fsfilcnt_t f_favail;    /* free inodes for the unprivileged */
    unsigned long f_fsid;
    unsigned long f_flag; /* ST_* */
    unsigned long f_namemax;
};

/* Fill (buf) for the filesystem holding (path) or (fd).  Return 0, or -1
 * with errno ENOENT, ENOTDIR, EBADF or EINVAL (fd not a file). */
int statvfs(const char *path, struct statvfs *buf);
int fstatvfs(int fd, struct statvfs *buf);

#endif /* INGOT_SYS_STATVFS_H */
