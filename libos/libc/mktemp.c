/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mktemp.c: mkstemp(), mkdtemp() and the rest of the family, with random
 * names and Linux's checks (they replace newlib's, whose mkdtemp() failed
 * with ENOSYS and whose names counted up from the process id). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <ingot/posix.h>
#include <ingot/vfs.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { MAKE_FILE, MAKE_DIR, MAKE_NAME };

/* glibc's TMP_MAX: 62^3 names are tried before giving up with EEXIST. */
#define TRIES 238328

static const char chars[] =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/* Six random characters from (chars) into (x). */
static void fill(char *x)
{
    unsigned char r[6];

    if (getrandom(r, sizeof(r), GRND_NONBLOCK) != (ssize_t)sizeof(r)) {
        /* Never the case on Ingot (the platform's entropy); a clock is
         * enough to tell names apart, O_EXCL keeps them unique. */
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        unsigned long v = (unsigned long)ts.tv_nsec ^ (unsigned long)ts.tv_sec;
        for (int i = 0; i < 6; i++, v = v * 6364136223846793005ul + 1)
            r[i] = (unsigned char)(v >> 33);
    }
    for (int i = 0; i < 6; i++)
        x[i] = chars[r[i] % (sizeof(chars) - 1)];
}

/* Replaces the six X's before the last (suffix) bytes of (tmpl) until
 * (what) can be made under that name.  Returns a descriptor (MAKE_FILE)
 * or 0; -EINVAL when the X's are missing, -EEXIST when every name tried
 * was taken, or why the file or directory could not be made.  It calls
 * the VFS, not open() or mkdir(): those would make every image that
 * links libc select the volume component (ingot-cc's selection). */
static int make(char *tmpl, int suffix, int flags, int what)
{
    size_t n = strlen(tmpl);

    if (suffix < 0 || n < 6 || n - 6 < (size_t)suffix ||
        memcmp(tmpl + n - 6 - suffix, "XXXXXX", 6) != 0)
        return -EINVAL;
    char *x = tmpl + n - 6 - suffix;
    for (int i = 0; i < TRIES; i++) {
        struct stat st;
        int r;
        fill(x);
        if (what == MAKE_FILE)
            r = ig_vfs_open(AT_FDCWD, tmpl,
                            (flags & ~O_ACCMODE) | O_RDWR | O_CREAT | O_EXCL,
                            0600);
        else if (what == MAKE_DIR)
            r = ig_vfs_mkdir(AT_FDCWD, tmpl, 0700);
        else if ((r = ig_vfs_lstat(AT_FDCWD, tmpl, &st)) == 0)
            r = -EEXIST;
        else if (r == -ENOENT)
            r = 0;
        if (r != -EEXIST)
            return r;
    }
    return -EEXIST;
}

/* The POSIX result of make(): (r), or -1 with errno. */
static int ret(int r)
{
    return (int)ig_posix_ret(r);
}

int mkostemps(char *tmpl, int suffixlen, int flags)
{
    return ret(make(tmpl, suffixlen, flags, MAKE_FILE));
}

int mkstemps(char *tmpl, int suffixlen)
{
    return ret(make(tmpl, suffixlen, 0, MAKE_FILE));
}

int mkostemp(char *tmpl, int flags)
{
    return ret(make(tmpl, 0, flags, MAKE_FILE));
}

int mkstemp(char *tmpl)
{
    return ret(make(tmpl, 0, 0, MAKE_FILE));
}

char *mkdtemp(char *tmpl)
{
    return ret(make(tmpl, 0, 0, MAKE_DIR)) == 0 ? tmpl : NULL;
}

/* As glibc: an empty string on failure (the linker's warning about its
 * race is glibc's; the call itself is POSIX's, withdrawn in 2008). */
char *mktemp(char *tmpl)
{
    if (ret(make(tmpl, 0, 0, MAKE_NAME)) != 0)
        tmpl[0] = '\0';
    return tmpl;
}
