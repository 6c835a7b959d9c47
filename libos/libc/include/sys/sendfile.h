/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/sendfile.h: sendfile(2), copying between descriptors in the image. */
#ifndef INGOT_SYS_SENDFILE_H
#define INGOT_SYS_SENDFILE_H

#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

ssize_t sendfile(int out_fd, int in_fd, off_t *offset, size_t count);

#ifdef __cplusplus
}
#endif

#endif /* INGOT_SYS_SENDFILE_H */
