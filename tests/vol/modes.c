/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* modes.c: chmod and chown of files in a volume: modes reach the host
 * file, chown to one's own ids changes nothing; the output must be
 * identical to the native program's run as root in a host directory (a
 * differential test), and vol.sh checks the mode left on the host. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void show(const char *what, long r)
{
    if (r < 0)
        printf("%-40s -1 %s\n", what, strerror(errno));
    else
        printf("%-40s %ld\n", what, r);
}

#define T(call) show(#call, (long)(call))

static void mode(const char *path)
{
    struct stat st;

    if (stat(path, &st) < 0)
        printf("stat %-8s -1 %s\n", path, strerror(errno));
    else
        printf("stat %-8s mode %04o type %s\n", path,
               (unsigned)(st.st_mode & 07777),
               S_ISDIR(st.st_mode) ? "dir" : "file");
}

int main(int argc, char **argv)
{
    if (argc < 2 || chdir(argv[1]) < 0) {
        printf("modes: no volume directory\n");
        return 1;
    }
    umask(022);
    int fd = open("f", O_CREAT | O_RDWR, 0666);
    mode("f");
    T(chmod("f", 0600));
    mode("f");
    T(fchmod(fd, 04755));
    mode("f");
    T(fchmodat(AT_FDCWD, "f", 0640, 0));
    mode("f");
    T(mkdir("d", 0777));
    mode("d");
    T(chmod("d", 01777));
    mode("d");
    T(chmod("d", 0700));
    T(chmod("missing", 0600));
    T(chmod("f/x", 0600));
    T(fchmod(-1, 0600));
    T(fchmodat(AT_FDCWD, "f", 0600, 0x4000));
    /* chown to the ids we are (a root guest, a root native run). */
    T(chown("f", getuid(), getgid()));
    T(chown("f", (uid_t)-1, (gid_t)-1));
    T(fchown(fd, (uid_t)-1, getgid()));
    T(lchown("d", getuid(), (gid_t)-1));
    T(fchownat(AT_FDCWD, "d", (uid_t)-1, (gid_t)-1, 0));
    T(chown("missing", 0, 0));
    T(fchown(99, 0, 0));
    mode("f");
    T(close(fd));
    T(rmdir("d"));
    /* "kept" stays, for vol.sh to check its mode on the host. */
    int k = open("kept", O_CREAT | O_WRONLY, 0644);
    T(fchmod(k, 0604));
    T(close(k));
    T(unlink("f"));
    printf("modes: done\n");
    return 0;
}
