/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* errname.h: errno's symbolic name, the same text under newlib and glibc. */
#ifndef PROCESS_ERRNAME_H
#define PROCESS_ERRNAME_H

#include <errno.h>

static inline const char *errname(int e)
{
    switch (e) {
    case EAGAIN:
        return "EAGAIN";
    case ECHILD:
        return "ECHILD";
    case EINTR:
        return "EINTR";
    case EINVAL:
        return "EINVAL";
    case ENOMEM:
        return "ENOMEM";
    case ENOSYS:
        return "ENOSYS";
    case ENOTTY:
        return "ENOTTY";
    case EPERM:
        return "EPERM";
    case EPIPE:
        return "EPIPE";
    case ESRCH:
        return "ESRCH";
    case ETIMEDOUT:
        return "ETIMEDOUT";
    default:
        return "other";
    }
}

#endif /* PROCESS_ERRNAME_H */
