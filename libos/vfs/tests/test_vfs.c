/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_vfs.c: host unit test of path lookup, ramfs, descriptors and cpio. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "unit.h"
#include "vfs_internal.h"

static size_t hdr(char *out, const char *name, unsigned mode, size_t size)
{
    return (size_t)sprintf(out,
                           "070701%08x%08x%08x%08x%08x%08x%08zx%08x%08x%08x"
                           "%08x%08zx%08x",
                           1u, mode, 0u, 0u, 1u, 0u, size, 0u, 0u, 0u, 0u,
                           strlen(name) + 1, 0u);
}

/* Appends one newc entry to (buf) at (*off). */
static void entry(char *buf, size_t *off, const char *name, unsigned mode,
                  const char *data)
{
    size_t size = data ? strlen(data) : 0;
    *off += hdr(buf + *off, name, mode, size);
    strcpy(buf + *off, name);
    *off += strlen(name) + 1;
    while (*off % 4)
        buf[(*off)++] = 0;
    if (data)
        memcpy(buf + *off, data, size);
    *off += size;
    while (*off % 4)
        buf[(*off)++] = 0;
}

static int stat_mode(const char *path)
{
    struct stat st;
    int r = ig_vfs_stat(AT_FDCWD, path, &st);
    return r < 0 ? r : (int)(st.st_mode & S_IFMT);
}

static void test_paths(void)
{
    char cwd[64];

    CHECK(ig_vfs_mkdir(AT_FDCWD, "/a", 0755) == 0);
    CHECK(ig_vfs_mkdir(AT_FDCWD, "/a/b", 0755) == 0);
    CHECK(ig_vfs_mkdir(AT_FDCWD, "/a/b", 0755) == -EEXIST);
    CHECK(ig_vfs_mkdir(AT_FDCWD, "/x/y", 0755) == -ENOENT);
    CHECK(ig_vfs_mkdir(AT_FDCWD, "/", 0755) == -EEXIST);
    int fd = ig_vfs_open(AT_FDCWD, "/a/f", O_CREAT | O_WRONLY, 0644);
    CHECK(fd >= 0);
    CHECK(ig_vfs_write(fd, "hello", 5) == 5);
    CHECK(ig_vfs_close(fd) == 0);
    CHECK(ig_vfs_close(fd) == -EBADF);
    CHECK(stat_mode("/a/f") == S_IFREG);
    CHECK(stat_mode("/a/f/") == -ENOTDIR);
    CHECK(stat_mode("/a/f/x") == -ENOTDIR);
    CHECK(stat_mode("//a/./b/../f") == S_IFREG);
    CHECK(stat_mode("/..") == S_IFDIR);
    CHECK(stat_mode("/../../a") == S_IFDIR);
    CHECK(stat_mode("") == -ENOENT);
    CHECK(ig_vfs_chdir("/a/b") == 0);
    CHECK(ig_vfs_getcwd(cwd, sizeof(cwd)) == 5 && !strcmp(cwd, "/a/b"));
    CHECK(ig_vfs_getcwd(cwd, 3) == -ERANGE);
    CHECK(stat_mode("../f") == S_IFREG);
    CHECK(stat_mode("..") == S_IFDIR);
    CHECK(ig_vfs_chdir("../f") == -ENOTDIR);
    CHECK(ig_vfs_chdir("/") == 0);
    CHECK(ig_vfs_getcwd(cwd, sizeof(cwd)) == 2 && !strcmp(cwd, "/"));
    CHECK(ig_vfs_unlink(AT_FDCWD, "/a", AT_REMOVEDIR) == -ENOTEMPTY);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/a/b", 0) == -EISDIR);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/a/f", AT_REMOVEDIR) == -ENOTDIR);
    CHECK(ig_vfs_rename(AT_FDCWD, "/a", AT_FDCWD, "/a/b/c") == -EINVAL);
    CHECK(ig_vfs_rename(AT_FDCWD, "/a/f", AT_FDCWD, "/a/g") == 0);
    CHECK(stat_mode("/a/f") == -ENOENT);
    CHECK(stat_mode("/a/g") == S_IFREG);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/a/g", 0) == 0);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/a/b", AT_REMOVEDIR) == 0);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/a", AT_REMOVEDIR) == 0);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/", AT_REMOVEDIR) == -EBUSY);

    /* A second filesystem mounted on /m: lookups cross, ".." comes back. */
    CHECK(ig_vfs_mkdir(AT_FDCWD, "/m", 0755) == 0);
    struct ig_vnode *fs = ig_ramfs_new();
    struct ig_lookup lk;
    CHECK(ig_vfs_lookup(ig_vfs.root, "/m", &lk) == 0);
    CHECK(ig_vfs_mount(lk.vn, fs) == 0);
    ig_lookup_done(&lk);
    CHECK(ig_vfs_mkdir(AT_FDCWD, "/m/d", 0755) == 0);
    CHECK(stat_mode("/m/d/../../m/d") == S_IFDIR);
    CHECK(ig_vfs_chdir("/m/d") == 0);
    CHECK(ig_vfs_getcwd(cwd, sizeof(cwd)) == 5 && !strcmp(cwd, "/m/d"));
    CHECK(ig_vfs_chdir("/") == 0);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/m", AT_REMOVEDIR) == -EBUSY);
}

static void test_fds(void)
{
    int fds[2], opened = 0, fd;
    char buf[8];

    /* Blocking pipes are tested with threads (tests/e2e/threads.c). */
    CHECK(ig_vfs_pipe(fds, O_NONBLOCK) == 0);
    CHECK(ig_vfs_write(fds[1], "abc", 3) == 3);
    CHECK(ig_vfs_read(fds[0], buf, 8) == 3 && !memcmp(buf, "abc", 3));
    CHECK(ig_vfs_read(fds[0], buf, 8) == -EAGAIN);
    /* Full: what fits, then EAGAIN; a small write is all or nothing. */
    static char big[20000];
    CHECK(ig_vfs_write(fds[1], big, sizeof(big)) == 16384);
    CHECK(ig_vfs_write(fds[1], "x", 1) == -EAGAIN);
    CHECK(ig_vfs_read(fds[0], big, 10) == 10);
    CHECK(ig_vfs_write(fds[1], big, 11) == -EAGAIN);
    CHECK(ig_vfs_write(fds[1], big, 10) == 10);
    while (ig_vfs_read(fds[0], big, sizeof(big)) > 0)
        ;
    CHECK(ig_vfs_lseek(fds[0], 0, SEEK_SET) == -ESPIPE);
    CHECK(ig_vfs_write(fds[0], "x", 1) == -EBADF);
    CHECK(ig_vfs_close(fds[1]) == 0);
    CHECK(ig_vfs_read(fds[0], buf, 8) == 0);
    CHECK(ig_vfs_close(fds[0]) == 0);
    /* Filling the table gives EMFILE, never a halt. */
    while ((fd = ig_vfs_open(AT_FDCWD, "/", O_RDONLY, 0)) >= 0)
        opened++;
    CHECK(fd == -EMFILE && opened > 0);
    CHECK(ig_vfs_pipe(fds, 0) == -EMFILE);
    for (int i = 0; i < IG_FD_MAX; i++)
        ig_vfs_close(i);
}

static void test_cpio(void)
{
    static char a[4096], msg[128];
    size_t n = 0;
    char buf[16];

    entry(a, &n, ".", 040755, NULL);
    entry(a, &n, "./etc", 040755, NULL);
    entry(a, &n, "etc/motd", 0100644, "hi there\n");
    entry(a, &n, "TRAILER!!!", 0, NULL);
    CHECK(ig_vfs_mkdir(AT_FDCWD, "/r", 0755) == 0);
    CHECK(ig_vfs_unpack_cpio("/r", a, n, msg, sizeof(msg)) == 0);
    int fd = ig_vfs_open(AT_FDCWD, "/r/etc/motd", O_RDONLY, 0);
    CHECK(fd >= 0 && ig_vfs_read(fd, buf, sizeof(buf)) == 9);
    CHECK(!memcmp(buf, "hi there\n", 9));
    ig_vfs_close(fd);

    /* Every truncation fails cleanly with a message. */
    for (size_t cut = 0; cut < n; cut++) {
        msg[0] = 0;
        CHECK(ig_vfs_unpack_cpio("/r", a, cut, msg, sizeof(msg)) == -EINVAL);
        CHECK(strstr(msg, "corrupt cpio archive at byte") != NULL);
    }
    /* Bad magic, non-hex field, a name size past the end. */
    char b[4096];
    memcpy(b, a, n);
    b[0] = 'X';
    CHECK(ig_vfs_unpack_cpio("/r", b, n, msg, sizeof(msg)) == -EINVAL);
    CHECK(strstr(msg, "bad magic") != NULL);
    memcpy(b, a, n);
    b[10] = 'z';
    CHECK(ig_vfs_unpack_cpio("/r", b, n, msg, sizeof(msg)) == -EINVAL);
    CHECK(strstr(msg, "not hex") != NULL);
    memcpy(b, a, n);
    memcpy(b + 6 + 8 * 11, "7fffffff", 8);
    CHECK(ig_vfs_unpack_cpio("/r", b, n, msg, sizeof(msg)) == -EINVAL);
    CHECK(strstr(msg, "name runs past") != NULL);
    memcpy(b, a, n);
    memcpy(b + 6 + 8 * 6, "ffffffff", 8);
    CHECK(ig_vfs_unpack_cpio("/r", b, n, msg, sizeof(msg)) == -EINVAL);
    CHECK(strstr(msg, "file data runs past") != NULL);
    /* A bad archive creates nothing: it is checked before unpacking. */
    CHECK(ig_vfs_mkdir(AT_FDCWD, "/r2", 0755) == 0);
    CHECK(ig_vfs_unpack_cpio("/r2", a, n - 8, msg, sizeof(msg)) == -EINVAL);
    CHECK(stat_mode("/r2/etc") == -ENOENT);
    CHECK(ig_vfs_unpack_cpio("/nonexistent", a, n, msg, sizeof(msg)) ==
          -ENOENT);
}

/* utimens: explicit times, UTIME_OMIT, and "now" from the platform clock
 * (ig_plat_clock_wall(), the host's in waitq_stub.c). */
static void test_times(void)
{
    struct stat st;
    struct timespec ts[2] = {{0, UTIME_OMIT}, {1000, 5}};

    CHECK(ig_vfs_mkdir(AT_FDCWD, "/t", 0755) == 0);
    CHECK(ig_vfs_utimens(AT_FDCWD, "/t", ts, 0) == 0);
    CHECK(ig_vfs_stat(AT_FDCWD, "/t", &st) == 0);
    CHECK(st.st_mtim.tv_sec == 1000 && st.st_mtim.tv_nsec == 5);
    ts[1].tv_nsec = UTIME_OMIT;
    CHECK(ig_vfs_utimens(AT_FDCWD, "/t", ts, 0) == 0);
    CHECK(ig_vfs_stat(AT_FDCWD, "/t", &st) == 0);
    CHECK(st.st_mtim.tv_sec == 1000);
    ts[1].tv_nsec = 1000000000;
    CHECK(ig_vfs_utimens(AT_FDCWD, "/t", ts, 0) == -EINVAL);
    time_t before = time(NULL);
    CHECK(ig_vfs_utimens(AT_FDCWD, "/t", NULL, 0) == 0);
    CHECK(ig_vfs_stat(AT_FDCWD, "/t", &st) == 0);
    CHECK(st.st_mtim.tv_sec >= before && st.st_mtim.tv_sec <= time(NULL));
    CHECK(st.st_mtim.tv_nsec >= 0 && st.st_mtim.tv_nsec < 1000000000);
}

int main(void)
{
    ig_vfs.root = ig_ramfs_new();
    ig_vfs.cwd = ig_vfs.root;
    ig_vnode_hold(ig_vfs.root);
    test_paths();
    test_fds();
    test_cpio();
    test_times();
    return unit_done();
}
