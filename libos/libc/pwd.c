/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* pwd.c: users and groups from /etc/passwd and /etc/group in the rootfs. */
#include <ingot/posix.h>

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "userdb_internal.h"

/* The files are read on every call (userdb_internal.h); an image whose
 * rootfs has no /etc/passwd (or /etc/group) still has its root user. */
static struct ig_userdb pwdb = IG_USERDB_PASSWD;
static struct ig_userdb grdb = IG_USERDB_GROUP;

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

/* Finds the passwd entry (w) wants from the current position of pwdb.
 * Returns 0 with (*res) set or NULL (none), or an errno value. */
static int pw_find(const struct ig_userdb_key *w, struct passwd *pw, char *buf,
                   size_t len, struct passwd **res)
{
    char *f[7];
    unsigned uid, gid;
    int r = ig_userdb_find(&pwdb, w, f);

    *res = NULL;
    if (r != 1)
        return -r;
    ig_userdb_id(f[2], &uid);
    ig_userdb_id(f[3], &gid);
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

static int gr_find(const struct ig_userdb_key *w, struct group *gr, char *buf,
                   size_t len, struct group **res)
{
    char *f[4];
    unsigned gid;
    int r = ig_userdb_find(&grdb, w, f);

    *res = NULL;
    if (r != 1)
        return -r;
    ig_userdb_id(f[2], &gid);
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

int getpwnam_r(const char *name, struct passwd *pw, char *buf, size_t len,
               struct passwd **res)
{
    struct ig_userdb_key w = {name, 0, 0};

    ig_userdb_rewind(&pwdb);
    int r = pw_find(&w, pw, buf, len, res);
    ig_userdb_rewind(&pwdb);
    return r;
}

int getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t len,
               struct passwd **res)
{
    struct ig_userdb_key w = {NULL, (unsigned)uid, 0};

    ig_userdb_rewind(&pwdb);
    int r = pw_find(&w, pw, buf, len, res);
    ig_userdb_rewind(&pwdb);
    return r;
}

int getgrnam_r(const char *name, struct group *gr, char *buf, size_t len,
               struct group **res)
{
    struct ig_userdb_key w = {name, 0, 0};

    ig_userdb_rewind(&grdb);
    int r = gr_find(&w, gr, buf, len, res);
    ig_userdb_rewind(&grdb);
    return r;
}

int getgrgid_r(gid_t gid, struct group *gr, char *buf, size_t len,
               struct group **res)
{
    struct ig_userdb_key w = {NULL, (unsigned)gid, 0};

    ig_userdb_rewind(&grdb);
    int r = gr_find(&w, gr, buf, len, res);
    ig_userdb_rewind(&grdb);
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
    struct ig_userdb_key w = {NULL, 0, 1};
    LOOKUP(&pw_ent, pw_find(&w, &pw_static, pw_ent.buf, pw_ent.len, &res),
           struct passwd);
}

void setpwent(void)
{
    ig_userdb_rewind(&pwdb);
}

void endpwent(void)
{
    ig_userdb_rewind(&pwdb);
}

struct group *getgrent(void)
{
    struct ig_userdb_key w = {NULL, 0, 1};
    LOOKUP(&gr_ent, gr_find(&w, &gr_static, gr_ent.buf, gr_ent.len, &res),
           struct group);
}

void setgrent(void)
{
    ig_userdb_rewind(&grdb);
}

void endgrent(void)
{
    ig_userdb_rewind(&grdb);
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
