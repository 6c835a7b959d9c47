/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* libc_internal.h: the POSIX boundary: negative errno becomes errno + -1. */
#ifndef INGOT_LIBC_INTERNAL_H
#define INGOT_LIBC_INTERNAL_H

#include <errno.h>

/* Inside the library OS every call returns 0/a count or -errno.  This is the
 * one place that turns that into the POSIX convention. */
static inline long ig_libc_ret(long r)
{
    if (r < 0) {
        errno = (int)-r;
        return -1;
    }
    return r;
}

#endif /* INGOT_LIBC_INTERNAL_H */
