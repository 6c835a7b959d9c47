/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sem_named.c: named semaphores (sem_open, sem_close, sem_unlink). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Natively the names are global (/dev/shm): each carries the pid, which
 * is never printed. */
static char name[64], other[64];
static sem_t *items;

static const char *err(void)
{
    switch (errno) {
    case EEXIST:
        return "EEXIST";
    case ENOENT:
        return "ENOENT";
    case EINVAL:
        return "EINVAL";
    case ENAMETOOLONG:
        return "ENAMETOOLONG";
    default:
        return "other";
    }
}

static void *producer(void *arg)
{
    sem_t *s = sem_open(name, 0); /* the same semaphore, opened again */

    (void)arg;
    for (int i = 0; i < 1000; i++)
        sem_post(s);
    sem_close(s);
    return NULL;
}

int main(void)
{
    sem_t *a, *b;
    pthread_t t;
    int v = -1;
    char longname[300];

    setvbuf(stdout, NULL, _IOLBF, 0);
    snprintf(name, sizeof(name), "/ingot-sem-%d", (int)getpid());
    snprintf(other, sizeof(other), "/ingot-sem-other-%d", (int)getpid());
    sem_unlink(name);
    sem_unlink(other);

    errno = 0;
    a = sem_open(name, 0);
    printf("open missing: %s %s\n", a == SEM_FAILED ? "SEM_FAILED" : "ok",
           err());
    a = sem_open(name, O_CREAT | O_EXCL, 0600, 3);
    printf("create: %s\n", a == SEM_FAILED ? "SEM_FAILED" : "ok");
    b = sem_open(name, O_CREAT | O_EXCL, 0600, 0);
    printf("create again with O_EXCL: %s %s\n",
           b == SEM_FAILED ? "SEM_FAILED" : "ok", err());
    b = sem_open(name, O_CREAT, 0600, 99); /* exists: the value is ignored */
    sem_getvalue(b, &v);
    printf("open twice: same value %d\n", v);
    sem_wait(a);
    sem_getvalue(b, &v);
    printf("wait on one, value seen by the other: %d\n", v);
    sem_close(b);

    b = sem_open(other, O_CREAT, 0600, (unsigned)SEM_VALUE_MAX + 1u);
    printf("value above SEM_VALUE_MAX: %s %s\n",
           b == SEM_FAILED ? "SEM_FAILED" : "ok", err());
    b = sem_open("/a/b", O_CREAT, 0600, 0);
    printf("name with a slash: %s %s\n", b == SEM_FAILED ? "SEM_FAILED" : "ok",
           err());
    memset(longname, 'n', sizeof(longname) - 1);
    longname[0] = '/';
    longname[sizeof(longname) - 1] = '\0';
    b = sem_open(longname, O_CREAT, 0600, 0);
    printf("name of 298 bytes: %s %s\n", b == SEM_FAILED ? "SEM_FAILED" : "ok",
           err());

    /* A producer thread opens the name itself. */
    items = a;
    while (sem_trywait(a) == 0)
        ;
    pthread_create(&t, NULL, producer, NULL);
    for (int i = 0; i < 1000; i++)
        sem_wait(items);
    pthread_join(t, NULL);
    sem_getvalue(a, &v);
    printf("1000 posts by a thread that opened it too, 1000 waits: value %d\n",
           v);

    printf("unlink: %d\n", sem_unlink(name));
    int r = sem_unlink(name);
    printf("unlink again: %d %s\n", r, err());
    r = sem_unlink("/a/b");
    printf("unlink a bad name: %d %s\n", r, err());
    errno = 0;
    b = sem_open(name, 0);
    printf("open after unlink: %s %s\n", b == SEM_FAILED ? "SEM_FAILED" : "ok",
           err());
    sem_post(a);
    sem_getvalue(a, &v);
    printf("still usable until closed: value %d\n", v);
    printf("close: %d\n", sem_close(a));
    b = sem_open(name, O_CREAT | O_EXCL, 0600, 5);
    sem_getvalue(b, &v);
    printf("a new one under the old name: value %d\n", v);
    sem_close(b);
    sem_unlink(name);
    printf("sem_named: done\n");
    return 0;
}
