/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/vfs.h: the older name of <sys/statfs.h>, as on Linux. */
#ifndef INGOT_SYS_VFS_H
#define INGOT_SYS_VFS_H
#include <sys/statfs.h>
#endif /* INGOT_SYS_VFS_H */
