/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* ename.h: errno names and result printing for the differential tests. */
/* (tests/posix and tests/e2e: the latter include "../posix/ename.h".) */
#ifndef INGOT_TESTS_ENAME_H
#define INGOT_TESTS_ENAME_H

#include <errno.h>
#include <stdio.h>

static inline const char *ename(int e)
{
    static const struct {
        int e;
        const char *name;
    } names[] = {
        {0, "0"},
        {EPERM, "EPERM"},
        {ENOENT, "ENOENT"},
        {ESRCH, "ESRCH"},
        {EIO, "EIO"},
        {EBADF, "EBADF"},
        {EAGAIN, "EAGAIN"},
        {ENOMEM, "ENOMEM"},
        {EACCES, "EACCES"},
        {EFAULT, "EFAULT"},
        {EEXIST, "EEXIST"},
        {ENOTDIR, "ENOTDIR"},
        {EISDIR, "EISDIR"},
        {EINVAL, "EINVAL"},
        {EMFILE, "EMFILE"},
        {ENOTTY, "ENOTTY"},
        {ESPIPE, "ESPIPE"},
        {ERANGE, "ERANGE"},
        {ENOSYS, "ENOSYS"},
        {ENODEV, "ENODEV"},
        {ENAMETOOLONG, "ENAMETOOLONG"},
        {EOPNOTSUPP, "EOPNOTSUPP"},
        {ELOOP, "ELOOP"},
        {EROFS, "EROFS"},
        {EFBIG, "EFBIG"},
        {ENOLCK, "ENOLCK"},
        {EOVERFLOW, "EOVERFLOW"},
        {EPIPE, "EPIPE"},
        {ENOTEMPTY, "ENOTEMPTY"},
        {EXDEV, "EXDEV"},
        {EMLINK, "EMLINK"},
        {ENOTCONN, "ENOTCONN"},
        {ECONNREFUSED, "ECONNREFUSED"},
        {EPROTOTYPE, "EPROTOTYPE"},
        {EISCONN, "EISCONN"},
        {EMSGSIZE, "EMSGSIZE"},
        {EADDRINUSE, "EADDRINUSE"},
        {EBUSY, "EBUSY"},
        {EDEADLK, "EDEADLK"},
        {EINPROGRESS, "EINPROGRESS"},
        {ECANCELED, "ECANCELED"},
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (names[i].e == e)
            return names[i].name;
    return "other";
}

/* Prints what a call returned: the value, or -1 and the errno name. */
static inline long show(const char *what, long r)
{
    if (r == -1)
        printf("%-48s -1 %s\n", what, ename(errno));
    else
        printf("%-48s %ld\n", what, r);
    return r;
}

#define T(call) show(#call, (long)(call))

#endif /* INGOT_TESTS_ENAME_H */
