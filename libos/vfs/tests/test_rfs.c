/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_rfs.c: host unit test of rfs (volume vnodes) over a temporary
 * directory, with a backend made of the host's own *at calls
 * (hostdir_backend.c). */
#include <ingot/plat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "hostdir_backend.h"
#include "unit.h"
#include "vfs_internal.h"

static char host[64];

/* The vnode behind (path), held by nobody but the cache. */
static struct ig_vnode *vnode(const char *path)
{
    struct ig_lookup lk;
    struct ig_vnode *vn;

    if (ig_vfs_lookup(ig_vfs.cwd, path, &lk) < 0)
        return NULL;
    vn = lk.vn;
    ig_lookup_done(&lk);
    return vn;
}

static char *hpath(const char *rel)
{
    static char buf[256];
    snprintf(buf, sizeof(buf), "%s/%s", host, rel);
    return buf;
}

static void test_cache(void)
{
    struct stat st;
    char buf[32] = {0};

    int fd = ig_vfs_open(AT_FDCWD, "/v/a", O_CREAT | O_RDWR, 0644);
    CHECK(fd >= 0);
    CHECK(ig_vfs_write(fd, "hello", 5) == 5);
    /* One host file is one vnode while in use. */
    CHECK(vnode("/v/a") == ig_fd_get(fd)->vn);
    CHECK(vnode("/v/a") == vnode("/v/./a"));
    /* Written through: the host sees it before close. */
    struct stat hs;
    CHECK(stat(hpath("a"), &hs) == 0 && hs.st_size == 5);
    CHECK(ig_vfs_fsync(fd) == 0);
    /* stat reflects the host: a change made there shows. */
    CHECK(truncate(hpath("a"), 2) == 0);
    CHECK(ig_vfs_stat(AT_FDCWD, "/v/a", &st) == 0 && st.st_size == 2);
    CHECK(st.st_ino == hs.st_ino && st.st_nlink == 1);
    CHECK(ig_vfs_fstat(fd, &st) == 0 && st.st_size == 2);
    CHECK(ig_vfs_lseek(fd, 0, SEEK_END) == 2);
    /* Replaced on the host by another file: a new vnode; the open file
     * keeps reading the old one. */
    CHECK(unlink(hpath("a")) == 0);
    FILE *f = fopen(hpath("a"), "w");
    fputs("other file", f);
    fclose(f);
    struct ig_vnode *n = vnode("/v/a");
    CHECK(n && n != ig_fd_get(fd)->vn && n->size == 10);
    CHECK(ig_vfs_pread(fd, buf, sizeof(buf), 0) == 2 && !memcmp(buf, "he", 2));
    /* ftruncate goes through the open file, even one no longer named. */
    CHECK(ig_vfs_ftruncate(fd, 1) == 0);
    CHECK(ig_vfs_fstat(fd, &st) == 0 && st.st_size == 1);
    CHECK(ig_vfs_close(fd) == 0);
    /* Gone on the host: gone here. */
    CHECK(unlink(hpath("a")) == 0);
    CHECK(ig_vfs_stat(AT_FDCWD, "/v/a", &st) == -ENOENT);
}

static void test_dirs(void)
{
    char cwd[64];
    struct ig_dirent de;
    int seen = 0;

    CHECK(ig_vfs_mkdir(AT_FDCWD, "/v/d", 0755) == 0);
    CHECK(ig_vfs_mkdir(AT_FDCWD, "/v/d", 0755) == -EEXIST);
    for (int i = 0; i < 150; i++) { /* more than one 2 KiB getdents */
        char p[64];
        snprintf(p, sizeof(p), "/v/d/entry-with-a-long-name-%03d", i);
        int fd = ig_vfs_open(AT_FDCWD, p, O_CREAT | O_EXCL | O_WRONLY, 0600);
        CHECK(fd >= 0);
        ig_vfs_close(fd);
    }
    int d = ig_vfs_open(AT_FDCWD, "/v/d", O_RDONLY | O_DIRECTORY, 0);
    CHECK(d >= 0);
    for (int pass = 0; pass < 2; pass++) {
        int n = 0, r;
        while ((r = ig_vfs_readdir(d, &de)) == 1)
            n++;
        CHECK(r == 0 && n == 152); /* with . and .. */
        seen += n;
        CHECK(ig_vfs_lseek(d, 0, SEEK_SET) == 0); /* rewinddir */
    }
    CHECK(seen == 304);
    ig_vfs_close(d);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/v/d", AT_REMOVEDIR) == -ENOTEMPTY);
    CHECK(ig_vfs_chdir("/v/d") == 0);
    CHECK(ig_vfs_getcwd(cwd, sizeof(cwd)) > 0 && !strcmp(cwd, "/v/d"));
    CHECK(ig_vfs_chdir("../..") == 0);
    CHECK(ig_vfs_getcwd(cwd, sizeof(cwd)) > 0 && !strcmp(cwd, "/"));
}

static void test_rename(void)
{
    char buf[16] = {0};
    struct stat st;

    CHECK(ig_vfs_mkdir(AT_FDCWD, "/v/r", 0755) == 0);
    CHECK(ig_vfs_mkdir(AT_FDCWD, "/v/r/sub", 0755) == 0);
    int fd = ig_vfs_open(AT_FDCWD, "/v/r/sub/f", O_CREAT | O_RDWR, 0644);
    CHECK(ig_vfs_write(fd, "xyz", 3) == 3);
    struct ig_vnode *sub = vnode("/v/r/sub"), *f = vnode("/v/r/sub/f");
    /* A directory moves with its cached children and open files. */
    CHECK(ig_vfs_rename(AT_FDCWD, "/v/r/sub", AT_FDCWD, "/v/moved") == 0);
    CHECK(vnode("/v/moved") == sub && vnode("/v/moved/f") == f);
    CHECK(ig_vfs_stat(AT_FDCWD, "/v/r/sub", &st) == -ENOENT);
    CHECK(access(hpath("moved/f"), F_OK) == 0);
    CHECK(ig_vfs_write(fd, "!", 1) == 1);
    ig_vfs_close(fd);
    /* Over an existing file: atomically, the old one's vnode dropped. */
    fd = ig_vfs_open(AT_FDCWD, "/v/g", O_CREAT | O_WRONLY, 0644);
    ig_vfs_close(fd);
    CHECK(ig_vfs_rename(AT_FDCWD, "/v/moved/f", AT_FDCWD, "/v/g") == 0);
    fd = ig_vfs_open(AT_FDCWD, "/v/g", O_RDONLY, 0);
    CHECK(ig_vfs_read(fd, buf, sizeof(buf)) == 4 && !strcmp(buf, "xyz!"));
    ig_vfs_close(fd);
    CHECK(ig_vfs_rename(AT_FDCWD, "/v/g", AT_FDCWD, "/outside") == -EXDEV);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/v/g", 0) == 0);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/v/moved", AT_REMOVEDIR) == 0);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/v/r", AT_REMOVEDIR) == 0);
}

static void test_times(void)
{
    struct stat st, hs;
    struct timespec ts[2] = {{1000000000, 5}, {1234567890, 123456789}};

    int fd = ig_vfs_open(AT_FDCWD, "/v/t", O_CREAT | O_WRONLY, 0644);
    CHECK(ig_vfs_futimens(fd, ts) == 0);
    CHECK(stat(hpath("t"), &hs) == 0 && hs.st_mtim.tv_sec == 1234567890 &&
          hs.st_mtim.tv_nsec == 123456789 && hs.st_atim.tv_sec == 1000000000);
    CHECK(ig_vfs_stat(AT_FDCWD, "/v/t", &st) == 0 &&
          st.st_mtim.tv_sec == 1234567890);
    ts[0].tv_nsec = UTIME_OMIT;
    ts[1].tv_nsec = UTIME_NOW;
    CHECK(ig_vfs_utimens(AT_FDCWD, "/v/t", ts, 0) == 0);
    CHECK(stat(hpath("t"), &hs) == 0 && hs.st_mtim.tv_sec > 1600000000 &&
          hs.st_atim.tv_sec == 1000000000);
    ts[1].tv_nsec = 1000000000;
    CHECK(ig_vfs_utimens(AT_FDCWD, "/v/t", ts, 0) == -EINVAL);
    CHECK(ig_vfs_utimens(AT_FDCWD, "/v/none", NULL, 0) == -ENOENT);
    /* ramfs keeps the modification time. */
    CHECK(ig_vfs_utimens(AT_FDCWD, "/v", NULL, 0) == 0);
    ig_vfs_close(fd);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/v/t", 0) == 0);
}

static void test_links_and_ro(void)
{
    char buf[32];
    struct ig_vnode *ro;

    CHECK(ig_vfs_symlink("target", AT_FDCWD, "/v/l") == 0);
    CHECK(ig_vfs_readlink(AT_FDCWD, "/v/l", buf, sizeof(buf)) == 6);
    /* A dangling link: stat fails, lstat describes the link. */
    struct stat ls;
    CHECK(ig_vfs_stat(AT_FDCWD, "/v/l", &ls) == -ENOENT);
    CHECK(ig_vfs_lstat(AT_FDCWD, "/v/l", &ls) == 0 && S_ISLNK(ls.st_mode) &&
          ls.st_size == 6);
    CHECK(ig_vfs_lstat(AT_FDCWD, "/v", &ls) == 0 && S_ISDIR(ls.st_mode));
    CHECK(ig_vfs_lstat(AT_FDCWD, "/v/none", &ls) == -ENOENT);
    CHECK(ig_vfs_lstat(AT_FDCWD, "/", &ls) == 0 && S_ISDIR(ls.st_mode));
    CHECK(ig_vfs_symlink("x", AT_FDCWD, "/tmp-no") == -EPERM); /* ramfs */
    CHECK(ig_vfs_readlink(AT_FDCWD, "/v", buf, sizeof(buf)) == -EINVAL);

    /* The same directory mounted read-only. */
    CHECK(ig_rfs_new(&test_hostdir_backend, NULL, 1, &ro) == 0);
    CHECK(ig_vfs_mkdir(AT_FDCWD, "/ro", 0755) == 0);
    CHECK(ig_vfs_mount(vnode("/ro"), ro) == 0);
    int fd = ig_vfs_open(AT_FDCWD, "/ro/e", O_CREAT | O_WRONLY, 0644);
    CHECK(fd == -EROFS);
    CHECK(ig_vfs_open(AT_FDCWD, "/ro/d", O_RDONLY | O_DIRECTORY, 0) >= 0);
    CHECK(ig_vfs_mkdir(AT_FDCWD, "/ro/d", 0755) == -EEXIST);
    CHECK(ig_vfs_mkdir(AT_FDCWD, "/ro/n", 0755) == -EROFS);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/ro/l", 0) == -EROFS);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/ro/none", 0) == -EROFS);
    CHECK(ig_vfs_symlink("t", AT_FDCWD, "/ro/l2") == -EROFS);
    CHECK(ig_vfs_rename(AT_FDCWD, "/ro/d", AT_FDCWD, "/ro/d2") == -EROFS);
    CHECK(ig_vfs_truncate("/ro/d/entry-with-a-long-name-000", 0) == -EROFS);
    CHECK(ig_vfs_utimens(AT_FDCWD, "/ro/d", NULL, 0) == -EROFS);
    CHECK(ig_vfs_chmod(AT_FDCWD, "/ro/d", 0700, 0) == -EROFS);
    CHECK(ig_vfs_chown(AT_FDCWD, "/ro/d", (uid_t)-1, (gid_t)-1, 0) == -EROFS);

    /* statvfs: the host's sizes on volumes, read-only said. */
    struct ig_statfs fs;
    struct statvfs hv;
    CHECK(statvfs(host, &hv) == 0);
    CHECK(ig_vfs_statfs("/v", &fs) == 0 && fs.bsize == hv.f_frsize &&
          fs.blocks == hv.f_blocks && !fs.rdonly && fs.namemax == 255);
    CHECK(ig_vfs_statfs("/ro/d", &fs) == 0 && fs.rdonly && fs.blocks > 0);
    CHECK(ig_vfs_statfs("/", &fs) == 0 && fs.bsize == 4096 && fs.blocks == 0);
    CHECK(ig_vfs_statfs("/v/none", &fs) == -ENOENT);
    struct stat st;
    CHECK(lstat(hpath("l"), &st) == 0 && S_ISLNK(st.st_mode));
    CHECK(lstat(hpath("n"), &st) < 0);
}

/* Modes go to the host file; owners stay the host's (vfs_mode.c). */
static void test_modes(void)
{
    struct stat st, hs;
    int fd = ig_vfs_open(AT_FDCWD, "/v/m", O_CREAT | O_RDWR, 0644);

    CHECK(fd >= 0);
    CHECK(ig_vfs_chmod(AT_FDCWD, "/v/m", 04751, 0) == 0);
    CHECK(stat(hpath("m"), &hs) == 0 && (hs.st_mode & 07777) == 04751);
    CHECK(ig_vfs_stat(AT_FDCWD, "/v/m", &st) == 0 &&
          (st.st_mode & 07777) == 04751 && S_ISREG(st.st_mode));
    CHECK(ig_vfs_fchmod(fd, 0600) == 0);
    CHECK(stat(hpath("m"), &hs) == 0 && (hs.st_mode & 07777) == 0600);
    CHECK(ig_vfs_mkdir(AT_FDCWD, "/v/md", 0755) == 0);
    CHECK(ig_vfs_chmod(AT_FDCWD, "/v/md", 01777, 0) == 0);
    CHECK(stat(hpath("md"), &hs) == 0 && (hs.st_mode & 07777) == 01777);
    CHECK(ig_vfs_chmod(AT_FDCWD, "/v/none", 0600, 0) == -ENOENT);
    CHECK(ig_vfs_chmod(AT_FDCWD, "/v/m", 0600, 0x8000) == -EINVAL);
    /* Owners: the guest's own ids (what stat shows) or -1 change nothing;
     * another owner is the host's to refuse. */
    CHECK(ig_vfs_stat(AT_FDCWD, "/v/m", &st) == 0 && st.st_uid == 0);
    CHECK(ig_vfs_chown(AT_FDCWD, "/v/m", 0, 0, 0) == 0);
    CHECK(ig_vfs_chown(AT_FDCWD, "/v/m", (uid_t)-1, (gid_t)-1, 0) == 0);
    CHECK(ig_vfs_fchown(fd, (uid_t)-1, 0) == 0);
    CHECK(ig_vfs_chown(AT_FDCWD, "/v/m", 1000, (gid_t)-1, 0) == -EPERM);
    CHECK(ig_vfs_fchown(fd, (uid_t)-1, 1000) == -EPERM);
    CHECK(ig_vfs_chown(AT_FDCWD, "/v/none", 0, 0, 0) == -ENOENT);
    /* A chown clears set-user-ID, as Linux does. */
    CHECK(ig_vfs_fchmod(fd, 06755) == 0);
    CHECK(ig_vfs_chown(AT_FDCWD, "/v/m", 0, (gid_t)-1, 0) == 0);
    CHECK(stat(hpath("m"), &hs) == 0 && (hs.st_mode & 07777) == 0755);
    CHECK(ig_vfs_close(fd) == 0);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/v/m", 0) == 0);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/v/md", AT_REMOVEDIR) == 0);
    /* Hard links are not a volume's. */
    CHECK(ig_vfs_open(AT_FDCWD, "/v/h", O_CREAT | O_RDWR, 0644) >= 0);
    CHECK(ig_vfs_link(AT_FDCWD, "/v/h", AT_FDCWD, "/v/h2", 0) == -EPERM);
    CHECK(ig_vfs_link(AT_FDCWD, "/v/h", AT_FDCWD, "/h2", 0) == -EXDEV);
    CHECK(ig_vfs_unlink(AT_FDCWD, "/v/h", 0) == 0);
}

int main(void)
{
    struct ig_vnode *root;

    snprintf(host, sizeof(host), "/tmp/test_rfs.XXXXXX");
    CHECK(mkdtemp(host) != NULL);
    test_hostdir_fd = open(host, O_PATH | O_DIRECTORY | O_CLOEXEC);
    ig_vfs.root = ig_ramfs_new();
    ig_vfs.cwd = ig_vfs.root;
    ig_vnode_hold(ig_vfs.root);
    CHECK(ig_vfs_mkdir(AT_FDCWD, "/v", 0755) == 0);
    CHECK(ig_rfs_new(&test_hostdir_backend, NULL, 0, &root) == 0);
    CHECK(ig_vfs_mount(vnode("/v"), root) == 0);
    test_cache();
    test_dirs();
    test_rename();
    test_times();
    test_modes();
    test_links_and_ro();
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", host);
    CHECK(system(cmd) == 0);
    return unit_done();
}
