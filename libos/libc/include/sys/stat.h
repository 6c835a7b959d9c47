/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/stat.h: newlib's, plus what it declares for Cygwin only. */
#ifndef INGOT_SYS_STAT_H
#define INGOT_SYS_STAT_H

#include_next <sys/stat.h>

/* Special tv_nsec values for utimensat(2) and futimens(2), as on Linux. */
#ifndef UTIME_NOW
#define UTIME_NOW ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)
#endif

/* stat(2) that describes a symbolic link itself (volumes have links). */
int lstat(const char *__restrict path, struct stat *__restrict st);

#endif /* INGOT_SYS_STAT_H */
