/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* hostdir_backend.h: the rfs backend over a host directory of the tests. */
#ifndef INGOT_VFS_TESTS_HOSTDIR_BACKEND_H
#define INGOT_VFS_TESTS_HOSTDIR_BACKEND_H

#include "vfs_internal.h"

/* Every path the backend gets is relative to the directory open at
 * (test_hostdir_fd) (O_PATH), which the test opens before the first call;
 * each call is the host's own (fstatat, openat, renameat, ...) with its
 * -errno. */
extern int test_hostdir_fd;
extern const struct ig_rfs_backend test_hostdir_backend;

#endif /* INGOT_VFS_TESTS_HOSTDIR_BACKEND_H */
