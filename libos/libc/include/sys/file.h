/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/file.h: flock(2), whatever the feature macros. */
#ifndef INGOT_SYS_FILE_H
#define INGOT_SYS_FILE_H

#include <fcntl.h>

#ifndef LOCK_SH
#define LOCK_SH 0x01
#define LOCK_EX 0x02
#define LOCK_NB 0x04
#define LOCK_UN 0x08
#endif

#ifdef __cplusplus
extern "C" {
#endif
int flock(int fd, int operation);
#ifdef __cplusplus
}
#endif

#endif /* INGOT_SYS_FILE_H */
