/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* stdio.h: newlib's stdio plus getline and getdelim under their names. */
#ifndef INGOT_STDIO_H
#define INGOT_STDIO_H

#include_next <stdio.h>

#if __POSIX_VISIBLE >= 200809 || __MISC_VISIBLE
#ifdef __cplusplus
extern "C" {
#endif
ssize_t getline(char **line, size_t *cap, FILE *fp);
ssize_t getdelim(char **line, size_t *cap, int delim, FILE *fp);
#ifdef __cplusplus
}
#endif
#endif

#endif /* INGOT_STDIO_H */
