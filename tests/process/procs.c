/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* procs.c: the process calls an image defines but cannot honour. */
#include <dlfcn.h>
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include "errname.h"

extern char **environ;

static void show(const char *what, long r)
{
    printf("%s: %ld", what, r);
    if (r == -1)
        printf(" %s", errname(errno));
    printf("\n");
}

int main(void)
{
    char *argv[] = {"true", NULL};
    int status = 0;
    pid_t pid;

    setvbuf(stdout, NULL, _IOLBF, 0);
    show("fork", fork());
    show("vfork", vfork());
    show("execv", execv("/bin/true", argv));
    show("execvp", execvp("true", argv));
    show("execl", execl("/bin/true", "true", (char *)NULL));
    printf("posix_spawn: %s\n",
           errname(posix_spawn(&pid, "/bin/true", NULL, NULL, argv, environ)));
    show("system(NULL)", system(NULL));
    show("system(\"true\")", system("true"));
    errno = 0;
    FILE *p = popen("ls", "r");
    printf("popen: %s %s\n", p ? "stream" : "NULL", errname(errno));
    show("wait", wait(&status));
    show("waitpid", waitpid(-1, &status, WNOHANG));
    show("waitpid bad options", waitpid(-1, &status, 0x4000));

    void *h = dlopen("libfoo.so.1", RTLD_NOW);
    printf("dlopen: %s\n", h ? "handle" : "NULL");
    char *e = dlerror();
    printf("dlerror names the library: %d\n", e && strstr(e, "libfoo.so.1"));
    printf("dlerror again: %s\n", dlerror() ? "message" : "NULL");
    printf("dlsym: %s\n", dlsym(RTLD_DEFAULT, "main") ? "found" : "NULL");
    printf("dlerror: %s\n", dlerror() ? "message" : "NULL");

    show("shmget", shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600));
    show("semget", semget(IPC_PRIVATE, 1, IPC_CREAT | 0600));
    show("msgget", msgget(IPC_PRIVATE, IPC_CREAT | 0600));

    show("getpid", getpid());
    show("getpgrp", getpgrp());
    show("getsid", getsid(0));
    show("setsid", setsid());
    show("setpgid", setpgid(0, 0));
    show("getpgid other", getpgid(4242));
    show("kill other", kill(4242, SIGTERM));
    show("daemon", daemon(1, 1));

    show("getuid", getuid());
    show("setgid(100)", setgid(100));
    show("setuid(1000)", setuid(1000));
    show("getuid", getuid());
    show("geteuid", geteuid());
    show("getgid", getgid());
    show("setuid(0)", setuid(0));
    show("seteuid(1000)", seteuid(1000));
    show("chroot", chroot("/"));
    printf("procs: done\n");
    return 0;
}
