/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/ipc.h: System V IPC keys and flags (Linux's values). */
#ifndef INGOT_SYS_IPC_H
#define INGOT_SYS_IPC_H

/* System V IPC connects processes; an image is one, so every call of
 * <sys/shm.h>, <sys/sem.h> and <sys/msg.h> fails with ENOSYS
 * (docs/platforms.md, "Process calls"). */

#include <sys/types.h>
#include <time.h>

#define IPC_PRIVATE ((key_t)0)
#define IPC_CREAT 01000
#define IPC_EXCL 02000
#define IPC_NOWAIT 04000
#define IPC_RMID 0
#define IPC_SET 1
#define IPC_STAT 2
#define IPC_INFO 3

struct ipc_perm {
    key_t __key;
    uid_t uid, cuid;
    gid_t gid, cgid;
    unsigned short mode;
    unsigned short __seq;
};

key_t ftok(const char *path, int id);

#endif /* INGOT_SYS_IPC_H */
