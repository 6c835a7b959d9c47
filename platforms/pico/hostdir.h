/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* hostdir.h: what hostdir.c and hostdir_io.c (pico volumes) share. */
#ifndef INGOT_PICO_HOSTDIR_H
#define INGOT_PICO_HOSTDIR_H

#include <ingot/plat.h>

#include "pico_internal.h"

/* Linux x86_64 system call numbers and flags (the guest has no Linux
 * headers: newlib's O_* values differ). */
#define NR_CLOSE 3
#define NR_FSTAT 5
#define NR_PREAD64 17
#define NR_PWRITE64 18
#define NR_FSYNC 74
#define NR_FCHMOD 91
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
#define L_O_NOFOLLOW 0400000
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

/* Raw system calls whose errors come back in the library OS's errno
 * numbering (Linux and newlib differ above 34). */
long ig_pico_hd_sys3(long nr, long a0, long a1, long a2);
long ig_pico_hd_sys4(long nr, long a0, long a1, long a2, long a3);

/* Whether (h) cannot be a handle: stdio (the filter refuses those) or a
 * volume's own directory. */
int ig_pico_hd_bad_handle(int h);

/* Opens the directory holding the last component of (path) beneath volume
 * (dev) (openat2, RESOLVE_BENEATH) and stores that component in (*leaf).
 * Returns the descriptor (the volume's own when (path) has one
 * component), -ENODEV, -EINVAL (a bad path), -ENAMETOOLONG, or the host's
 * error; ig_pico_hd_put_parent() closes it unless it is the volume's. */
long ig_pico_hd_parent(int dev, const char *path, const char **leaf);
void ig_pico_hd_put_parent(int dev, long fd);

#endif /* INGOT_PICO_HOSTDIR_H */
