/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* escape.c: tries to leave a volume by "..", symbolic links and links;
 * vol.sh plants the links and a secret next to the volume. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int leaks;

/* Reading (path) must fail; prints what it got either way. */
static void no_read(const char *path)
{
    char buf[64] = {0};
    int fd = open(path, O_RDONLY);

    if (fd < 0) {
        printf("read %-28s denied (%s)\n", path, strerror(errno));
        return;
    }
    long n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    printf("read %-28s LEAK: %ld bytes: %s\n", path, n, buf);
    leaks++;
}

/* Creating or writing (path) must fail. */
static void no_write(const char *path, int flags)
{
    int fd = open(path, flags, 0644);

    if (fd < 0) {
        printf("write %-27s denied (%s)\n", path, strerror(errno));
        return;
    }
    long n = write(fd, "pwned\n", 6);
    close(fd);
    printf("write %-27s LEAK: wrote %ld bytes\n", path, n);
    leaks++;
}

static void must_fail(const char *what, int r)
{
    printf("%-33s %s\n", what, r < 0 ? strerror(errno) : "LEAK: succeeded");
    leaks += r >= 0;
}

/* A raw openat2 of the volume's directory descriptor (3) without
 * RESOLVE_BENEATH: what an app bypassing the library OS would try.  Only
 * Landlock stands in the way. */
static void raw_openat2(const char *path)
{
    struct {
        uint64_t flags, mode, resolve;
    } how = {0, 0, 0};
    register long size __asm__("r10") = (long)sizeof(how);
    long r;
    __asm__ volatile("syscall"
                     : "=a"(r)
                     : "a"(437L), "D"(3L), "S"(path), "d"(&how), "r"(size)
                     : "rcx", "r11", "memory");
    /* -13: EACCES, Landlock's answer (the kernel's numbering); -2:
     * ENOENT, ".." at the root of the tender's private mount of the
     * volume stays at that root. */
    printf("raw openat2(3, %s) %s %ld\n", path,
           r == -13  ? "denied by Landlock"
           : r == -2 ? "kept inside the volume's own mount"
                     : "LEAK or other",
           r);
    leaks += r != -13 && r != -2;
}

/* Creates (path), a file or with (dir) a directory, through the link "up"
 * and checks that it is (name) in the image's directory above the volume
 * (vol), and not the host's. */
static void in_image(const char *path, const char *vol, const char *name,
                     int dir)
{
    char above[512];
    const char *slash = strrchr(vol, '/');
    struct stat st;
    int r;

    snprintf(above, sizeof(above), "%.*s/%s", slash ? (int)(slash - vol) : 0,
             vol, name);
    if (dir) {
        r = mkdir(path, 0755);
    } else {
        int fd = open(path, O_CREAT | O_WRONLY, 0600);
        r = fd < 0 ? -1 : (int)write(fd, "leak?\n", 6);
        if (fd >= 0)
            close(fd);
    }
    if (r < 0) {
        printf("create %-26s %s\n", path, strerror(errno));
    } else if (stat(above, &st) == 0 && !S_ISDIR(st.st_mode) == !dir) {
        printf("create %-26s in the image's %s\n", path, above);
    } else {
        printf("create %-26s LEAK: not in the image's %s\n", path, above);
        leaks++;
    }
}

int main(int argc, char **argv)
{
    char buf[64] = {0};

    if (argc < 3) {
        printf("usage: escape VOLDIR SECRET [raw]\n");
        return 2;
    }
    const char *v = argv[1], *secret = argv[2];
    char p[512];
#define P(s) (snprintf(p, sizeof(p), "%s/%s", v, s), p)

    /* Positive control: a link that stays inside works. */
    int fd = open(P("ok"), O_RDONLY);
    long n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
    printf("inside link: %s", n > 0 ? buf : "unreadable\n");
    if (fd >= 0)
        close(fd);
    no_read(P("../secret"));
    no_read(P("../../../../secret"));
    no_read(secret);
    no_read(P("rel"));
    no_read(P("up/secret"));
    no_read(P("sub/deep"));
    no_read(P("abs"));
    no_read(P("etc/passwd"));
    /* Special files inside the volume: a FIFO must not hang the image,
     * a device node (planted when the host allows mknod) must not open. */
    no_read(P("fifo"));
    no_read(P("devzero"));
    no_write(P("devzero"), O_WRONLY);
    no_write(P("rel"), O_WRONLY | O_TRUNC);
    /* A link is followed in the image's name space, as Linux follows it
     * in the process's: "up" (..) leads from the volume to the image's own
     * directory above it (the ramfs root when the volume is /vol), never
     * to the host's (vol.sh checks that it is untouched). */
    in_image(P("up/secret2"), v, "secret2", 0);
    no_write(P("abs"), O_WRONLY | O_APPEND);
    /* lstat sees the links themselves, wherever they lead. */
    struct stat st;
    printf("lstat abs: %s\n", lstat(P("abs"), &st) == 0 && S_ISLNK(st.st_mode)
                                  ? "a symbolic link"
                                  : strerror(errno));
    printf("stat abs: %s\n",
           stat(P("abs"), &st) == 0 ? "LEAK: followed" : strerror(errno));
    printf("symlink ../secret mine: %s\n",
           symlink("../secret", P("mine")) == 0 ? "created" : strerror(errno));
    no_read(P("mine"));
    n = readlink(P("mine"), buf, sizeof(buf) - 1);
    printf("readlink mine: %.*s\n", n > 0 ? (int)n : 0, buf);
    char q[512];
    snprintf(q, sizeof(q), "%s/hard", v);
    must_fail("link inside.txt hard", link(P("inside.txt"), q));
    must_fail("link secret hard", link(secret, q));
    must_fail("rename inside.txt /moved", rename(P("inside.txt"), "/moved"));
    in_image(P("up/newdir"), v, "newdir", 1);
    must_fail("unlink up/secret", unlink(P("up/secret")));
    if (argc > 3 && !strcmp(argv[3], "raw")) {
        raw_openat2("../secret");
        raw_openat2(secret);
        raw_openat2("/etc/passwd");
    }
    printf("escape: %s\n", leaks ? "FAIL" : "SUCCESS");
    return leaks != 0;
}
