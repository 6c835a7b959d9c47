/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* assert.c: a failed assert()'s report on stderr, then abort(). */
#include <ingot/console.h>

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

/*
 * newlib's <assert.h> calls these.  The report is newlib's, byte for byte
 * (programs and their tests may match it); it takes its place in newlib's
 * archive (toolchain/cmake/newlib.cmake) because newlib formats it with
 * fiprintf, and newlib's own dtoa asserts: every image printing a number
 * would link a second printf.  Written to descriptor 2 in one writev, as
 * newlib's unbuffered stderr would write it.
 */
static struct iovec str(const char *s)
{
    return (struct iovec){(void *)s, strlen(s)};
}

void __assert_func(const char *file, int line, const char *func,
                   const char *expr)
{
    char num[16];
    int n = ig_snprintk(num, sizeof(num), "%d", line);
    struct iovec iov[] = {
        str("assertion \""),
        str(expr),
        str("\" failed: file \""),
        str(file),
        str("\", line "),
        {num, (size_t)n},
        str(func ? ", function: " : ""),
        str(func ? func : ""),
        str("\n"),
    };

    writev(STDERR_FILENO, iov, (int)(sizeof(iov) / sizeof(iov[0])));
    abort();
}

void __assert(const char *file, int line, const char *expr)
{
    __assert_func(file, line, NULL, expr);
}
