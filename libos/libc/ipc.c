/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* ipc.c: System V IPC (one process has no peers) and POSIX shared memory. */
#include <ingot/posix.h>
#include <ingot/vfs.h>

#include <fcntl.h>
#include <limits.h>
#include <string.h>
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

/* POSIX shared memory objects are files in /dev/shm (a ramfs directory
 * every image has, as Linux's tmpfs there), which mmap(MAP_SHARED) maps;
 * the name is one component after any leading slashes. */
static int shm_path(const char *name, char *buf)
{
    const char *prefix = "/dev/shm/";
    size_t plen = strlen(prefix);

    if (!name)
        return -EFAULT;
    while (*name == '/')
        name++;
    size_t len = strlen(name);
    if (len == 0 || strchr(name, '/'))
        return -EINVAL;
    if (len > NAME_MAX)
        return -ENAMETOOLONG;
    memcpy(buf, prefix, plen);
    memcpy(buf + plen, name, len + 1);
    return 0;
}

int shm_open(const char *name, int flags, mode_t mode)
{
    char path[sizeof("/dev/shm/") + NAME_MAX];
    int err = shm_path(name, path);

    if (err)
        return (int)ig_posix_ret(err);
    return (int)ig_posix_ret(
        ig_vfs_open(AT_FDCWD, path, flags | O_NOFOLLOW | O_CLOEXEC, mode));
}

int shm_unlink(const char *name)
{
    char path[sizeof("/dev/shm/") + NAME_MAX];
    int err = shm_path(name, path);

    if (!err)
        err = ig_vfs_unlink(AT_FDCWD, path, 0);
    return (int)ig_posix_ret(err);
}
