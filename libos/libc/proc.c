/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* proc.c: the image's one process: exit, sbrk, its id, session and group. */
#include <ingot/mm.h>
#include <ingot/plat.h>
#include <ingot/posix.h>
#include <ingot/vfs.h>

#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* The one process of the image, the leader of its session and process
 * group, like a container's first process. */
#define IG_PID 1

void _exit(int status)
{
    ig_plat_exit(status);
}

void *sbrk(ptrdiff_t incr)
{
    void *old;
    int err = ig_mm_sbrk(incr, &old);

    if (ig_posix_failed(err))
        return (void *)-1;
    return old;
}

pid_t getpid(void)
{
    return IG_PID;
}

static int self(pid_t pid)
{
    return pid == 0 || pid == IG_PID;
}

pid_t getpgrp(void)
{
    return IG_PID;
}

pid_t getpgid(pid_t pid)
{
    return self(pid) ? IG_PID : (pid_t)ig_posix_ret(pid < 0 ? -EINVAL : -ESRCH);
}

pid_t getsid(pid_t pid)
{
    return self(pid) ? IG_PID : (pid_t)ig_posix_ret(pid < 0 ? -EINVAL : -ESRCH);
}

/* A session leader cannot start a new session nor move to another group
 * (Linux: EPERM); "daemonizing" code drops the error or stops there. */
pid_t setsid(void)
{
    return (pid_t)ig_posix_ret(-EPERM);
}

int setpgid(pid_t pid, pid_t pgid)
{
    if (pgid < 0)
        return (int)ig_posix_ret(-EINVAL);
    if (!self(pid))
        return (int)ig_posix_ret(-ESRCH);
    return (int)ig_posix_ret(-EPERM);
}

int setpgrp(void)
{
    return setpgid(0, 0);
}

/* The terminal's foreground group is the image's, whenever there is one. */
pid_t tcgetpgrp(int fd)
{
    if (!isatty(fd))
        return (pid_t)ig_posix_ret(-ENOTTY);
    return IG_PID;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
    if (!isatty(fd))
        return (int)ig_posix_ret(-ENOTTY);
    return (int)ig_posix_ret(self(pgrp) ? 0 : -EPERM);
}

/* daemon() forks into the background; an image has no background to go
 * to, so it fails like fork(). */
int daemon(int nochdir, int noclose)
{
    (void)nochdir, (void)noclose;
    return (int)ig_posix_ret(-ENOSYS);
}

/* The root of the image cannot change (a container without
 * CAP_SYS_CHROOT answers the same). */
int chroot(const char *path)
{
    (void)path;
    return (int)ig_posix_ret(-EPERM);
}

/* No process may trace or be traced (as under a container's default
 * seccomp profile). */
long ptrace(int request, ...)
{
    (void)request;
    return ig_posix_ret(-EPERM);
}

int unshare(int flags)
{
    (void)flags;
    return (int)ig_posix_ret(-ENOSYS);
}

int setns(int fd, int nstype)
{
    (void)fd, (void)nstype;
    return (int)ig_posix_ret(-ENOSYS);
}

/* Special files exist to meet other processes; the file systems here
 * hold regular files, directories and links only. */
int mknod(const char *path, mode_t mode, dev_t dev)
{
    (void)path, (void)mode, (void)dev;
    return (int)ig_posix_ret(-EPERM);
}

int mkfifo(const char *path, mode_t mode)
{
    (void)path, (void)mode;
    return (int)ig_posix_ret(-ENOSYS);
}
