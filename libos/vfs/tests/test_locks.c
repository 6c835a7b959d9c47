/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_locks.c: host unit test of record locks, flock, modes, owners,
 * O_TMPFILE, eventfd and ioctl in the VFS. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "vfs_internal.h"

static struct ig_lock lk(int type, off_t start, off_t len)
{
    return (struct ig_lock){
        .type = type, .whence = SEEK_SET, .start = start, .len = len};
}

static void test_record_locks(void)
{
    int a = ig_vfs_open(AT_FDCWD, "/f", O_RDWR | O_CREAT, 0644);
    int b = ig_vfs_open(AT_FDCWD, "/f", O_RDWR, 0);
    int r = ig_vfs_open(AT_FDCWD, "/f", O_RDONLY, 0);
    struct ig_lock l;

    CHECK(a >= 0 && b >= 0 && r >= 0);
    /* Process locks: one owner, never in conflict; split by unlocks. */
    l = lk(IG_LOCK_WR, 0, 100);
    CHECK(ig_vfs_lock(a, 0, IG_LOCK_SET, &l) == 0);
    l = lk(IG_LOCK_UN, 40, 10);
    CHECK(ig_vfs_lock(b, 0, IG_LOCK_SET, &l) == 0);
    /* OFD locks conflict with them, except in the hole. */
    l = lk(IG_LOCK_RD, 39, 2);
    CHECK(ig_vfs_lock(r, 1, IG_LOCK_SET, &l) == -EAGAIN);
    l = lk(IG_LOCK_RD, 40, 10);
    CHECK(ig_vfs_lock(r, 1, IG_LOCK_SET, &l) == 0);
    l = lk(IG_LOCK_WR, 0, 10);
    CHECK(ig_vfs_lock(b, 1, IG_LOCK_GET, &l) == 0);
    CHECK(l.type == IG_LOCK_WR && l.start == 0 && l.len == 40 && l.pid == 1);
    l = lk(IG_LOCK_WR, 45, 1);
    CHECK(ig_vfs_lock(a, 0, IG_LOCK_GET, &l) == 0);
    CHECK(l.type == IG_LOCK_RD && l.start == 40 && l.len == 10 && l.pid == -1);
    /* Closing any descriptor drops the process's locks, not OFD ones. */
    int c = ig_vfs_dup(a, 0, 0);
    CHECK(ig_vfs_close(c) == 0);
    l = lk(IG_LOCK_WR, 0, 40);
    CHECK(ig_vfs_lock(b, 1, IG_LOCK_SET, &l) == 0);
    l = lk(IG_LOCK_WR, 0, 0);
    CHECK(ig_vfs_lock(b, 1, IG_LOCK_SET, &l) == -EAGAIN);
    /* Bad input. */
    l = lk(7, 0, 1);
    CHECK(ig_vfs_lock(a, 0, IG_LOCK_SET, &l) == -EINVAL);
    l = lk(IG_LOCK_WR, 0, 1);
    CHECK(ig_vfs_lock(r, 0, IG_LOCK_SET, &l) == -EBADF);
    l = lk(IG_LOCK_RD, -1, 1);
    CHECK(ig_vfs_lock(a, 0, IG_LOCK_SET, &l) == -EINVAL);
    l = lk(IG_LOCK_RD, INT64_MAX - 1, 5);
    CHECK(ig_vfs_lock(a, 0, IG_LOCK_SET, &l) == -EOVERFLOW);
    l = lk(IG_LOCK_RD, 10, -20);
    CHECK(ig_vfs_lock(a, 0, IG_LOCK_SET, &l) == -EINVAL);
    l = lk(IG_LOCK_RD, 0, 1);
    l.pid = 5;
    CHECK(ig_vfs_lock(a, 1, IG_LOCK_SET, &l) == -EINVAL);
    l.whence = 9;
    CHECK(ig_vfs_lock(a, 0, IG_LOCK_SET, &l) == -EINVAL);
    CHECK(ig_vfs_lock(999, 0, IG_LOCK_SET, &l) == -EBADF);
    /* flock: per description, converted in place, gone with it. */
    CHECK(ig_vfs_flock(a, IG_LOCK_WR, 0) == 0);
    CHECK(ig_vfs_flock(b, IG_LOCK_RD, 0) == -EWOULDBLOCK);
    CHECK(ig_vfs_flock(a, IG_LOCK_RD, 0) == 0);
    CHECK(ig_vfs_flock(b, IG_LOCK_RD, 0) == 0);
    CHECK(ig_vfs_flock(r, IG_LOCK_WR, 0) == -EWOULDBLOCK);
    CHECK(ig_vfs_flock(b, IG_LOCK_UN, 0) == 0);
    CHECK(ig_vfs_close(a) == 0);
    CHECK(ig_vfs_flock(r, IG_LOCK_WR, 0) == 0);
    CHECK(ig_vfs_flock(r, 9, 0) == -EINVAL);
    CHECK(ig_vfs_close(b) == 0 && ig_vfs_close(r) == 0);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/f", 0) == 0);
}

static void test_modes(void)
{
    struct stat st;
    int fd = ig_vfs_open(AT_FDCWD, "/m", O_RDWR | O_CREAT, 0666);

    CHECK(ig_vfs_chmod(AT_FDCWD, "/m", 04755, 0) == 0);
    CHECK(ig_vfs_stat(AT_FDCWD, "/m", &st) == 0 && S_ISREG(st.st_mode) &&
          (st.st_mode & 07777) == 04755);
    CHECK(ig_vfs_fchown(fd, 12, 34) == 0);
    CHECK(ig_vfs_fstat(fd, &st) == 0 && st.st_uid == 12 && st.st_gid == 34);
    CHECK((st.st_mode & 07777) == 0755); /* set-user-ID cleared */
    CHECK(ig_vfs_chown(AT_FDCWD, "/m", (uid_t)-1, 7, 0) == 0);
    CHECK(ig_vfs_stat(AT_FDCWD, "/m", &st) == 0 && st.st_uid == 12 &&
          st.st_gid == 7);
    CHECK(ig_vfs_chmod(AT_FDCWD, "/none", 0600, 0) == -ENOENT);
    CHECK(ig_vfs_chmod(AT_FDCWD, "/m", 0600, 0x8000) == -EINVAL);
    CHECK(ig_vfs_fchmod(999, 0600) == -EBADF);
    CHECK(ig_vfs_close(fd) == 0);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/m", 0) == 0);
}

static void test_tmpfile_eventfd_ioctl(void)
{
    struct ig_dirent d;
    char buf[8];
    int n = 0;

    CHECK(ig_vfs_mkdir(AT_FDCWD, "/t", 0755) == 0);
    int fd = ig_vfs_open(AT_FDCWD, "/t", O_TMPFILE | O_RDWR, 0600);
    CHECK(fd >= 0 && ig_vfs_write(fd, "abc", 3) == 3);
    CHECK(ig_vfs_pread(fd, buf, 3, 0) == 3 && !memcmp(buf, "abc", 3));
    int dir = ig_vfs_open(AT_FDCWD, "/t", O_RDONLY | O_DIRECTORY, 0);
    int entries = 0;
    while (ig_vfs_readdir(dir, &d) == 1)
        entries++;
    CHECK(entries == 2); /* "." and "..": the file has no name */
    CHECK(ig_vfs_ioctl(fd, IG_FIONREAD, &n) == 0 && n == 0);
    CHECK(ig_vfs_lseek(fd, 1, SEEK_SET) == 1);
    CHECK(ig_vfs_ioctl(fd, IG_FIONREAD, &n) == 0 && n == 2);
    CHECK(ig_vfs_ioctl(fd, 0x1234, &n) == -ENOTTY);
    CHECK(ig_vfs_ioctl(fd, IG_FIONREAD, NULL) == -EFAULT);
    CHECK(ig_vfs_close(fd) == 0 && ig_vfs_close(dir) == 0);
    CHECK(ig_vfs_open(AT_FDCWD, "/t", O_TMPFILE | O_RDONLY, 0) == -EINVAL);
    CHECK(ig_vfs_open(AT_FDCWD, "/none", O_TMPFILE | O_RDWR, 0) == -ENOENT);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/t", AT_REMOVEDIR) == 0);

    uint64_t v = 5;
    int e = ig_vfs_eventfd(2, O_NONBLOCK, 0);
    CHECK(ig_vfs_write(e, &v, sizeof(v)) == 8);
    CHECK(ig_vfs_read(e, &v, sizeof(v)) == 8 && v == 7);
    CHECK(ig_vfs_read(e, &v, sizeof(v)) == -EAGAIN);
    CHECK(ig_vfs_read(e, &v, 4) == -EINVAL);
    v = UINT64_MAX;
    CHECK(ig_vfs_write(e, &v, sizeof(v)) == -EINVAL);
    v = UINT64_MAX - 1;
    CHECK(ig_vfs_write(e, &v, sizeof(v)) == 8);
    v = 1;
    CHECK(ig_vfs_write(e, &v, sizeof(v)) == -EAGAIN);
    CHECK((ig_file_poll(ig_fd_get(e)) & IG_POLL_OUT) == 0);
    int one = 1;
    CHECK(ig_vfs_ioctl(e, IG_FIONBIO, &one) == 0);
    CHECK(ig_vfs_close(e) == 0);
    e = ig_vfs_eventfd(2, O_NONBLOCK, 1);
    CHECK(ig_vfs_read(e, &v, 8) == 8 && v == 1);
    CHECK(ig_vfs_read(e, &v, 8) == 8 && v == 1);
    CHECK(ig_vfs_read(e, &v, 8) == -EAGAIN);
    CHECK(ig_vfs_close(e) == 0);
}

int main(void)
{
    ig_vfs.root = ig_ramfs_new();
    ig_vfs.cwd = ig_vfs.root;
    ig_vnode_hold(ig_vfs.root);
    test_record_locks();
    test_modes();
    test_tmpfile_eventfd_ioctl();
    return unit_done();
}
