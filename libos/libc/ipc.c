/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* ipc.c: System V IPC and POSIX shared memory: one process has no peers. */
#include <ingot/posix.h>
#include <ingot/vfs.h>

#include <fcntl.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>

/* ftok() is pure arithmetic on the file's identity, as on Linux. */
key_t ftok(const char *path, int id)
{
    struct stat st;
    int err = ig_vfs_stat(AT_FDCWD, path, &st);

    /* ig_vfs_stat, not stat(): stat would make ingot-cc link volumes. */
    if (err)
        return (key_t)ig_posix_ret(err);
    return (key_t)((st.st_ino & 0xffff) | ((st.st_dev & 0xff) << 16) |
                   ((unsigned)(id & 0xff) << 24));
}

#define NOSYS(ret) return (ret)ig_posix_ret(-ENOSYS)

int shmget(key_t key, size_t size, int flags)
{
    (void)key, (void)size, (void)flags;
    NOSYS(int);
}

void *shmat(int id, const void *addr, int flags)
{
    (void)id, (void)addr, (void)flags;
    ig_posix_failed(-ENOSYS);
    return (void *)-1;
}

int shmdt(const void *addr)
{
    (void)addr;
    NOSYS(int);
}

int shmctl(int id, int cmd, struct shmid_ds *buf)
{
    (void)id, (void)cmd, (void)buf;
    NOSYS(int);
}

int semget(key_t key, int nsems, int flags)
{
    (void)key, (void)nsems, (void)flags;
    NOSYS(int);
}

int semop(int id, struct sembuf *ops, size_t nops)
{
    (void)id, (void)ops, (void)nops;
    NOSYS(int);
}

int semtimedop(int id, struct sembuf *ops, size_t nops,
               const struct timespec *timeout)
{
    (void)id, (void)ops, (void)nops, (void)timeout;
    NOSYS(int);
}

int semctl(int id, int num, int cmd, ...)
{
    (void)id, (void)num, (void)cmd;
    NOSYS(int);
}

int msgget(key_t key, int flags)
{
    (void)key, (void)flags;
    NOSYS(int);
}

int msgsnd(int id, const void *msg, size_t len, int flags)
{
    (void)id, (void)msg, (void)len, (void)flags;
    NOSYS(int);
}

ssize_t msgrcv(int id, void *msg, size_t len, long type, int flags)
{
    (void)id, (void)msg, (void)len, (void)type, (void)flags;
    NOSYS(ssize_t);
}

int msgctl(int id, int cmd, struct msqid_ds *buf)
{
    (void)id, (void)cmd, (void)buf;
    NOSYS(int);
}

/* POSIX shared memory objects are for sharing with other processes too;
 * threads share malloc'd memory. */
int shm_open(const char *name, int flags, mode_t mode)
{
    (void)name, (void)flags, (void)mode;
    NOSYS(int);
}

int shm_unlink(const char *name)
{
    (void)name;
    NOSYS(int);
}
