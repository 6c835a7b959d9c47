/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/statfs.h: Linux's statfs(2) and fstatfs(2). */
#ifndef INGOT_SYS_STATFS_H
#define INGOT_SYS_STATFS_H

#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    int __val[2];
} fsid_t;

/* Linux x86_64's layout.  f_type is RAMFS_MAGIC (0x858458f6) for the
 * root and its ramfs directories, V9FS_MAGIC (0x01021997) for volumes. */
struct statfs {
    long f_type;
    long f_bsize;
    fsblkcnt_t f_blocks;
    fsblkcnt_t f_bfree;
    fsblkcnt_t f_bavail;
    fsfilcnt_t f_files;
    fsfilcnt_t f_ffree;
    fsid_t f_fsid;
    long f_namelen;
    long f_frsize;
    long f_flags;
    long f_spare[4];
};

int statfs(const char *path, struct statfs *buf);
int fstatfs(int fd, struct statfs *buf);

#ifdef __cplusplus
}
#endif

#endif /* INGOT_SYS_STATFS_H */
