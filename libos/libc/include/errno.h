/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* errno.h: newlib's errno with Linux's numbers, plus glibc's program
 * name variables. */
#ifndef INGOT_ERRNO_H
#define INGOT_ERRNO_H

/* Every name and number comes from <sys/errno.h> (this folder's, which
 * newlib is also built with): Linux's values, Linux's aliases
 * (EWOULDBLOCK is EAGAIN, ENOTSUP is EOPNOTSUPP, EDEADLOCK is EDEADLK). */
#include_next <errno.h>

#if __GNU_VISIBLE
extern char *program_invocation_name;
extern char *program_invocation_short_name;
#endif

#endif /* INGOT_ERRNO_H */
