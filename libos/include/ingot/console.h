/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* console.h: the library OS's own console output, usable before malloc. */
#ifndef INGOT_CONSOLE_H
#define INGOT_CONSOLE_H

/*
 * These functions format into a stack buffer and write through
 * ig_plat_console_write(); they never allocate, so fault handlers and early
 * boot code may call them.  Applications use stdio, which reaches the same
 * console through file descriptors 1 and 2.
 *
 * Formats: %d %i %u %x %X %p %s %c %%, with flags '-' and '0', a field
 * width, and the length modifiers l, ll and z.
 */

#include <stdarg.h>
#include <stddef.h>

/* Formats (fmt) with (ap) into (buf) of (size) bytes, always NUL-terminated
 * when size > 0.  Returns the length the full output would have had. */
int ig_vsnprintk(char *buf, size_t size, const char *fmt, va_list ap);

/* Formats like ig_vsnprintk() into (buf). */
int ig_snprintk(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Formats and writes to the console; output longer than 512 bytes is cut. */
void ig_printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* INGOT_CONSOLE_H */
