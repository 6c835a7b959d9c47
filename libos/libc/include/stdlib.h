/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* stdlib.h: newlib's stdlib plus GNU's canonicalize_file_name. */
#ifndef INGOT_STDLIB_H
#define INGOT_STDLIB_H

#include_next <stdlib.h>

#if __GNU_VISIBLE
#ifdef __cplusplus
extern "C" {
#endif
/* realpath(path, NULL): the absolute path, allocated. */
char *canonicalize_file_name(const char *path);
#ifdef __cplusplus
}
#endif
#endif

#endif /* INGOT_STDLIB_H */
