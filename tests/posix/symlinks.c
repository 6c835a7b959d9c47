/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* symlinks.c: the calls that act on a symbolic link itself, not on what it
 * points to (unlink, rmdir, rename, mkdir, symlink, O_CREAT|O_EXCL,
 * O_NOFOLLOW), dangling links, link loops and links out of the volume,
 * on a volume; the output
 * must be identical on Ingot and on Linux, a differential test (gnulib's
 * test-symlink, test-lstat, test-unlink ... check the same).  The
 * argument names the directory (default: the working directory). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ename.h"

static char dir[PATH_MAX / 2];

/* (name) in the directory, in one of four buffers (for two per call). */
static const char *at(const char *name)
{
    static char buf[4][PATH_MAX];
    static int i;

    i = (i + 1) % 4;
    snprintf(buf[i], sizeof(buf[i]), "%s/%s", dir, name);
    return buf[i];
}

static const char *kind(const char *name)
{
    struct stat st;

    if (lstat(at(name), &st) < 0)
        return "missing";
    return S_ISLNK(st.st_mode) ? "link" : S_ISDIR(st.st_mode) ? "dir" : "file";
}

int main(int argc, char **argv)
{
    struct stat st;
    char buf[64];

    snprintf(dir, sizeof(dir), "%s/symlinks.d", argc > 1 ? argv[1] : ".");
    mkdir(dir, 0755);
    const char *clean[] = {"dangling", "loop1", "loop2", "todir", "moved",
                           "file",     "x",     "abs",   "null"};
    for (size_t i = 0; i < sizeof(clean) / sizeof(clean[0]); i++)
        unlink(at(clean[i]));
    rmdir(at("dir"));

    /* A dangling link exists as itself. */
    T(symlink("nowhere", at("dangling")));
    printf("dangling is a %s\n", kind("dangling"));
    T(stat(at("dangling"), &st));
    T(symlink("else", at("dangling")));
    T(mkdir(at("dangling"), 0755));
    T(open(at("dangling"), O_WRONLY | O_CREAT | O_EXCL, 0644));
    T(open(at("dangling"), O_RDONLY | O_NOFOLLOW));
    T(readlink(at("dangling"), buf, sizeof(buf)));
    T(rename(at("dangling"), at("moved")));
    printf("moved is a %s, dangling %s\n", kind("moved"), kind("dangling"));
    T(unlink(at("moved")));
    printf("after unlink: %s\n", kind("moved"));

    /* A loop: ELOOP through it, the links themselves still removable. */
    T(symlink("loop2", at("loop1")));
    T(symlink("loop1", at("loop2")));
    T(stat(at("loop1"), &st));
    T(lstat(at("loop1/"), &st));
    T(open(at("loop1"), O_RDONLY));
    T(open(at("loop1"), O_WRONLY | O_CREAT, 0644));
    T(readlink(at("loop1/"), buf, sizeof(buf)));
    T(lstat(at("loop1"), &st));
    T(unlink(at("loop1")));
    T(unlink(at("loop2")));

    /* A link to a directory: the link goes, the directory stays. */
    T(mkdir(at("dir"), 0755));
    T(symlink("dir", at("todir")));
    T(lstat(at("todir/"), &st));
    printf("todir/ is a directory: %d\n", S_ISDIR(st.st_mode));
    T(open(at("todir"), O_RDONLY | O_NOFOLLOW));
    T(mkdir(at("todir/"), 0755));
    T(unlink(at("todir/")));
    T(rmdir(at("todir/")));
    T(rmdir(at("todir")));
    T(unlink(at("todir")));
    printf("todir %s, dir %s\n", kind("todir"), kind("dir"));
    T(symlink("nowhere", at("todir/")));
    printf("todir %s\n", kind("todir"));

    /* A link to a file: O_NOFOLLOW refuses it, a plain open follows it;
     * renaming over it replaces the link, not the file. */
    int fd = open(at("file"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    T(write(fd, "data", 4));
    T(close(fd));
    T(symlink("file", at("x")));
    T(open(at("x"), O_RDONLY | O_NOFOLLOW));
    fd = open(at("x"), O_RDONLY);
    T(read(fd, buf, sizeof(buf)));
    T(close(fd));
    T(readlink(at("x/"), buf, sizeof(buf)));
    T(symlink("nowhere", at("dangling")));
    T(rename(at("dangling"), at("x")));
    printf("x is a %s, file a %s\n", kind("x"), kind("file"));
    T(unlink(at("x")));

    /* Links whose targets leave the volume (absolute ones: the volume's
     * host directory does not follow them) are followed in the image's
     * name space, as Linux follows them in the process's. */
    T(symlink(at("file"), at("abs")));
    fd = open(at("abs"), O_RDONLY);
    T(read(fd, buf, sizeof(buf)));
    T(close(fd));
    T(symlink("/dev/null", at("null")));
    T(stat(at("null"), &st));
    printf("null is a character device: %d\n", S_ISCHR(st.st_mode));
    T(lstat(at("null"), &st));
    printf("null itself is a link: %d\n", S_ISLNK(st.st_mode));
    T(readlink(at("null"), buf, sizeof(buf)));
    T(unlink(at("abs")));
    T(unlink(at("null")));
    T(unlink(at("file")));
    T(rmdir(at("dir")));
    T(rmdir(dir));
    printf("symlinks: done\n");
    return 0;
}
