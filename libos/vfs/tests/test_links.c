/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_links.c: host unit test of hard links on ramfs (link.c, ramfs.c). */
#ifndef _GNU_SOURCE
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "vfs_internal.h"

static int nlink(const char *path)
{
    struct stat st;
    int r = ig_vfs_stat(AT_FDCWD, path, &st);
    return r < 0 ? r : (int)st.st_nlink;
}

static int ino(const char *path)
{
    struct stat st;
    int r = ig_vfs_stat(AT_FDCWD, path, &st);
    return r < 0 ? r : (int)st.st_ino;
}

static void test_names(void)
{
    char buf[8] = {0};
    struct stat st;
    int fd = ig_vfs_open(AT_FDCWD, "/a", O_CREAT | O_RDWR, 0644);

    CHECK(fd >= 0 && ig_vfs_write(fd, "data", 4) == 4);
    CHECK(ig_vfs_mkdir(AT_FDCWD, "/d", 0755) == 0);
    CHECK(ig_vfs_link(AT_FDCWD, "/a", AT_FDCWD, "/d/b", 0) == 0);
    CHECK(nlink("/a") == 2 && nlink("/d/b") == 2);
    CHECK(ino("/a") == ino("/d/b"));
    /* The same name twice in one directory, through a dirfd. */
    int dfd = ig_vfs_open(AT_FDCWD, "/d", O_RDONLY | O_DIRECTORY, 0);
    CHECK(ig_vfs_link(dfd, "b", dfd, "c", AT_SYMLINK_FOLLOW) == 0);
    CHECK(nlink("/a") == 3);
    /* Errors, in Linux's order. */
    CHECK(ig_vfs_link(AT_FDCWD, "/a", AT_FDCWD, "/d/c", 0) == -EEXIST);
    CHECK(ig_vfs_link(AT_FDCWD, "/nope", AT_FDCWD, "/d/x", 0) == -ENOENT);
    CHECK(ig_vfs_link(AT_FDCWD, "/a", AT_FDCWD, "/nodir/x", 0) == -ENOENT);
    CHECK(ig_vfs_link(AT_FDCWD, "/a", AT_FDCWD, "/d/x/", 0) == -ENOENT);
    CHECK(ig_vfs_link(AT_FDCWD, "/d", AT_FDCWD, "/e", 0) == -EPERM);
    CHECK(ig_vfs_link(AT_FDCWD, "/a", AT_FDCWD, "/d/.", 0) == -EEXIST);
    CHECK(ig_vfs_link(AT_FDCWD, "/a/", AT_FDCWD, "/x", 0) == -ENOTDIR);
    CHECK(ig_vfs_link(AT_FDCWD, "/a", AT_FDCWD, "/x", 0x100) == -EINVAL);
    CHECK(ig_vfs_link(AT_FDCWD, NULL, AT_FDCWD, "/x", 0) == -EFAULT);
    CHECK(ig_vfs_link(99, "", AT_FDCWD, "/x", AT_EMPTY_PATH) == -EBADF);
    CHECK(ig_vfs_link(AT_FDCWD, "", AT_FDCWD, "/x", AT_EMPTY_PATH) == -EPERM);
    CHECK(ig_vfs_link(AT_FDCWD, "", AT_FDCWD, "/x", 0) == -ENOENT);
    /* Another filesystem: a second ramfs mounted on /m. */
    CHECK(ig_vfs_mkdir(AT_FDCWD, "/m", 0755) == 0);
    struct ig_lookup lk;
    CHECK(ig_vfs_lookup_at(AT_FDCWD, "/m", &lk) == 0);
    CHECK(ig_vfs_mount(lk.vn, ig_ramfs_new()) == 0);
    ig_lookup_done(&lk);
    CHECK(ig_vfs_link(AT_FDCWD, "/a", AT_FDCWD, "/m/a", 0) == -EXDEV);
    /* Unlinking one name keeps the data under the others. */
    CHECK(ig_vfs_unlink(AT_FDCWD, "/a", 0) == 0);
    CHECK(nlink("/d/b") == 2 && nlink("/a") == -ENOENT);
    int fd2 = ig_vfs_open(AT_FDCWD, "/d/c", O_RDONLY, 0);
    CHECK(fd2 >= 0 && ig_vfs_read(fd2, buf, 8) == 4 && !memcmp(buf, "data", 4));
    /* rename of one link onto another of the same file does nothing. */
    CHECK(ig_vfs_rename(AT_FDCWD, "/d/b", AT_FDCWD, "/d/c") == 0);
    CHECK(nlink("/d/b") == 2 && nlink("/d/c") == 2);
    /* rename over a link of another file drops that name only. */
    int g = ig_vfs_open(AT_FDCWD, "/g", O_CREAT | O_RDWR, 0644);
    CHECK(g >= 0 && ig_vfs_link(AT_FDCWD, "/g", AT_FDCWD, "/g2", 0) == 0);
    CHECK(ig_vfs_rename(AT_FDCWD, "/d/b", AT_FDCWD, "/g2") == 0);
    CHECK(nlink("/g") == 1 && nlink("/g2") == 2 && nlink("/d/c") == 2);
    CHECK(ino("/g2") == ino("/d/c"));
    /* The last name gone: open descriptors keep the file, st_nlink 0. */
    CHECK(ig_vfs_unlink(AT_FDCWD, "/d/c", 0) == 0);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/g2", 0) == 0);
    CHECK(ig_vfs_fstat(fd, &st) == 0 && st.st_nlink == 0);
    CHECK(ig_vfs_pread(fd, buf, 8, 0) == 4);
    /* A file without names cannot get one back ... */
    CHECK(ig_vfs_link(fd, "", AT_FDCWD, "/back", AT_EMPTY_PATH) == -ENOENT);
    /* ... unless it was made by O_TMPFILE without O_EXCL. */
    int t = ig_vfs_open(AT_FDCWD, "/d", O_TMPFILE | O_RDWR, 0600);
    CHECK(t >= 0 && ig_vfs_fstat(t, &st) == 0 && st.st_nlink == 0);
    CHECK(ig_vfs_link(t, "", AT_FDCWD, "/d/named", AT_EMPTY_PATH) == 0);
    CHECK(nlink("/d/named") == 1);
    int x = ig_vfs_open(AT_FDCWD, "/d", O_TMPFILE | O_RDWR | O_EXCL, 0600);
    CHECK(x >= 0);
    CHECK(ig_vfs_link(x, "", AT_FDCWD, "/d/x", AT_EMPTY_PATH) == -ENOENT);
    int p[2];
    CHECK(ig_vfs_pipe(p, 0) == 0);
    CHECK(ig_vfs_link(p[0], "", AT_FDCWD, "/p", AT_EMPTY_PATH) == -EXDEV);
    /* A directory that was renamed keeps its path for getcwd. */
    char cwd[32];
    CHECK(ig_vfs_chdir("/d") == 0);
    CHECK(ig_vfs_rename(AT_FDCWD, "/d", AT_FDCWD, "/d2") == 0);
    CHECK(ig_vfs_getcwd(cwd, sizeof(cwd)) > 0 && !strcmp(cwd, "/d2"));
    CHECK(ig_vfs_chdir("/") == 0);
    int fds[] = {fd, fd2, g, t, x, p[0], p[1], dfd};
    for (size_t i = 0; i < sizeof(fds) / sizeof(fds[0]); i++)
        CHECK(ig_vfs_close(fds[i]) == 0);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/d2/named", 0) == 0);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/g", 0) == 0);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/d2", AT_REMOVEDIR) == 0);
}

/* A file's own name and then its directory go while another name stays:
 * nothing may look at that directory again. */
static void test_gone_dir(void)
{
    CHECK(ig_vfs_mkdir(AT_FDCWD, "/u", 0755) == 0);
    int fd = ig_vfs_open(AT_FDCWD, "/u/a", O_CREAT | O_RDWR, 0644);
    CHECK(fd >= 0 && ig_vfs_close(fd) == 0);
    CHECK(ig_vfs_link(AT_FDCWD, "/u/a", AT_FDCWD, "/b", 0) == 0);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/u/a", 0) == 0);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/u", AT_REMOVEDIR) == 0);
    CHECK(nlink("/b") == 1);
    CHECK(ig_vfs_rename(AT_FDCWD, "/b", AT_FDCWD, "/b2") == 0);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/b2", 0) == 0);
}

/* Many names of one file, removed in another order than made. */
static void test_many(void)
{
    char name[16];
    int fd = ig_vfs_open(AT_FDCWD, "/f0", O_CREAT | O_RDWR, 0644);

    CHECK(fd >= 0);
    for (int i = 1; i < 50; i++) {
        snprintf(name, sizeof(name), "/f%d", i);
        CHECK(ig_vfs_link(AT_FDCWD, "/f0", AT_FDCWD, name, 0) == 0);
    }
    CHECK(nlink("/f0") == 50);
    for (int i = 0; i < 50; i += 2) {
        snprintf(name, sizeof(name), "/f%d", i);
        CHECK(ig_vfs_unlink(AT_FDCWD, name, 0) == 0);
    }
    CHECK(nlink("/f1") == 25);
    CHECK(ig_vfs_close(fd) == 0);
    for (int i = 1; i < 50; i += 2) {
        snprintf(name, sizeof(name), "/f%d", i);
        CHECK(ig_vfs_unlink(AT_FDCWD, name, 0) == 0);
    }
    CHECK(nlink("/f1") == -ENOENT);
}

int main(void)
{
    ig_vfs.root = ig_ramfs_new();
    ig_vfs.cwd = ig_vfs.root;
    ig_vnode_hold(ig_vfs.root);
    test_names();
    test_many();
    test_gone_dir();
    return unit_done();
}
