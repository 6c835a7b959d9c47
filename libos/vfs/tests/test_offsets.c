/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_offsets.c: host unit test of offsets and sizes at their limits. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "vfs_internal.h"

static off_t size_of(int fd)
{
    struct stat st;
    return ig_vfs_fstat(fd, &st) < 0 ? -1 : st.st_size;
}

/* Ranges whose end does not fit in off_t: -EINVAL before ramfs sees them
 * (its capacity doubling once wrapped to 0 and spun forever). */
static void test_wrapping_ranges(void)
{
    char buf[4];
    int fd = ig_vfs_open(AT_FDCWD, "/f", O_CREAT | O_RDWR, 0644);

    CHECK(fd >= 0);
    CHECK_INT(ig_vfs_write(fd, "hello", 5), 5);
    CHECK_INT(ig_vfs_pwrite(fd, "ab", 2, INT64_MAX), -EINVAL);
    CHECK_INT(ig_vfs_pwrite(fd, "ab", 2, INT64_MAX - 1), -EINVAL);
    CHECK_INT(ig_vfs_pread(fd, buf, 2, INT64_MAX), -EINVAL);
    CHECK_INT(ig_vfs_pwrite(fd, "ab", 2, -1), -EINVAL);
    CHECK_INT(size_of(fd), 5);

    /* lseek: base + offset overflowing is -EINVAL, the position stays. */
    CHECK_INT(ig_vfs_lseek(fd, 1, SEEK_SET), 1);
    CHECK_INT(ig_vfs_lseek(fd, INT64_MAX, SEEK_CUR), -EINVAL);
    CHECK_INT(ig_vfs_lseek(fd, INT64_MAX, SEEK_END), -EINVAL);
    CHECK_INT(ig_vfs_lseek(fd, INT64_MIN, SEEK_END), -EINVAL);
    CHECK_INT(ig_vfs_lseek(fd, 0, SEEK_CUR), 1);

    /* A position at the very end: reading or writing there wraps too. */
    CHECK_INT(ig_vfs_lseek(fd, INT64_MAX, SEEK_SET), INT64_MAX);
    CHECK_INT(ig_vfs_write(fd, "ab", 2), -EINVAL);
    CHECK_INT(ig_vfs_read(fd, buf, 2), -EINVAL);
    CHECK_INT(size_of(fd), 5);
    CHECK(ig_vfs_close(fd) == 0);
}

/* Sizes no allocation can hold: an error, never a hang or a crash (the
 * test runs with ASan's allocator_may_return_null, as the guest's malloc
 * returns NULL). */
static void test_huge_files(void)
{
    int fd = ig_vfs_open(AT_FDCWD, "/big", O_CREAT | O_RDWR, 0644);

    CHECK(fd >= 0);
    CHECK_INT(ig_vfs_pwrite(fd, "a", 1, (off_t)1 << 60), -ENOSPC);
    CHECK_INT(ig_vfs_pwrite(fd, "a", 1, INT64_MAX - 1), -ENOSPC);
    CHECK_INT(ig_vfs_ftruncate(fd, INT64_MAX), -ENOSPC);
    CHECK_INT(size_of(fd), 0);
    /* An empty write past the end neither grows the file nor copies. */
    CHECK_INT(ig_vfs_pwrite(fd, "", 0, 100), 0);
    CHECK_INT(ig_vfs_write(fd, NULL, 0), 0);
    CHECK_INT(size_of(fd), 0);
    CHECK_INT(ig_vfs_pwrite(fd, "xy", 2, 3), 2);
    CHECK_INT(size_of(fd), 5);
    CHECK(ig_vfs_close(fd) == 0);
}

int main(void)
{
    ig_vfs.root = ig_ramfs_new();
    ig_vfs.cwd = ig_vfs.root;
    ig_vnode_hold(ig_vfs.root);
    test_wrapping_ranges();
    test_huge_files();
    return unit_done();
}
