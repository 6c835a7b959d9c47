/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* linux_errno.h: Linux errno numbers in the library OS's (newlib's) terms. */
#ifndef INGOT_LINUX_ERRNO_H
#define INGOT_LINUX_ERRNO_H

/*
 * Errors that come from a Linux host (the pico platform's system calls, a
 * 9P server's Rlerror) carry Linux's numbers.  Linux and newlib agree on
 * 1-34; beyond that the numbers differ, so both translate here.
 */

#include <errno.h>

/* Returns the negated library-OS errno for Linux errno (e), or -EIO for a
 * number without a counterpart. */
static inline int ig_errno_from_linux(unsigned long e)
{
    if (e >= 1 && e <= 34)
        return -(int)e;
    switch (e) {
    case 35:
        return -EDEADLK;
    case 36:
        return -ENAMETOOLONG;
    case 37:
        return -ENOLCK;
    case 38:
        return -ENOSYS;
    case 39:
        return -ENOTEMPTY;
    case 40:
        return -ELOOP;
    case 61:
        return -ENODATA;
    case 75:
        return -EOVERFLOW;
    case 95:
        return -EOPNOTSUPP;
    case 122:
        return -EDQUOT;
    default:
        return -EIO;
    }
}

#endif /* INGOT_LINUX_ERRNO_H */
