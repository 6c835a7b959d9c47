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

#include <ingot/posix.h>

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
        return (int)ig_posix_ret(-EFAULT);
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
        return (int)ig_posix_ret(-EFAULT);
    if (n + 1 > len) {
        if (len) {
            memcpy(buf, src, len);
        }
        return (int)ig_posix_ret(-ENAMETOOLONG);
    }
    memcpy(buf, src, n + 1);
    return 0;
}

static int set_name(char *dst, const char *src, size_t len)
{
    if (len > HOST_NAME_MAX)
        return (int)ig_posix_ret(-EINVAL);
    if (!src && len)
        return (int)ig_posix_ret(-EFAULT);
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
