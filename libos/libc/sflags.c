/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sflags.c: fopen()'s mode letter 'e' (close-on-exec), as glibc has it. */
#include <fcntl.h>
#include <reent.h>
#include <string.h>

/*
 * newlib's __sflags, which turns fopen()'s and freopen()'s mode into open
 * flags, reads 'e' only on Cygwin: fopen(path, "re") opened the file
 * without O_CLOEXEC, and gnulib replaced fopen.  This __sflags takes its
 * place in newlib's libc.a (toolchain/cmake/newlib.cmake, step
 * replace-wrapped) around newlib's own, renamed __ig_nl_sflags.  Like
 * glibc, the letters after the first count up to a ','.
 */
int __ig_nl_sflags(struct _reent *r, const char *mode, int *flags);
int __sflags(struct _reent *r, const char *mode, int *flags);

int __sflags(struct _reent *r, const char *mode, int *flags)
{
    int ret = __ig_nl_sflags(r, mode, flags);

    if (ret && memchr(mode + 1, 'e', strcspn(mode + 1, ",")))
        *flags |= O_CLOEXEC;
    return ret;
}
