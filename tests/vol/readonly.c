/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* readonly.c: every call that would change a read-only volume fails with
 * EROFS; reading still works. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <unistd.h>
#include <utime.h>

static int failures;

static void expect_erofs(const char *what, long r)
{
    int ok = r < 0 && errno == EROFS;
    printf("%-28s %s\n", what, ok ? "EROFS" : r < 0 ? strerror(errno) : "ok");
    failures += !ok;
}

#define E(call) expect_erofs(#call, (long)(call))

int main(int argc, char **argv)
{
    char buf[64] = {0};

    if (argc < 2 || chdir(argv[1]) < 0) {
        printf("readonly: no volume directory\n");
        return 1;
    }
    int fd = open("f", O_RDONLY);
    long n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
    printf("read f: %ld %s", n, buf);
    failures += n != 6 || strcmp(buf, "hello\n") != 0;
    E(open("f", O_WRONLY));
    E(open("f", O_RDWR));
    E(open("f", O_RDONLY | O_TRUNC));
    E(open("f", O_WRONLY | O_APPEND));
    E(open("new", O_CREAT | O_WRONLY, 0644));
    E(open("d/new", O_CREAT | O_RDONLY, 0644));
    E(creat("new", 0644));
    E(mkdir("newdir", 0755));
    E(mkdir("d/newdir", 0755));
    E(unlink("f"));
    E(unlink("missing"));
    E(rmdir("d"));
    E(rmdir("e"));
    E(rename("f", "g"));
    E(rename("f", "d/f"));
    E(truncate("f", 0));
    E(symlink("f", "l"));
    E(utime("f", NULL));
    E(utimes("d", NULL));
    E(utimensat(AT_FDCWD, "f", NULL, 0));
    E(futimens(fd, NULL));
    E(chmod("f", 0600));
    E(fchmod(fd, 0600));
    E(chmod("d", 0700));
    E(chown("f", (uid_t)-1, (gid_t)-1));
    E(fchown(fd, 0, 0));
    close(fd);
    struct statvfs vfs;
    if (statvfs(".", &vfs) < 0 || !(vfs.f_flag & ST_RDONLY) ||
        vfs.f_blocks == 0 || vfs.f_bsize == 0) {
        printf("statvfs: not a read-only filesystem with blocks\n");
        failures++;
    } else {
        printf("statvfs: read-only, %lu-byte blocks\n",
               (unsigned long)vfs.f_bsize);
    }
    if (fopen("f", "w") || errno != EROFS) {
        printf("fopen w: not EROFS\n");
        failures++;
    }
    printf("readonly: %s\n", failures ? "FAIL" : "SUCCESS");
    return failures != 0;
}
