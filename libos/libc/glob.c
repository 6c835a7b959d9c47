/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* glob.c: pathname expansion over the VFS (<glob.h>, Linux's glob_t). */
#include <ingot/libc.h>
#include <ingot/vfs.h>

#include <dirent.h>
#include <fcntl.h>
#include <errno.h>
#include <fnmatch.h>
#include <glob.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct found {
    char **v;
    size_t n, cap;
};

struct ctx {
    int flags;
    int (*errfunc)(const char *, int);
    struct found f;
};

static int magic(const char *s, size_t n, int flags)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '*' || s[i] == '?' || s[i] == '[')
            return 1;
        if (s[i] == '\\' && !(flags & GLOB_NOESCAPE) && i + 1 < n)
            i++;
    }
    return 0;
}

static int add(struct ctx *c, const char *path, size_t len)
{
    if (c->f.n == c->f.cap) {
        size_t cap = c->f.cap ? c->f.cap * 2 : 16;
        char **v = realloc(c->f.v, cap * sizeof(*v));
        if (!v)
            return GLOB_NOSPACE;
        c->f.v = v;
        c->f.cap = cap;
    }
    char *s = malloc(len + 2);
    if (!s)
        return GLOB_NOSPACE;
    memcpy(s, path, len);
    s[len] = '\0';
    c->f.v[c->f.n++] = s;
    return 0;
}

/* (path) of (len) bytes exists: add it, marked or filtered as asked. */
static int found(struct ctx *c, char *path, size_t len)
{
    struct stat st;
    path[len] = '\0';
    if (ig_vfs_lstat(AT_FDCWD, path, &st) < 0) /* see ig_libc_opendir() */
        return 0;
    int dir = S_ISDIR(st.st_mode) ||
              (S_ISLNK(st.st_mode) && ig_vfs_stat(AT_FDCWD, path, &st) == 0 &&
               S_ISDIR(st.st_mode));
    if ((c->flags & GLOB_ONLYDIR) && !dir)
        return 0;
    int r = add(c, path, len);
    if (r == 0 && dir && (c->flags & GLOB_MARK) && len && path[len - 1] != '/')
        strcat(c->f.v[c->f.n - 1], "/");
    return r;
}

/* Expands (rest) below the directory named by the (len) bytes of (buf),
 * which has room for PATH_MAX bytes. */
static int expand(struct ctx *c, char *buf, size_t len, const char *rest)
{
    while (*rest == '/') {
        if (len + 1 >= PATH_MAX)
            return 0;
        buf[len++] = *rest++;
    }
    if (!*rest)
        return found(c, buf, len);
    size_t n = strcspn(rest, "/");
    const char *next = rest + n;

    if (!magic(rest, n, c->flags)) {
        for (size_t i = 0; i < n; i++) {
            if (rest[i] == '\\' && !(c->flags & GLOB_NOESCAPE) && i + 1 < n)
                i++;
            if (len + 1 >= PATH_MAX)
                return 0;
            buf[len++] = rest[i];
        }
        return expand(c, buf, len, next);
    }
    char pat[NAME_MAX + 1];
    if (n > NAME_MAX)
        return 0;
    memcpy(pat, rest, n);
    pat[n] = '\0';
    buf[len] = '\0';
    const char *dname = len ? buf : ".";
    DIR *d = ig_libc_opendir(dname);
    if (!d) {
        if ((c->errfunc && c->errfunc(dname, errno)) || (c->flags & GLOB_ERR))
            return GLOB_ABORTED;
        return 0;
    }
    int fl = FNM_PERIOD | ((c->flags & GLOB_NOESCAPE) ? FNM_NOESCAPE : 0);
    if (c->flags & GLOB_PERIOD)
        fl &= ~FNM_PERIOD;
    int r = 0;
    struct dirent *e;
    while (r == 0 && (e = readdir(d))) {
        if (fnmatch(pat, e->d_name, fl) != 0)
            continue;
        size_t el = strlen(e->d_name);
        if (len + el >= PATH_MAX)
            continue;
        memcpy(buf + len, e->d_name, el);
        r = expand(c, buf, len + el, next);
    }
    closedir(d);
    return r;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int glob(const char *pattern, int flags, int (*errfunc)(const char *, int),
         glob_t *g)
{
    if (flags & (GLOB_ALTDIRFUNC | GLOB_BRACE | GLOB_TILDE | GLOB_TILDE_CHECK))
        return GLOB_NOSYS;
    if (!(flags & GLOB_APPEND)) {
        g->gl_pathc = 0;
        g->gl_pathv = NULL;
        if (!(flags & GLOB_DOOFFS))
            g->gl_offs = 0;
    }
    g->gl_flags = flags;
    struct ctx c = {.flags = flags, .errfunc = errfunc};
    char *buf = malloc(PATH_MAX);
    if (!buf)
        return GLOB_NOSPACE;
    int r = expand(&c, buf, 0, pattern);
    free(buf);
    if (r == 0 && c.f.n == 0) {
        if ((flags & GLOB_NOCHECK) ||
            ((flags & GLOB_NOMAGIC) && !magic(pattern, strlen(pattern), flags)))
            r = add(&c, pattern, strlen(pattern));
        else
            r = GLOB_NOMATCH;
    }
    if (r == 0 && !(flags & GLOB_NOSORT))
        qsort(c.f.v, c.f.n, sizeof(char *), cmp);
    size_t offs = (flags & GLOB_DOOFFS) ? g->gl_offs : 0;
    size_t total = offs + g->gl_pathc + c.f.n + 1;
    char **v = NULL;
    if (r == 0 && total < SIZE_MAX / sizeof(char *))
        v = realloc(g->gl_pathv, total * sizeof(char *));
    if (r == 0 && !v)
        r = GLOB_NOSPACE;
    if (r != 0) {
        for (size_t i = 0; i < c.f.n; i++)
            free(c.f.v[i]);
        free(c.f.v);
        return r;
    }
    if (!g->gl_pathv)
        for (size_t i = 0; i < offs; i++)
            v[i] = NULL;
    memcpy(v + offs + g->gl_pathc, c.f.v, c.f.n * sizeof(char *));
    g->gl_pathc += c.f.n;
    v[offs + g->gl_pathc] = NULL;
    g->gl_pathv = v;
    free(c.f.v);
    return 0;
}

void globfree(glob_t *g)
{
    size_t offs = (g->gl_flags & GLOB_DOOFFS) ? g->gl_offs : 0;
    if (g->gl_pathv)
        for (size_t i = 0; i < g->gl_pathc; i++)
            free(g->gl_pathv[offs + i]);
    free(g->gl_pathv);
    g->gl_pathv = NULL;
    g->gl_pathc = 0;
}
