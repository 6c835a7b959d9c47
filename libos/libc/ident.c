/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* ident.c: who the image is: uname, host name, process, user and group ids. */
#include <ingot/sched.h>

#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "libc_internal.h"

/*
 * uname() says "Linux" because programs compiled with __linux__ take
 * their Linux paths and some check the name again at run time; the
 * release is that of the kernel ABI the library OS follows (Debian 12's
 * 6.1) marked "-ingot", so a program that prints it shows where it runs.
 */
#define IG_UTS_RELEASE "6.1.0-ingot"
#define IG_UTS_VERSION "#1 Ingot library OS"

static char hostname[HOST_NAME_MAX + 1] = "ingot";
static char domainname[HOST_NAME_MAX + 1] = "(none)";

static void copy_field(char *dst, const char *src)
{
    size_t n = strlen(src);

    if (n > _UTSNAME_LENGTH - 1)
        n = _UTSNAME_LENGTH - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

int uname(struct utsname *buf)
{
    if (!buf)
        return (int)ig_libc_ret(-EFAULT);
    copy_field(buf->sysname, "Linux");
    copy_field(buf->nodename, hostname);
    copy_field(buf->release, IG_UTS_RELEASE);
    copy_field(buf->version, IG_UTS_VERSION);
    copy_field(buf->machine, "x86_64");
    copy_field(buf->domainname, domainname);
    return 0;
}

/* Like glibc: a name that does not fit is cut and ENAMETOOLONG. */
static int get_name(const char *src, char *buf, size_t len)
{
    size_t n = strlen(src);

    if (!buf)
        return (int)ig_libc_ret(-EFAULT);
    if (n + 1 > len) {
        if (len) {
            memcpy(buf, src, len);
        }
        return (int)ig_libc_ret(-ENAMETOOLONG);
    }
    memcpy(buf, src, n + 1);
    return 0;
}

static int set_name(char *dst, const char *src, size_t len)
{
    if (len > HOST_NAME_MAX)
        return (int)ig_libc_ret(-EINVAL);
    if (!src && len)
        return (int)ig_libc_ret(-EFAULT);
    memcpy(dst, src, len);
    dst[len] = '\0';
    return 0;
}

int gethostname(char *buf, size_t len)
{
    return get_name(hostname, buf, len);
}

int sethostname(const char *name, size_t len)
{
    return set_name(hostname, name, len);
}

int getdomainname(char *buf, size_t len)
{
    return get_name(domainname, buf, len);
}

int setdomainname(const char *name, size_t len)
{
    return set_name(domainname, name, len);
}

/* The image is process 1, as init is; its parent is "the kernel" (0). */
pid_t getppid(void)
{
    return 0;
}

/* Thread ids: the main thread's is the process id (1), as on Linux; the
 * others are the scheduler's ids, offset so they never collide with it. */
pid_t gettid(void)
{
    struct ig_thread *t = ig_thread_self();
    unsigned id = t ? ig_thread_id(t) : 1;

    return id == 1 ? 1 : (pid_t)(id + 1000);
}

/*
 * One user, root by default, as a container's first process is.  The ids
 * follow POSIX for a privileged process: setuid() sets all three, the
 * set*id calls may move between real, effective and saved ids, and once
 * no id is 0 any more the process is unprivileged and can only move
 * among the ones it has (EPERM otherwise), as on Linux.
 */
static uid_t ruid, euid, suid;
static gid_t rgid, egid, sgid;
#define IG_NGROUPS 64
static gid_t groups[IG_NGROUPS];
static int ngroups;

uid_t getuid(void)
{
    return ruid;
}

uid_t geteuid(void)
{
    return euid;
}

gid_t getgid(void)
{
    return rgid;
}

gid_t getegid(void)
{
    return egid;
}

int getresuid(uid_t *r, uid_t *e, uid_t *s)
{
    *r = ruid;
    *e = euid;
    *s = suid;
    return 0;
}

int getresgid(gid_t *r, gid_t *e, gid_t *s)
{
    *r = rgid;
    *e = egid;
    *s = sgid;
    return 0;
}

/* (uid_t)-1 and (gid_t)-1: "leave unchanged" (newlib's ids are 16 bits). */
#define KEEP(id) ((id) == (__typeof__(id))-1)

/* (id) is acceptable as a new value: unchanged, privileged, or one of
 * the three current ids. */
static int may_set(unsigned id, unsigned keep, unsigned r, unsigned e,
                   unsigned s)
{
    return id == keep || euid == 0 || id == r || id == e || id == s;
}

int setresuid(uid_t r, uid_t e, uid_t s)
{
    const unsigned k = (uid_t)-1;
    if (!may_set(r, k, ruid, euid, suid) || !may_set(e, k, ruid, euid, suid) ||
        !may_set(s, k, ruid, euid, suid))
        return (int)ig_libc_ret(-EPERM);
    if (!KEEP(r))
        ruid = r;
    if (!KEEP(e))
        euid = e;
    if (!KEEP(s))
        suid = s;
    return 0;
}

int setresgid(gid_t r, gid_t e, gid_t s)
{
    /* Group changes are privileged by the effective user id (may_set). */
    const unsigned k = (gid_t)-1;
    if (!may_set(r, k, rgid, egid, sgid) || !may_set(e, k, rgid, egid, sgid) ||
        !may_set(s, k, rgid, egid, sgid))
        return (int)ig_libc_ret(-EPERM);
    if (!KEEP(r))
        rgid = r;
    if (!KEEP(e))
        egid = e;
    if (!KEEP(s))
        sgid = s;
    return 0;
}

int setuid(uid_t uid)
{
    if (KEEP(uid))
        return (int)ig_libc_ret(-EINVAL);
    if (euid == 0)
        return setresuid(uid, uid, uid);
    return setresuid((uid_t)-1, uid, (uid_t)-1);
}

int seteuid(uid_t uid)
{
    if (KEEP(uid))
        return (int)ig_libc_ret(-EINVAL);
    return setresuid((uid_t)-1, uid, (uid_t)-1);
}

int setreuid(uid_t r, uid_t e)
{
    return setresuid(r, e, (uid_t)-1);
}

int setgid(gid_t gid)
{
    if (KEEP(gid))
        return (int)ig_libc_ret(-EINVAL);
    if (euid == 0)
        return setresgid(gid, gid, gid);
    return setresgid((gid_t)-1, gid, (gid_t)-1);
}

int setegid(gid_t gid)
{
    if (KEEP(gid))
        return (int)ig_libc_ret(-EINVAL);
    return setresgid((gid_t)-1, gid, (gid_t)-1);
}

int setregid(gid_t r, gid_t e)
{
    return setresgid(r, e, (gid_t)-1);
}

int getgroups(int size, gid_t list[])
{
    if (size < 0)
        return (int)ig_libc_ret(-EINVAL);
    if (size == 0)
        return ngroups;
    if (size < ngroups)
        return (int)ig_libc_ret(-EINVAL);
    memcpy(list, groups, (size_t)ngroups * sizeof(gid_t));
    return ngroups;
}

int setgroups(int size, const gid_t *list)
{
    if (euid != 0)
        return (int)ig_libc_ret(-EPERM);
    if (size < 0 || size > IG_NGROUPS)
        return (int)ig_libc_ret(-EINVAL);
    if (size && !list)
        return (int)ig_libc_ret(-EFAULT);
    memcpy(groups, list, (size_t)size * sizeof(gid_t));
    ngroups = size;
    return 0;
}
