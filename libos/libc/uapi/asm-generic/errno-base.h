/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* asm-generic/errno-base.h: the image's errno numbers, not the kernel's. */
#ifndef _ASM_GENERIC_ERRNO_BASE_H
#define _ASM_GENERIC_ERRNO_BASE_H

/* The library OS returns newlib's errno numbers (libos/libc/include/
 * errno.h), which differ from the kernel's beyond 34; this header
 * replaces linux-libc-dev's in Ingot's copy of the UAPI headers, so
 * <linux/errno.h> and <asm/errno.h> name the same numbers <errno.h>
 * does. */
#include <errno.h>

#endif /* _ASM_GENERIC_ERRNO_BASE_H */
