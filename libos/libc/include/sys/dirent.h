/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/dirent.h: struct dirent and DIR; replaces newlib's #error stub. */
#ifndef INGOT_SYS_DIRENT_H
#define INGOT_SYS_DIRENT_H

/* newlib's <dirent.h> declares opendir() and friends and includes this
 * file for the types; libos/libc/dir.c implements them on the VFS. */
#include <sys/types.h>

#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12

struct dirent {
    ino_t d_ino;
    unsigned char d_type;
    char d_name[256];
};

typedef struct ig_libc_dir DIR;

#endif /* INGOT_SYS_DIRENT_H */
