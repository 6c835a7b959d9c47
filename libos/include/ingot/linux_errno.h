/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* linux_errno.h: errno numbers that come from a Linux host or server. */
#ifndef INGOT_LINUX_ERRNO_H
#define INGOT_LINUX_ERRNO_H

/*
 * Errors that come from a Linux host (the pico platform's system calls, a
 * 9P2000.L server's Rlerror) carry Linux's numbers, which are the image's
 * own (<sys/errno.h>): they pass unchanged, checked for range only.
 */

#include <errno.h>

_Static_assert(ENOSYS == 38 && EOPNOTSUPP == 95 && EHWPOISON == 133,
               "the image's errno numbers are Linux's");

/* The largest errno number Linux defines. */
#define IG_LINUX_ERRNO_MAX EHWPOISON

/* Returns the negated errno for Linux errno (e), or -EIO for a number
 * Linux does not define (a misbehaving server). */
static inline int ig_errno_from_linux(unsigned long e)
{
    return e >= 1 && e <= IG_LINUX_ERRNO_MAX ? -(int)e : -EIO;
}

#endif /* INGOT_LINUX_ERRNO_H */
