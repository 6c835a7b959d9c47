/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* proc.c: process calls in a single-process image: exit, sbrk, kill. */
#include <ingot/console.h>
#include <ingot/mm.h>
#include <ingot/plat.h>
#include <ingot/posix.h>

#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

/* The one process of the image. */
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

/* Signals to ourselves take their default action, which for every signal
 * abort(), raise() and friends can send here is to end the process; like a
 * shell, report it as status 128 + the signal number. */
int kill(pid_t pid, int sig)
{
    if (pid != IG_PID && pid != 0 && pid != -1)
        return (int)ig_posix_ret(-ESRCH);
    if (sig < 1 || sig >= NSIG)
        return (int)ig_posix_ret(-EINVAL);
    ig_printk("ingot: terminated by signal %d%s\n", sig,
              sig == SIGABRT ? " (SIGABRT, abort)" : "");
    ig_plat_exit(128 + sig);
}

/* Other processes do not exist in a unikernel. */
pid_t fork(void)
{
    return (pid_t)ig_posix_ret(-ENOSYS);
}

int execve(const char *path, char *const argv[], char *const envp[])
{
    (void)path;
    (void)argv;
    (void)envp;
    return (int)ig_posix_ret(-ENOSYS);
}

pid_t wait(int *status)
{
    (void)status;
    return (pid_t)ig_posix_ret(-ECHILD);
}
