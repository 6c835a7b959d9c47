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
    CHECK(opened <= IG_FD_SOFT && ig_vfs_fd_count() == IG_FD_SOFT);
    for (int i = 0; i < IG_FD_SOFT; i++)
        ig_vfs_close(i);
}

/* The table grows past the old fixed 256 up to the RLIMIT_NOFILE soft
 * limit; the lowest free descriptor is always the one handed out. */
static void test_fd_limits(void)
{
    unsigned long soft, hard;
    int fd;

    ig_vfs_fd_limits(&soft, &hard);
    CHECK(soft == IG_FD_SOFT && hard == IG_FD_HARD);
    CHECK(ig_vfs_fd_setlimits(10, 5) == -EINVAL);
    CHECK(ig_vfs_fd_setlimits(10, IG_FD_HARD + 1ul) == -EPERM);
    CHECK(ig_vfs_fd_setlimits(70000, IG_FD_HARD) == 0);
    int first = ig_vfs_open(AT_FDCWD, "/", O_RDONLY, 0);
    CHECK(first >= 0);
    for (int i = 1; i < 65536; i++)
        if (ig_vfs_dup(first, 0, 0) != first + i)
            CHECK(!"dup fills the table in order");
    CHECK(ig_vfs_fd_count() == 65536);
    /* Holes are refilled lowest first. */
    CHECK(ig_vfs_close(first + 500) == 0 && ig_vfs_close(first + 7) == 0);
    CHECK(ig_vfs_dup(first, 0, 0) == first + 7);
    CHECK(ig_vfs_dup(first, 0, 0) == first + 500);
    CHECK(ig_vfs_dup(first, 0, 0) == first + 65536);
    /* dup2 and F_DUPFD beyond the soft limit: EBADF and EINVAL. */
    CHECK(ig_vfs_dup2(first, 70000) == -EBADF);
    CHECK(ig_vfs_dup(first, 70000, 0) == -EINVAL);
    CHECK(ig_vfs_dup2(first, 69999) == 69999);
    /* A lowered limit leaves open descriptors alone but stops new ones. */
    CHECK(ig_vfs_fd_setlimits(100, IG_FD_HARD) == 0);
    CHECK(ig_vfs_dup(first, 0, 0) == -EMFILE);
    CHECK(ig_vfs_close(69999) == 0);
    for (fd = 0; fd < 70000; fd++)
        ig_vfs_close(fd);
    CHECK(ig_vfs_fd_count() == 0);
    CHECK(ig_vfs_dup(0, 0, 0) == -EBADF);
    CHECK(ig_vfs_fd_setlimits(IG_FD_SOFT, IG_FD_HARD) == 0);
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
    /* The stub's clock is CLOCK_REALTIME; time() reads the coarse clock,
     * which may still show the previous second (it failed CI once). */
    struct timespec before, after;
    clock_gettime(CLOCK_REALTIME, &before);
    CHECK(ig_vfs_utimens(AT_FDCWD, "/t", NULL, 0) == 0);
    CHECK(ig_vfs_stat(AT_FDCWD, "/t", &st) == 0);
    clock_gettime(CLOCK_REALTIME, &after);
    CHECK(st.st_mtim.tv_sec >= before.tv_sec &&
          st.st_mtim.tv_sec <= after.tv_sec);
    CHECK(st.st_mtim.tv_nsec >= 0 && st.st_mtim.tv_nsec < 1000000000);
}

/* Segments of shared file mappings (shmap.c). */
static void test_shared_maps(void)
{
    struct ig_vfs_seg *s1, *s2, *s3;
    void *p1, *p2, *p3;
    char buf[8] = {0};
    int fd = ig_vfs_open(AT_FDCWD, "/segs", O_RDWR | O_CREAT, 0644);

    CHECK(fd >= 0 && ig_vfs_write(fd, "abcdef", 6) == 6);
    CHECK(ig_vfs_seg_get(fd, 0, 8192, 1, &s1, &p1) == 0);
    CHECK(!memcmp(p1, "abcdef", 6) && ((char *)p1)[6] == 0);
    /* A range inside it shares its memory; one across its end cannot. */
    CHECK(ig_vfs_seg_get(fd, 4096, 4096, 0, &s2, &p2) == 0);
    CHECK(s2 == s1 && p2 == (char *)p1 + 4096);
    CHECK(ig_vfs_seg_get(fd, 4096, 8192, 1, &s3, &p3) == -ENODEV);
    CHECK(ig_vfs_seg_resize(s1, 12288, &p3) == -ENOMEM); /* two users */
    ig_vfs_seg_put(s2);
    /* Stores in the segment are what reads of the file see; writes to
     * the file land in the segment. */
    memcpy(p1, "XY", 2);
    CHECK(ig_vfs_pread(fd, buf, 3, 0) == 3 && !memcmp(buf, "XYc", 3));
    CHECK(ig_vfs_pwrite(fd, "Q", 1, 5) == 1 && ((char *)p1)[5] == 'Q');
    CHECK(ig_vfs_ftruncate(fd, 4) == 0 && ((char *)p1)[4] == 0);
    CHECK(ig_vfs_seg_resize(s1, 12288, &p3) == 0 && !memcmp(p3, "XYcd", 4));
    CHECK(ig_vfs_seg_get(99, 0, 4096, 0, &s2, &p2) == -EBADF);
    ig_vfs_seg_put(s1);
    CHECK(ig_vfs_close(fd) == 0);
    /* The last put wrote it back, up to the file's end. */
    fd = ig_vfs_open(AT_FDCWD, "/segs", O_RDONLY, 0);
    memset(buf, 0, sizeof(buf));
    CHECK(ig_vfs_read(fd, buf, sizeof(buf)) == 4 && !memcmp(buf, "XYcd", 4));
    CHECK(ig_vfs_close(fd) == 0);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/segs", 0) == 0);
}

int main(void)
{
    ig_vfs.root = ig_ramfs_new();
    ig_vfs.cwd = ig_vfs.root;
    ig_vnode_hold(ig_vfs.root);
    test_paths();
    test_fds();
    test_fd_limits();
    test_cpio();
    test_times();
    test_shared_maps();
    return unit_done();
}
