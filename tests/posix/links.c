/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* links.c: hard links (link, linkat, st_nlink, unlink and rename of one of
 * several names); the output must be identical on Ingot and on Linux (run
 * as root in a directory of one filesystem), a differential test. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ename.h"

#define D "links.dir"

static void st(const char *path)
{
    struct stat s;

    if (stat(path, &s) != 0) {
        printf("stat %-20s -1 %s\n", path, ename(errno));
        return;
    }
    printf("stat %-20s nlink %lu size %ld\n", path, (unsigned long)s.st_nlink,
           (long)s.st_size);
}

static void same(const char *a, const char *b)
{
    struct stat x, y;

    if (stat(a, &x) == 0 && stat(b, &y) == 0)
        printf("%s and %s: %s file\n", a, b,
               x.st_ino == y.st_ino && x.st_dev == y.st_dev ? "the same"
                                                            : "another");
}

static void slurp(const char *path)
{
    char buf[32] = {0};
    int fd = open(path, O_RDONLY);

    if (fd < 0) {
        printf("open %s: %s\n", path, ename(errno));
        return;
    }
    printf("%s holds \"%.*s\"\n", path, (int)read(fd, buf, sizeof(buf) - 1),
           buf);
    close(fd);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    T(mkdir(D, 0755));
    T(chdir(D));
    int fd = open("a", O_CREAT | O_RDWR | O_TRUNC, 0644);
    T(write(fd, "payload", 7));
    T(mkdir("sub", 0755));
    T(link("a", "b"));
    T(link("a", "sub/c"));
    int dfd = open("sub", O_RDONLY | O_DIRECTORY);
    T(linkat(dfd, "c", AT_FDCWD, "d", 0));
    T(linkat(AT_FDCWD, "d", dfd, "e", AT_SYMLINK_FOLLOW));
    st("a");
    st("sub/e");
    same("a", "sub/e");
    struct stat s;
    T(fstat(fd, &s));
    printf("fstat nlink %lu\n", (unsigned long)s.st_nlink);
    /* Errors. */
    T(link("a", "b"));
    T(link("missing", "x"));
    T(link("a", "nodir/x"));
    T(link("a", "x/"));
    T(link("a/", "x"));
    T(link("sub", "subdir2"));
    T(link(".", "x"));
    T(link("a", "."));
    T(link("a", ".."));
    T(link("/dev/null", "null"));
    T(linkat(AT_FDCWD, "a", AT_FDCWD, "x", 0x8000));
    T(linkat(99, "a", AT_FDCWD, "x", 0));
    T(linkat(99, "/dev/null", AT_FDCWD, "y", 0));
    T(linkat(fd, "a", AT_FDCWD, "x", 0));
    /* Unlinking one name keeps the data under the others. */
    T(unlink("a"));
    st("a");
    st("b");
    slurp("sub/c");
    T(fstat(fd, &s));
    printf("fstat nlink %lu\n", (unsigned long)s.st_nlink);
    /* rename of one name onto another of the same file: nothing happens. */
    T(rename("b", "d"));
    st("b");
    st("d");
    /* rename over a name of another file drops only that name. */
    int g = open("g", O_CREAT | O_WRONLY, 0644);
    T(write(g, "other", 5));
    T(link("g", "g2"));
    T(rename("b", "g2"));
    st("g");
    st("g2");
    slurp("g2");
    same("g2", "sub/c");
    /* A directory holding names of a file can go once they are gone. */
    T(rmdir("sub"));
    T(unlink("sub/c"));
    T(unlink("sub/e"));
    T(rmdir("sub"));
    st("d");
    /* The last names gone, the open file keeps the data, nlink 0. */
    T(unlink("d"));
    T(unlink("g2"));
    T(fstat(fd, &s));
    printf("fstat nlink %lu size %ld\n", (unsigned long)s.st_nlink,
           (long)s.st_size);
    T(unlink("g"));
    T(close(g));
    T(close(fd));
    T(close(dfd));
    T(chdir(".."));
    T(rmdir(D));
    printf("links: done\n");
    return 0;
}
