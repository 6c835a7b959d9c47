/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* errno.h: newlib's errno, with every Linux name, plus glibc's program
 * name variables. */
#ifndef INGOT_ERRNO_H
#define INGOT_ERRNO_H

/* newlib hides the names only Linux has (ESOCKTNOSUPPORT, ESHUTDOWN,
 * ENOMEDIUM, ...) behind this macro; Linux programs use them. */
#ifndef __LINUX_ERRNO_EXTENSIONS__
#define __LINUX_ERRNO_EXTENSIONS__ 1
#endif
#include_next <errno.h>

#if __GNU_VISIBLE
extern char *program_invocation_name;
extern char *program_invocation_short_name;
#endif

#endif /* INGOT_ERRNO_H */
