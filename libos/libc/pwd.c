/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* pwd.c: users and groups from /etc/passwd and /etc/group in the rootfs. */
#include <ingot/posix.h>
#include <ingot/vfs.h>

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * The files are read on every call, as glibc's "files" service does, so a
 * program sees changes it makes itself.  An image whose rootfs has no
 * /etc/passwd (or /etc/group) still has its one user: a built-in root
 * entry stands in for the missing file.  Malformed lines are skipped.
 */
struct db {
    const char *path;
    const char *builtin;
    char *data; /* the whole file while it is being read, NUL-terminated */
    size_t size, pos;
    int open;
    int done;          /* the built-in line was returned */
    int again;         /* db_next() returns the current line once more */
    char *line, *work; /* the line as read; a copy to split */
    size_t cap, workcap;
};

static struct db pwdb = {.path = "/etc/passwd",
                         .builtin = "root:x:0:0:root:/root:/bin/sh"};
static struct db grdb = {.path = "/etc/group", .builtin = "root:x:0:"};

static void db_rewind(struct db *d)
{
    free(d->data);
    d->data = NULL;
    d->open = 0;
    d->done = 0;
    d->again = 0;
}

/* Reads all of (d)'s file (the VFS directly: stdio's fopen would make
 * every image link the file API).  Returns 0, -ENOENT, or an error. */
static int db_load(struct db *d)
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

static int set_line(struct db *d, const char *s, size_t n)
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
static int db_read(struct db *d)
{
    if (d->again) {
        d->again = 0;
        return 1;
    }
    if (!d->open && !d->done) {
        int r = db_load(d);
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

/* As db_read(), then copies the line to d->work for splitting. */
static int db_next(struct db *d)
{
    int r = db_read(d);
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

/* A decimal id up to INT32_MAX, nothing else. */
static int parse_id(const char *s, unsigned *out)
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

/* Copies string (s) into (*buf, *left); returns the copy or NULL. */
static char *put(const char *s, char **buf, size_t *left)
{
    size_t n = strlen(s) + 1;
    char *p = *buf;

    if (n > *left)
        return NULL;
    memcpy(p, s, n);
    *buf += n;
    *left -= n;
    return p;
}

/* Which entry a lookup wants: by (name) when it is not NULL, else by
 * (id); (all) takes the next well-formed one (getpwent). */
struct want {
    const char *name;
    unsigned id;
    int all;
};

static int want_it(const struct want *w, const char *name, unsigned id)
{
    return w->all || (w->name ? strcmp(w->name, name) == 0 : w->id == id);
}

/* Finds the passwd entry (w) wants from the current position of pwdb.
 * Returns 0 with (*res) set or NULL (none), or an errno value. */
static int pw_find(const struct want *w, struct passwd *pw, char *buf,
                   size_t len, struct passwd **res)
{
    int r;

    *res = NULL;
    while ((r = db_next(&pwdb)) == 1) {
        char *f[7];
        unsigned uid, gid;
        if (split(pwdb.work, f, 7) < 0 || parse_id(f[2], &uid) < 0 ||
            parse_id(f[3], &gid) < 0 || !want_it(w, f[0], uid))
            continue;
        pw->pw_uid = (uid_t)uid;
        pw->pw_gid = (gid_t)gid;
        if (!(pw->pw_name = put(f[0], &buf, &len)) ||
            !(pw->pw_passwd = put(f[1], &buf, &len)) ||
            !(pw->pw_gecos = put(f[4], &buf, &len)) ||
            !(pw->pw_dir = put(f[5], &buf, &len)) ||
            !(pw->pw_shell = put(f[6], &buf, &len))) {
            pwdb.again = w->all; /* getpwent() retries this line */
            return ERANGE;
        }
        pw->pw_comment = pw->pw_gecos;
        *res = pw;
        return 0;
    }
    return -r;
}

static int gr_find(const struct want *w, struct group *gr, char *buf,
                   size_t len, struct group **res)
{
    int r;

    *res = NULL;
    while ((r = db_next(&grdb)) == 1) {
        char *f[4];
        unsigned gid;
        if (split(grdb.work, f, 4) < 0 || parse_id(f[2], &gid) < 0 ||
            !want_it(w, f[0], gid))
            continue;
        size_t nmem = 0;
        for (char *p = f[3]; *p; p++)
            nmem += *p == ',';
        nmem += *f[3] != '\0';
        /* The member pointers first, aligned, then the strings. */
        size_t pad = (uintptr_t)buf % sizeof(char *);
        pad = pad ? sizeof(char *) - pad : 0;
        size_t need = pad + (nmem + 1) * sizeof(char *);
        grdb.again = w->all; /* getgrent() retries a line that did not fit */
        if (need > len)
            return ERANGE;
        char **mem = (char **)(void *)(buf + pad);
        buf += need;
        len -= need;
        gr->gr_gid = (gid_t)gid;
        if (!(gr->gr_name = put(f[0], &buf, &len)) ||
            !(gr->gr_passwd = put(f[1], &buf, &len)))
            return ERANGE;
        char *save = NULL, *m = strtok_r(f[3], ",", &save);
        size_t i = 0;
        for (; m && i < nmem; m = strtok_r(NULL, ",", &save))
            if (!(mem[i++] = put(m, &buf, &len)))
                return ERANGE;
        mem[i] = NULL;
        gr->gr_mem = mem;
        grdb.again = 0;
        *res = gr;
        return 0;
    }
    return -r;
}

int getpwnam_r(const char *name, struct passwd *pw, char *buf, size_t len,
               struct passwd **res)
{
    struct want w = {name, 0, 0};

    db_rewind(&pwdb);
    int r = pw_find(&w, pw, buf, len, res);
    db_rewind(&pwdb);
    return r;
}

int getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t len,
               struct passwd **res)
{
    struct want w = {NULL, (unsigned)uid, 0};

    db_rewind(&pwdb);
    int r = pw_find(&w, pw, buf, len, res);
    db_rewind(&pwdb);
    return r;
}

int getgrnam_r(const char *name, struct group *gr, char *buf, size_t len,
               struct group **res)
{
    struct want w = {name, 0, 0};

    db_rewind(&grdb);
    int r = gr_find(&w, gr, buf, len, res);
    db_rewind(&grdb);
    return r;
}

int getgrgid_r(gid_t gid, struct group *gr, char *buf, size_t len,
               struct group **res)
{
    struct want w = {NULL, (unsigned)gid, 0};

    db_rewind(&grdb);
    int r = gr_find(&w, gr, buf, len, res);
    db_rewind(&grdb);
    return r;
}

/* The non-reentrant calls keep one entry of each kind in a buffer that
 * grows until the entry fits (separate for users and groups, as a
 * getpwuid() result must survive a getgrgid()). */
struct ent {
    char *buf;
    size_t len;
};
static struct passwd pw_static;
static struct group gr_static;
static struct ent pw_ent, gr_ent;

static int grow(struct ent *e)
{
    size_t n = e->len ? e->len * 2 : 1024;
    char *p = n > (1u << 24) ? NULL : realloc(e->buf, n);

    if (!p)
        return ENOMEM;
    e->buf = p;
    e->len = n;
    return 0;
}

/* Runs (call), which stores its result in (res), growing (e) while it
 * answers ERANGE; sets errno on failure and returns (res). */
#define LOOKUP(e, call, type)                                                  \
    do {                                                                       \
        type *res = NULL;                                                      \
        int r = (e)->buf ? 0 : grow(e);                                        \
        if (r == 0)                                                            \
            r = call;                                                          \
        while (r == ERANGE && (r = grow(e)) == 0)                              \
            r = call;                                                          \
        if (r)                                                                 \
            ig_posix_failed(-r);                                               \
        return res;                                                            \
    } while (0)

struct passwd *getpwnam(const char *name)
{
    LOOKUP(&pw_ent, getpwnam_r(name, &pw_static, pw_ent.buf, pw_ent.len, &res),
           struct passwd);
}

struct passwd *getpwuid(uid_t uid)
{
    LOOKUP(&pw_ent, getpwuid_r(uid, &pw_static, pw_ent.buf, pw_ent.len, &res),
           struct passwd);
}

struct group *getgrnam(const char *name)
{
    LOOKUP(&gr_ent, getgrnam_r(name, &gr_static, gr_ent.buf, gr_ent.len, &res),
           struct group);
}

struct group *getgrgid(gid_t gid)
{
    LOOKUP(&gr_ent, getgrgid_r(gid, &gr_static, gr_ent.buf, gr_ent.len, &res),
           struct group);
}

/* getpwent() and getgrent() walk the files; an entry too large for the
 * buffer is retried after growing it, from the same line. */
struct passwd *getpwent(void)
{
    struct want w = {NULL, 0, 1};
    LOOKUP(&pw_ent, pw_find(&w, &pw_static, pw_ent.buf, pw_ent.len, &res),
           struct passwd);
}

void setpwent(void)
{
    db_rewind(&pwdb);
}

void endpwent(void)
{
    db_rewind(&pwdb);
}

struct group *getgrent(void)
{
    struct want w = {NULL, 0, 1};
    LOOKUP(&gr_ent, gr_find(&w, &gr_static, gr_ent.buf, gr_ent.len, &res),
           struct group);
}

void setgrent(void)
{
    db_rewind(&grdb);
}

void endgrent(void)
{
    db_rewind(&grdb);
}

/* Sets the supplementary groups to (gid) and every group listing (user). */
int initgroups(const char *user, gid_t gid)
{
    gid_t list[64];
    int n = 0;
    struct group *g;

    list[n++] = gid;
    setgrent();
    while ((g = getgrent()) && n < 64) {
        for (char **m = g->gr_mem; *m; m++)
            if (strcmp(*m, user) == 0 && g->gr_gid != gid) {
                list[n++] = g->gr_gid;
                break;
            }
    }
    endgrent();
    return setgroups(n, list);
}

char *getlogin(void)
{
    struct passwd *pw = getpwuid(getuid());

    return pw ? pw->pw_name : NULL;
}

int getlogin_r(char *buf, size_t len)
{
    char *name = getlogin();

    if (!name)
        return ENXIO;
    if (strlen(name) >= len)
        return ERANGE;
    strcpy(buf, name);
    return 0;
}
