/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sem_named.c: sem_open, sem_close, sem_unlink in the image's namespace. */
#include <ingot/posix.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <semaphore.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/*
 * A named semaphore lives in a list of the image's own (Linux keeps them
 * in /dev/shm; one image is one process, so nothing else could open one).
 * Opening a name twice gives the same sem_t, counted, as glibc does; an
 * unlinked semaphore lives on until its last sem_close().
 */
struct named {
    sem_t sem; /* first: a sem_t * is a struct named * */
    struct named *next;
    unsigned opens;
    int linked;
    char name[NAME_MAX + 1];
};

static struct named *names;

/* glibc's rule: one leading '/' is dropped, the rest may hold none; the
 * name must be 1..NAME_MAX - 4 bytes ("sem." is prepended in /dev/shm),
 * EINVAL otherwise (sem_unlink() says ENOENT). */
static const char *check_name(const char *name, int *err)
{
    if (*name == '/')
        name++;
    size_t n = strlen(name);
    if (n == 0 || strchr(name, '/') || !strcmp(name, ".") ||
        !strcmp(name, "..")) {
        *err = -EINVAL;
        return NULL;
    }
    if (n > NAME_MAX - 4) {
        *err = -EINVAL;
        return NULL;
    }
    return name;
}

static struct named *find(const char *name)
{
    for (struct named *s = names; s; s = s->next)
        if (s->linked && !strcmp(s->name, name))
            return s;
    return NULL;
}

static struct named *open_r(const char *name, int oflag, unsigned value,
                            int *err)
{
    struct named *s;

    if (!(name = check_name(name, err)))
        return NULL;
    if ((s = find(name))) {
        if ((oflag & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL)) {
            *err = -EEXIST;
            return NULL;
        }
        s->opens++;
        return s;
    }
    if (!(oflag & O_CREAT)) {
        *err = -ENOENT;
        return NULL;
    }
    if (value > SEM_VALUE_MAX) {
        *err = -EINVAL;
        return NULL;
    }
    if (!(s = calloc(1, sizeof(*s)))) {
        *err = -ENOMEM;
        return NULL;
    }
    sem_init(&s->sem, 0, value);
    strcpy(s->name, name);
    s->opens = 1;
    s->linked = 1;
    s->next = names;
    names = s;
    return s;
}

sem_t *sem_open(const char *name, int oflag, ...)
{
    unsigned value = 0;
    int err = 0;

    if (oflag & O_CREAT) {
        va_list ap;
        va_start(ap, oflag);
        (void)va_arg(ap, int); /* mode: nothing checks it in one process */
        value = va_arg(ap, unsigned);
        va_end(ap);
    }
    struct named *s = open_r(name, oflag, value, &err);
    if (!s) {
        ig_posix_failed(err);
        return SEM_FAILED;
    }
    return &s->sem;
}

static void drop(struct named *s)
{
    struct named **p = &names;

    if (s->opens || s->linked)
        return;
    while (*p != s)
        p = &(*p)->next;
    *p = s->next;
    free(s);
}

int sem_close(sem_t *sem)
{
    struct named *s = names;

    while (s && &s->sem != sem)
        s = s->next;
    if (!s || !s->opens)
        return (int)ig_posix_ret(-EINVAL);
    s->opens--;
    drop(s);
    return 0;
}

int sem_unlink(const char *name)
{
    struct named *s;
    int err = 0;

    if (!(name = check_name(name, &err)))
        return (int)ig_posix_ret(-ENOENT);
    if (!(s = find(name)))
        return (int)ig_posix_ret(-ENOENT);
    s->linked = 0;
    drop(s);
    return 0;
}
