/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* strvec.c: growable NULL-terminated string vectors for building argv. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ingot/host.h>

static void take(struct ig_strvec *sv, char *s)
{
    if (sv->n + 2 > sv->cap) {
        sv->cap = sv->cap ? sv->cap * 2 : 16;
        sv->v = ig_xrealloc(sv->v, sv->cap * sizeof(*sv->v));
    }
    sv->v[sv->n++] = s;
    sv->v[sv->n] = NULL;
}

void ig_strvec_push(struct ig_strvec *sv, const char *s)
{
    take(sv, ig_xstrdup(s));
}

void ig_strvec_pushf(struct ig_strvec *sv, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    char *s = ig_xvasprintf(fmt, ap);
    va_end(ap);
    take(sv, s);
}

void ig_strvec_pushv(struct ig_strvec *sv, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        ig_strvec_push(sv, list[i]);
}

char **ig_strvec_argv(struct ig_strvec *sv)
{
    if (!sv->v) {
        sv->cap = 16;
        sv->v = ig_xmalloc(sv->cap * sizeof(*sv->v));
        sv->v[0] = NULL;
    }
    return sv->v;
}

void ig_strvec_free(struct ig_strvec *sv)
{
    for (size_t i = 0; i < sv->n; i++)
        free(sv->v[i]);
    free(sv->v);
    sv->v = NULL;
    sv->n = sv->cap = 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int ig_strvec_readdir(struct ig_strvec *sv, const char *dir, int skip_hidden)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    size_t first = sv->n;

    if (!d)
        return -errno;
    while ((de = readdir(d))) {
        const char *n = de->d_name;
        if (n[0] == '.' &&
            (skip_hidden || n[1] == '\0' || (n[1] == '.' && n[2] == '\0')))
            continue;
        ig_strvec_push(sv, n);
    }
    closedir(d);
    if (sv->n > first)
        qsort(sv->v + first, sv->n - first, sizeof(*sv->v), by_name);
    return 0;
}
