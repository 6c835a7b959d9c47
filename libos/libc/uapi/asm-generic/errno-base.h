/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* asm-generic/errno-base.h: the image's errno numbers (the kernel's). */
#ifndef _ASM_GENERIC_ERRNO_BASE_H
#define _ASM_GENERIC_ERRNO_BASE_H

/* The image's numbers are the kernel's (libos/libc/include/sys/
 * errno.h); this header replaces linux-libc-dev's in Ingot's copy of the
 * UAPI headers so that a program including both <errno.h> and
 * <linux/errno.h> sees each name defined once, by one header, with the
 * same value. */
#include <errno.h>

#endif /* _ASM_GENERIC_ERRNO_BASE_H */
