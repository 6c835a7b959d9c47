/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cred.c: the process's user and group ids, changed by Linux's rules. */
#include <ingot/libc.h>
#include <ingot/posix.h>

#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "userdb_internal.h"

#define IG_NGROUPS_MAX 64

/* The image starts as root (uid 0, gid 0), like a container's process.
 * The set* calls follow Linux's rules for the real, effective and saved
 * ids (privileged while the effective uid is 0); nothing else in the image
 * checks them: isolation comes from the VM or the pico sandbox. */
struct ids {
    unsigned r, e, s;
};
static struct ids uids, gids;
static gid_t groups[IG_NGROUPS_MAX];
static int ngroups;

#define NONE ((unsigned)-1)

uid_t getuid(void)
{
    return (uid_t)uids.r;
}

uid_t geteuid(void)
{
    return (uid_t)uids.e;
}

gid_t getgid(void)
{
    return (gid_t)gids.r;
}

gid_t getegid(void)
{
    return (gid_t)gids.e;
}

static int is_one_of(unsigned v, const struct ids *ids)
{
    return v == ids->r || v == ids->e || v == ids->s;
}

/* setresuid(2)'s rule, which the other calls are cases of: unprivileged,
 * each new id must be one of the current three. */
static int set_res(struct ids *ids, unsigned r, unsigned e, unsigned s)
{
    if (uids.e != 0 && ((r != NONE && !is_one_of(r, ids)) ||
                        (e != NONE && !is_one_of(e, ids)) ||
                        (s != NONE && !is_one_of(s, ids))))
        return (int)ig_posix_ret(-EPERM);
    if (r != NONE)
        ids->r = r;
    if (e != NONE)
        ids->e = e;
    if (s != NONE)
        ids->s = s;
    return 0;
}

/* setuid(2): privileged, all three; else only the effective one, to the
 * real or saved id. */
static int set_one(struct ids *ids, unsigned id)
{
    if (id == NONE)
        return (int)ig_posix_ret(-EINVAL);
    if (uids.e == 0)
        return set_res(ids, id, id, id);
    if (id != ids->r && id != ids->s)
        return (int)ig_posix_ret(-EPERM);
    ids->e = id;
    return 0;
}

/* setreuid(2): unprivileged, the real id may become the effective one and
 * the effective any of the three; the saved id takes the new effective one
 * when the real id is set or the effective one differs from the old real. */
static int set_re(struct ids *ids, unsigned r, unsigned e)
{
    unsigned old_r = ids->r;

    if (uids.e != 0 && ((r != NONE && r != ids->r && r != ids->e) ||
                        (e != NONE && !is_one_of(e, ids))))
        return (int)ig_posix_ret(-EPERM);
    if (r != NONE)
        ids->r = r;
    if (e != NONE)
        ids->e = e;
    if (r != NONE || (e != NONE && e != old_r))
        ids->s = ids->e;
    return 0;
}

int setuid(uid_t uid)
{
    return set_one(&uids, uid);
}

int setgid(gid_t gid)
{
    return set_one(&gids, gid);
}

int seteuid(uid_t uid)
{
    return uid == (uid_t)-1 ? (int)ig_posix_ret(-EINVAL)
                            : set_res(&uids, NONE, uid, NONE);
}

int setegid(gid_t gid)
{
    return gid == (gid_t)-1 ? (int)ig_posix_ret(-EINVAL)
                            : set_res(&gids, NONE, gid, NONE);
}

static unsigned arg(unsigned v, unsigned none)
{
    return v == none ? NONE : v;
}

int setreuid(uid_t r, uid_t e)
{
    return set_re(&uids, arg(r, (uid_t)-1), arg(e, (uid_t)-1));
}

int setregid(gid_t r, gid_t e)
{
    return set_re(&gids, arg(r, (gid_t)-1), arg(e, (gid_t)-1));
}

int getgroups(int size, gid_t list[])
{
    if (size == 0)
        return ngroups;
    if (size < ngroups)
        return (int)ig_posix_ret(-EINVAL);
    for (int i = 0; i < ngroups; i++)
        list[i] = groups[i];
    return ngroups;
}

int setgroups(int n, const gid_t *list)
{
    if (uids.e != 0)
        return (int)ig_posix_ret(-EPERM);
    if (n < 0 || n > IG_NGROUPS_MAX)
        return (int)ig_posix_ret(-EINVAL);
    for (int i = 0; i < n; i++)
        groups[i] = list[i];
    ngroups = n;
    return 0;
}

/* The three ids at once (Linux's setresuid(2) family). */
int getresuid(uid_t *r, uid_t *e, uid_t *s)
{
    *r = (uid_t)uids.r;
    *e = (uid_t)uids.e;
    *s = (uid_t)uids.s;
    return 0;
}

int getresgid(gid_t *r, gid_t *e, gid_t *s)
{
    *r = (gid_t)gids.r;
    *e = (gid_t)gids.e;
    *s = (gid_t)gids.s;
    return 0;
}

int setresuid(uid_t r, uid_t e, uid_t s)
{
    return set_res(&uids, arg(r, (uid_t)-1), arg(e, (uid_t)-1),
                   arg(s, (uid_t)-1));
}

int setresgid(gid_t r, gid_t e, gid_t s)
{
    return set_res(&gids, arg(r, (gid_t)-1), arg(e, (gid_t)-1),
                   arg(s, (gid_t)-1));
}

/* A decimal id, or -1. */
static long number(const char *s)
{
    long v = 0;

    if (!*s)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > 0x7ffffffe / 10)
            return -1;
        v = v * 10 + (*s - '0');
    }
    return v;
}

/* The first entry of (d) that (key) wants: 1 with its fields in (f), 0
 * when there is none (or the file cannot be read, as getpwnam() then
 * finds none). */
static int find(struct ig_userdb *d, const struct ig_userdb_key *key, char **f)
{
    return ig_userdb_find(d, key, f) == 1;
}

/* The boot reads /etc/passwd and /etc/group with the line reader under
 * getpwnam() (userdb.c) but not through it: an image links pwd.c only
 * when the program itself looks users up. */
int ig_libc_set_user(const char *spec)
{
    struct ig_userdb pw = IG_USERDB_PASSWD, gr = IG_USERDB_GROUP;
    char user[66], *group, *f[7];
    long uid, gid = 0;
    unsigned v;
    int r = 0;

    if (strlen(spec) >= sizeof(user))
        return -EINVAL;
    strcpy(user, spec);
    if ((group = strchr(user, ':')))
        *group++ = '\0';
    if ((uid = number(user)) >= 0) {
        struct ig_userdb_key key = {NULL, (unsigned)uid, 0};
        if (find(&pw, &key, f) && ig_userdb_id(f[3], &v) == 0)
            gid = (long)v;
    } else {
        struct ig_userdb_key key = {user, 0, 0};
        if (!find(&pw, &key, f))
            r = -ENOENT;
        else if (ig_userdb_id(f[2], &v) == 0) {
            uid = (long)v;
            ig_userdb_id(f[3], &v);
            gid = (long)v;
        }
    }
    if (r == 0 && group && (gid = number(group)) < 0) {
        struct ig_userdb_key key = {group, 0, 0};
        if (!find(&gr, &key, f) || ig_userdb_id(f[2], &v) < 0)
            r = -ENOENT;
        else
            gid = (long)v;
    }
    ig_userdb_free(&pw);
    ig_userdb_free(&gr);
    if (r < 0)
        return r;
    gids = (struct ids){(unsigned)gid, (unsigned)gid, (unsigned)gid};
    uids = (struct ids){(unsigned)uid, (unsigned)uid, (unsigned)uid};
    ngroups = 0;
    return 0;
}

char *ig_libc_user_home(void)
{
    struct ig_userdb pw = IG_USERDB_PASSWD;
    struct ig_userdb_key key = {NULL, uids.r, 0};
    char *f[7], *home = NULL;

    if (find(&pw, &key, f))
        home = strdup(f[5][0] ? f[5] : "/");
    else
        home = strdup("/");
    ig_userdb_free(&pw);
    return home;
}
