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

/* Where Linux has one number for two names, so does the image: a program
 * testing errno against either name sees what the library OS returns. */
#undef ENOTSUP
#define ENOTSUP EOPNOTSUPP
#undef EDEADLOCK
#define EDEADLOCK EDEADLK

/* Linux names newlib lacks, at numbers newlib leaves free; the library
 * OS returns none of them, but programs name them (and the kernel UAPI
 * headers, whose <asm-generic/errno.h> ingot-cc replaces with this one,
 * define them). */
#define ERESTART 144
#define EUCLEAN 145
#define ENOTNAM 146
#define ENAVAIL 147
#define EISNAM 148
#define EREMOTEIO 149
#define ENOKEY 150
#define EKEYEXPIRED 151
#define EKEYREVOKED 152
#define EKEYREJECTED 153
#define EMEDIUMTYPE 154
#define ERFKILL 155
#define EHWPOISON 156

#if __GNU_VISIBLE
extern char *program_invocation_name;
extern char *program_invocation_short_name;
#endif

#endif /* INGOT_ERRNO_H */
