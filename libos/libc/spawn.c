/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* spawn.c: the calls that would start or wait for another process. */
#include <ingot/posix.h>

#include <errno.h>
#include <pthread.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/*
 * An image is one process and cannot create another (docs/platforms.md,
 * "Process calls").  fork() fails with ENOSYS rather than EAGAIN: EAGAIN
 * tells a program to try again later, which would never help, while
 * ENOSYS says the call does not exist here; programs that fall back to
 * working without a child (redis' BGSAVE reports the error) handle both.
 */

/* pthread_atfork(): handlers are kept; fork() runs the prepare handlers
 * (newest first) and the parent ones (oldest first) around its failure,
 * as glibc does when the fork system call fails, so a program's locks
 * taken in prepare are released again.  A child never exists. */
#define ATFORK_MAX 64

static struct {
    void (*prepare)(void), (*parent)(void), (*child)(void);
} atfork[ATFORK_MAX];
static int natfork;

int pthread_atfork(void (*prepare)(void), void (*parent)(void),
                   void (*child)(void))
{
    if (natfork == ATFORK_MAX)
        return ENOMEM;
    atfork[natfork].prepare = prepare;
    atfork[natfork].parent = parent;
    atfork[natfork].child = child;
    natfork++;
    return 0;
}

pid_t fork(void)
{
    for (int i = natfork - 1; i >= 0; i--)
        if (atfork[i].prepare)
            atfork[i].prepare();
    for (int i = 0; i < natfork; i++)
        if (atfork[i].parent)
            atfork[i].parent();
    return (pid_t)ig_posix_ret(-ENOSYS);
}

pid_t vfork(void)
{
    return (pid_t)ig_posix_ret(-ENOSYS);
}

struct winsize;
struct termios;
pid_t forkpty(int *amaster, char *name, const struct termios *tio,
              const struct winsize *ws)
{
    (void)amaster, (void)name, (void)tio, (void)ws;
    return (pid_t)ig_posix_ret(-ENOSYS);
}

int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...)
{
    (void)fn, (void)stack, (void)flags, (void)arg;
    return (int)ig_posix_ret(-ENOSYS);
}

int execve(const char *path, char *const argv[], char *const envp[])
{
    (void)path, (void)argv, (void)envp;
    return (int)ig_posix_ret(-ENOSYS);
}

int execv(const char *path, char *const argv[])
{
    return execve(path, argv, NULL);
}

int execvp(const char *file, char *const argv[])
{
    return execve(file, argv, NULL);
}

int execvpe(const char *file, char *const argv[], char *const envp[])
{
    return execve(file, argv, envp);
}

int fexecve(int fd, char *const argv[], char *const envp[])
{
    (void)fd;
    return execve("", argv, envp);
}

int execl(const char *path, const char *arg, ...)
{
    (void)arg;
    return execve(path, NULL, NULL);
}

int execlp(const char *file, const char *arg, ...)
{
    (void)arg;
    return execve(file, NULL, NULL);
}

int execle(const char *path, const char *arg, ...)
{
    (void)arg;
    return execve(path, NULL, NULL);
}

int posix_spawn(pid_t *restrict pid, const char *restrict path,
                const posix_spawn_file_actions_t *fa,
                const posix_spawnattr_t *restrict attr,
                char *const argv[restrict], char *const envp[restrict])
{
    (void)pid, (void)path, (void)fa, (void)attr, (void)argv, (void)envp;
    return ENOSYS; /* the error number itself, as POSIX specifies */
}

int posix_spawnp(pid_t *restrict pid, const char *restrict file,
                 const posix_spawn_file_actions_t *fa,
                 const posix_spawnattr_t *restrict attr,
                 char *const argv[restrict], char *const envp[restrict])
{
    return posix_spawn(pid, file, fa, attr, argv, envp);
}

/* There is no shell: system(NULL) says so with 0; a command fails with -1
 * and ENOSYS (not the 127 a missing shell gives after a fork). */
int system(const char *cmd)
{
    if (!cmd)
        return 0;
    return (int)ig_posix_ret(-ENOSYS);
}

FILE *popen(const char *cmd, const char *mode)
{
    (void)cmd, (void)mode;
    ig_posix_failed(-ENOSYS);
    return NULL;
}

/* No stream came from popen(), so none can be closed by pclose(). */
int pclose(FILE *f)
{
    (void)f;
    return (int)ig_posix_ret(-ECHILD);
}

/* No children: every wait fails with ECHILD, as for a process that never
 * forked. */
pid_t wait(int *status)
{
    (void)status;
    return (pid_t)ig_posix_ret(-ECHILD);
}

pid_t waitpid(pid_t pid, int *status, int options)
{
    (void)pid, (void)status;
    if (options & ~(WNOHANG | WUNTRACED | WCONTINUED))
        return (pid_t)ig_posix_ret(-EINVAL);
    return (pid_t)ig_posix_ret(-ECHILD);
}

pid_t wait3(int *status, int options, struct rusage *ru)
{
    (void)ru;
    return waitpid(-1, status, options);
}

pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
    (void)ru;
    return waitpid(pid, status, options);
}

int waitid(idtype_t idtype, id_t id, siginfo_t *info, int options)
{
    (void)id, (void)info;
    if ((unsigned)idtype > P_PIDFD ||
        !(options & (WEXITED | WSTOPPED | WCONTINUED)))
        return (int)ig_posix_ret(-EINVAL);
    return (int)ig_posix_ret(-ECHILD);
}
