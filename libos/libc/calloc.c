/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* calloc.c: calloc() that refuses a product overflowing size_t. */
#include <ingot/posix.h>

#include <errno.h>
#include <reent.h>
#include <stddef.h>

/*
 * newlib's _calloc_r multiplies its arguments unchecked: calloc(SIZE_MAX /
 * 2 + 1, 2) allocated a block of 0 bytes, which the program then wrote
 * past.  This _calloc_r takes its place in newlib's libc.a (the step
 * replace-wrapped of toolchain/cmake/newlib.cmake), so calloc() and every
 * caller inside newlib get the check; newlib's own runs under the name
 * __ig_nl_calloc_r.  Like glibc: NULL with ENOMEM.
 */
void *__ig_nl_calloc_r(struct _reent *r, size_t n, size_t size);

void *_calloc_r(struct _reent *r, size_t n, size_t size)
{
    size_t bytes;

    if (__builtin_mul_overflow(n, size, &bytes)) {
        ig_posix_failed(-ENOMEM);
        return NULL;
    }
    return __ig_nl_calloc_r(r, n, size);
}
