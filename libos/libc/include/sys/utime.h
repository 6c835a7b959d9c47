/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/utime.h: newlib's struct utimbuf, plus the utime() it leaves out. */
#ifndef INGOT_SYS_UTIME_H
#define INGOT_SYS_UTIME_H

#include_next <sys/utime.h>

/* Sets the access and modification times of (path) to (times), or both
 * to now when it is NULL.  Returns 0, or -1 with errno (ENOENT, EROFS ...). */
int utime(const char *path, const struct utimbuf *times);

#endif /* INGOT_SYS_UTIME_H */
