/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* userdb.c: reads /etc/passwd and /etc/group line by line and finds keys. */
#include <ingot/vfs.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "userdb_internal.h"

void ig_userdb_rewind(struct ig_userdb *d)
{
    free(d->data);
    d->data = NULL;
    d->open = 0;
    d->done = 0;
    d->again = 0;
}

void ig_userdb_free(struct ig_userdb *d)
{
    ig_userdb_rewind(d);
    free(d->line);
    free(d->work);
    d->line = d->work = NULL;
    d->cap = d->workcap = 0;
}

/* Reads all of (d)'s file (the VFS directly: stdio's fopen would make
 * every image link the file API).  Returns 0, -ENOENT, or an error. */
static int load(struct ig_userdb *d)
{
    int fd = ig_vfs_open(AT_FDCWD, d->path, O_RDONLY | O_CLOEXEC, 0);
    size_t cap = 0;

    if (fd < 0)
        return fd;
    d->size = d->pos = 0;
    for (;;) {
        if (d->size + 1 >= cap) {
            char *p = cap < (1u << 24) ? realloc(d->data, cap ? cap * 2 : 4096)
                                       : NULL;
            if (!p) {
                ig_vfs_close(fd);
                return -ENOMEM;
            }
            d->data = p;
            cap = cap ? cap * 2 : 4096;
        }
        ssize_t n = ig_vfs_read(fd, d->data + d->size, cap - 1 - d->size);
        if (n < 0) {
            ig_vfs_close(fd);
            return (int)n;
        }
        if (n == 0)
            break;
        d->size += (size_t)n;
    }
    ig_vfs_close(fd);
    d->data[d->size] = '\0';
    return 0;
}

static int set_line(struct ig_userdb *d, const char *s, size_t n)
{
    if (d->cap < n + 1) {
        char *p = realloc(d->line, n + 1);
        if (!p)
            return -ENOMEM;
        d->line = p;
        d->cap = n + 1;
    }
    memcpy(d->line, s, n);
    d->line[n] = '\0';
    return 1;
}

/* The next line of (d) in d->line, without its newline.  Returns 1, 0 at
 * the end, or a negative errno. */
static int read_line(struct ig_userdb *d)
{
    if (d->again) {
        d->again = 0;
        return 1;
    }
    if (!d->open && !d->done) {
        int r = load(d);
        if (r == -ENOENT) {
            d->done = 1;
            return set_line(d, d->builtin, strlen(d->builtin));
        }
        if (r < 0)
            return r;
        d->open = 1;
    }
    if (!d->open || d->pos >= d->size)
        return 0;
    const char *s = d->data + d->pos;
    const char *nl = memchr(s, '\n', d->size - d->pos);
    size_t n = nl ? (size_t)(nl - s) : d->size - d->pos;
    d->pos += n + (nl != NULL);
    return set_line(d, s, n);
}

/* As read_line(), then copies the line to d->work for splitting. */
static int next_line(struct ig_userdb *d)
{
    int r = read_line(d);
    size_t n = r == 1 ? strlen(d->line) + 1 : 0;

    if (n > d->workcap) {
        char *p = realloc(d->work, n);
        if (!p)
            return -ENOMEM;
        d->work = p;
        d->workcap = n;
    }
    if (n)
        memcpy(d->work, d->line, n);
    return r;
}

/* Splits (line) at ':' into exactly (n) fields; returns 0 or -1. */
static int split(char *line, char **f, int n)
{
    for (int i = 0; i < n; i++) {
        f[i] = line;
        line = strchr(line, ':');
        if (!line)
            return i == n - 1 ? 0 : -1;
        *line++ = '\0';
    }
    return -1;
}

int ig_userdb_id(const char *s, unsigned *out)
{
    unsigned long v = 0;

    if (!*s)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        v = v * 10 + (unsigned long)(*s - '0');
        if (v > INT32_MAX)
            return -1;
    }
    *out = (unsigned)v;
    return 0;
}

/* Whether the split line (f) is well formed and the one (key) wants. */
static int wanted(const struct ig_userdb *d, const struct ig_userdb_key *key,
                  char **f)
{
    unsigned id = 0, v;

    for (int i = 0; i < d->nfields; i++) {
        if (!(d->idmask & 1u << i))
            continue;
        if (ig_userdb_id(f[i], &v) < 0)
            return 0;
        if (i == d->idfield)
            id = v;
    }
    if (key->all)
        return 1;
    return key->name ? strcmp(key->name, f[0]) == 0 : key->id == id;
}

int ig_userdb_find(struct ig_userdb *d, const struct ig_userdb_key *key,
                   char **f)
{
    int r;

    while ((r = next_line(d)) == 1)
        if (split(d->work, f, d->nfields) == 0 && wanted(d, key, f))
            return 1;
    return r;
}
