/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fileops.c: POSIX file operations and their errno values; the output must
 * be byte-identical on Ingot and on Linux (a differential test). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include <utime.h>
#include <sys/resource.h>

#define DIR_NAME "fileops.d"

static const char *ename(int e)
{
    static const struct {
        int e;
        const char *name;
    } names[] = {
        {ENOENT, "ENOENT"},
        {EEXIST, "EEXIST"},
        {ENOTDIR, "ENOTDIR"},
        {EISDIR, "EISDIR"},
        {ENOTEMPTY, "ENOTEMPTY"},
        {EBADF, "EBADF"},
        {EMFILE, "EMFILE"},
        {EINVAL, "EINVAL"},
        {ESPIPE, "ESPIPE"},
        {ENOTTY, "ENOTTY"},
        {ERANGE, "ERANGE"},
        {EBUSY, "EBUSY"},
        {EXDEV, "EXDEV"},
        {EPIPE, "EPIPE"},
        {ENAMETOOLONG, "ENAMETOOLONG"},
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (names[i].e == e)
            return names[i].name;
    return "other";
}

/* Prints what a call returned: "ok" (with the value when it is a count) or
 * the errno name. */
static long show(const char *what, long r)
{
    if (r < 0)
        printf("%-40s -1 %s\n", what, ename(errno));
    else
        printf("%-40s %ld\n", what, r);
    return r;
}

#define T(call) show(#call, (long)(call))

static void file_type(const char *path)
{
    struct stat st;

    if (stat(path, &st) < 0) {
        printf("stat %-35s -1 %s\n", path, ename(errno));
        return;
    }
    printf("stat %-35s %s size=%lld mode=%03o\n", path,
           S_ISDIR(st.st_mode)   ? "dir"
           : S_ISREG(st.st_mode) ? "file"
           : S_ISCHR(st.st_mode) ? "chr"
                                 : "other",
           S_ISREG(st.st_mode) ? (long long)st.st_size : 0LL,
           (unsigned)(st.st_mode & 0777));
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list(const char *path)
{
    char *names[64];
    int n = 0;
    DIR *d = opendir(path);
    struct dirent *e;

    if (!d) {
        printf("opendir %s: %s\n", path, ename(errno));
        return;
    }
    while ((e = readdir(d)) && n < 64)
        names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, (size_t)n, sizeof(names[0]), cmp);
    printf("ls %s:", path);
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

/* Removes what an interrupted earlier run may have left. */
static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    char sub[512];

    if (!d) {
        unlink(path);
        return;
    }
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
        remove_tree(sub);
    }
    closedir(d);
    rmdir(path);
}

static void basics(void)
{
    char buf[64];
    int fd;

    puts("-- create, write, read, seek");
    fd = T(open("a.txt", O_CREAT | O_EXCL | O_RDWR, 0666));
    T(write(fd, "hello, world\n", 13));
    T(lseek(fd, 0, SEEK_CUR));
    T(lseek(fd, 7, SEEK_SET));
    memset(buf, 0, sizeof(buf));
    T(read(fd, buf, sizeof(buf)));
    printf("read back: %s", buf);
    T(read(fd, buf, sizeof(buf)));
    T(lseek(fd, -1, SEEK_SET));
    T(lseek(fd, 0, 42));
    T(lseek(fd, 0, SEEK_END));
    T(pwrite(fd, "HELLO", 5, 0));
    T(pread(fd, buf, 5, 0));
    printf("pread: %.5s\n", buf);
    T(lseek(fd, 0, SEEK_CUR));
    T(pread(fd, buf, 5, -1));
    T(close(fd));
    T(close(fd));
    T(open("a.txt", O_CREAT | O_EXCL | O_WRONLY, 0666));
    file_type("a.txt");

    puts("-- times");
    struct timespec ts[2] = {{1000, 0}, {1234567890, 500}};
    struct stat st;
    T(utimensat(AT_FDCWD, "a.txt", ts, 0));
    T(stat("a.txt", &st));
    printf("mtime %lld.%09ld\n", (long long)st.st_mtim.tv_sec,
           st.st_mtim.tv_nsec);
    ts[1].tv_nsec = UTIME_OMIT;
    T(utimensat(AT_FDCWD, "a.txt", ts, 0));
    T(stat("a.txt", &st));
    printf("mtime %lld\n", (long long)st.st_mtim.tv_sec);
    ts[1].tv_nsec = -5;
    T(utimensat(AT_FDCWD, "a.txt", ts, 0));
    T(utimensat(AT_FDCWD, "none", NULL, 0));
    T(utime("a.txt", NULL));
    T(stat("a.txt", &st));
    printf("mtime now: %d\n", st.st_mtim.tv_sec > 1600000000);

    puts("-- append, truncate, holes");
    fd = T(open("a.txt", O_WRONLY | O_APPEND));
    T(lseek(fd, 0, SEEK_SET));
    T(write(fd, "more\n", 5));
    T(lseek(fd, 0, SEEK_CUR));
    T(read(fd, buf, 1));
    T(ftruncate(fd, 4));
    T(close(fd));
    file_type("a.txt");
    T(truncate("a.txt", 10));
    fd = T(open("a.txt", O_RDONLY));
    T(read(fd, buf, sizeof(buf)));
    printf("bytes: %02x %02x %02x %02x %02x\n", buf[3], buf[4], buf[5], buf[8],
           buf[9]);
    T(write(fd, "x", 1));
    T(ftruncate(fd, 0));
    T(close(fd));
    fd = T(open("b.txt", O_CREAT | O_WRONLY | O_TRUNC, 0600));
    T(lseek(fd, 100, SEEK_SET));
    T(write(fd, "end", 3));
    T(close(fd));
    file_type("b.txt");
    fd = T(open("b.txt", O_WRONLY | O_TRUNC));
    T(close(fd));
    file_type("b.txt");
    T(truncate("b.txt", -1));
    T(truncate("none", 1));

    puts("-- readv, writev");
    struct iovec iov[3] = {{"one ", 4}, {"two ", 4}, {"three\n", 6}};
    fd = T(open("v.txt", O_CREAT | O_RDWR, 0644));
    T(writev(fd, iov, 3));
    char x[5] = {0}, y[5] = {0}, z[7] = {0};
    struct iovec rv[3] = {{x, 4}, {y, 4}, {z, 6}};
    T(lseek(fd, 0, SEEK_SET));
    T(readv(fd, rv, 3));
    printf("readv: [%s][%s][%s]", x, y, z);
    T(fsync(fd));
    T(close(fd));
}

static void dirs(void)
{
    char cwd[512];
    int fd;

    puts("-- directories");
    T(mkdir("d", 0755));
    T(mkdir("d", 0755));
    T(mkdir("d/e", 0700));
    T(mkdir("missing/e", 0755));
    T(mkdir("a.txt/e", 0755));
    T(mkdir("d/e/", 0755));
    file_type("d");
    file_type("d/e");
    file_type("d/./e/../e/.");
    file_type("d/e/f");
    file_type("a.txt/");
    file_type("a.txt/x");
    T(open("d", O_WRONLY));
    T(open("d", O_RDWR));
    T(open("a.txt", O_RDONLY | O_DIRECTORY));
    T(open("new/", O_CREAT | O_WRONLY, 0644));
    T(open("nonexistent", O_RDONLY));
    fd = T(open("d", O_RDONLY | O_DIRECTORY));
    char c;
    T(read(fd, &c, 1));
    T(close(fd));
    T(rmdir("d"));
    T(unlink("d"));
    T(rmdir("a.txt"));
    T(rmdir("d/e/."));
    T(rmdir("nonexistent"));
    T(access("d/e", F_OK));
    T(access("d/x", F_OK));
    T(access("d/e", R_OK | W_OK));
    T(chdir("d/e"));
    if (getcwd(cwd, sizeof(cwd)))
        printf("cwd ends in: %s\n",
               strlen(cwd) > 14 ? cwd + strlen(cwd) - 14 : cwd);
    T(getcwd(cwd, 2) ? 0 : -1);
    T(chdir("../../a.txt"));
    T(chdir("nonexistent"));
    T(chdir(".."));
    T(chdir(".."));
    fd = T(open("d/e/in-e", O_CREAT | O_WRONLY, 0644));
    T(close(fd));
    list("d");
    list("d/e");
    T(unlink("d/e/in-e"));
    T(rmdir("d/e"));
    T(rmdir("d"));
    list(".");
}

static void renames(void)
{
    puts("-- rename");
    T(mkdir("r1", 0755));
    T(mkdir("r1/sub", 0755));
    T(mkdir("r2", 0755));
    int fd = T(open("r2/keep", O_CREAT | O_WRONLY, 0644));
    T(close(fd));
    T(rename("a.txt", "c.txt"));
    file_type("a.txt");
    file_type("c.txt");
    T(rename("c.txt", "r1/c.txt"));
    T(rename("r1", "r1/sub/inside"));
    T(rename("r1/c.txt", "r1"));
    T(rename("r1", "r1/c.txt"));
    T(rename("r1", "r2"));
    T(rename("r1/sub", "r3"));
    T(rename("r1", "r4"));
    T(rename("nonexistent", "x"));
    T(rename("r4/c.txt", "v.txt"));
    file_type("v.txt");
    list("r4");
    T(rmdir("r4"));
    T(rmdir("r3"));
    T(unlink("r2/keep"));
    T(rmdir("r2"));
}

static void descriptors(void)
{
    char buf[16];
    int fd, p[2];

    puts("-- dup, fcntl, pipes");
    fd = T(open("v.txt", O_RDWR));
    int d = T(dup(fd));
    T(lseek(fd, 2, SEEK_SET));
    T(lseek(d, 0, SEEK_CUR));
    T(dup2(fd, 20));
    T(dup2(fd, fd));
    T(dup2(fd, -1));
    T(dup(99));
    T(fcntl(fd, F_DUPFD, 30));
    T(fcntl(fd, F_GETFD));
    T(fcntl(fd, F_SETFD, FD_CLOEXEC));
    T(fcntl(fd, F_GETFD));
    T(fcntl(20, F_GETFD));
    int fl = fcntl(fd, F_GETFL);
    printf("rdwr=%d nonblock=%d\n", (fl & O_ACCMODE) == O_RDWR,
           (fl & O_NONBLOCK) != 0);
    T(fcntl(fd, F_SETFL, fl | O_NONBLOCK | O_APPEND));
    fl = fcntl(d, F_GETFL);
    printf("shared by dup: nonblock=%d append=%d\n", (fl & O_NONBLOCK) != 0,
           (fl & O_APPEND) != 0);
    T(fcntl(99, F_GETFL));
    T(isatty(fd));
    T(errno == ENOTTY);
    T(isatty(99));
    T(errno == EBADF);
    T(close(30));
    T(close(20));
    T(close(d));
    T(close(fd));

    T(pipe(p));
    T(write(p[1], "through", 7));
    T(read(p[0], buf, sizeof(buf)));
    printf("pipe: %.7s\n", buf);
    T(lseek(p[0], 0, SEEK_SET));
    T(pread(p[0], buf, 1, 0));
    T(write(p[0], "x", 1));
    T(read(p[1], buf, 1));
    struct stat st;
    T(fstat(p[0], &st));
    printf("fifo=%d\n", S_ISFIFO(st.st_mode));
    T(close(p[1]));
    T(read(p[0], buf, sizeof(buf)));
    T(close(p[0]));

    /* EMFILE: the table fills, the image keeps running. */
    int first = -1, last = -1, n = 0;
    for (;;) {
        int f = open(".", O_RDONLY);
        if (f < 0) {
            printf("open until full: %s\n", ename(errno));
            break;
        }
        if (first < 0)
            first = f;
        last = f;
        n++;
    }
    T(pipe(p));
    for (int f = first; f <= last; f++)
        close(f);
    printf("closed %s\n", n > 100 ? "many" : "few");
    fd = T(open("v.txt", O_RDONLY));
    T(close(fd));
}

/* Offsets and counts at the edges of off_t and ssize_t: Linux refuses
 * ranges that wrap with EINVAL before any filesystem sees them. */
static void offsets(void)
{
    char buf[4];
    struct stat st;
    struct iovec iov[2] = {{buf, (size_t)-1}, {buf, 1}};
    int fd;

    puts("-- offsets at the edges");
    fd = T(open("v.txt", O_RDWR));
    T(pwrite(fd, "ab", 2, INT64_MAX));
    T(pwrite(fd, "ab", 2, INT64_MAX - 1));
    T(pread(fd, buf, 2, INT64_MAX));
    T(pwrite(fd, "", 0, 100));
    T(fstat(fd, &st));
    printf("size after an empty write past the end: %lld\n",
           (long long)st.st_size);
    T(lseek(fd, 1, SEEK_SET));
    T(lseek(fd, INT64_MAX, SEEK_CUR));
    T(lseek(fd, INT64_MAX, SEEK_END));
    T(lseek(fd, INT64_MIN, SEEK_END));
    T(lseek(fd, 0, SEEK_CUR));
    T(writev(fd, iov, 2));
    T(readv(fd, iov, 2));
    T(close(fd));
}

static void unlinked_open(void)
{
    char buf[8];

    puts("-- unlink while open, umask");
    int fd = T(open("gone", O_CREAT | O_RDWR, 0644));
    T(write(fd, "still", 5));
    T(unlink("gone"));
    T(unlink("gone"));
    T(pread(fd, buf, 5, 0));
    printf("after unlink: %.5s\n", buf);
    T(close(fd));
    T(umask(077));
    fd = T(open("masked", O_CREAT | O_WRONLY, 0666));
    T(close(fd));
    T(mkdir("maskdir", 0777));
    T(umask(022));
    file_type("masked");
    file_type("maskdir");
    T(unlink("masked"));
    T(rmdir("maskdir"));
}

static void at_calls(void)
{
    char longname[300];
    struct stat st;

    puts("-- *at calls, limits, cross-device");
    int dfd = T(open(".", O_RDONLY | O_DIRECTORY));
    T(mkdirat(dfd, "at", 0755));
    int fd = T(openat(dfd, "at/f", O_CREAT | O_WRONLY, 0644));
    T(fstatat(dfd, "at/f", &st, 0));
    printf("fstatat: file=%d\n", S_ISREG(st.st_mode));
    T(openat(fd, "x", O_RDONLY));
    T(openat(99, "x", O_RDONLY));
    T(unlinkat(dfd, "at", AT_REMOVEDIR));
    T(unlinkat(dfd, "at/f", 0));
    T(unlinkat(dfd, "at", AT_REMOVEDIR));
    T(close(fd));
    T(fstat(fd, &st));
    T(close(dfd));
    memset(longname, 'n', sizeof(longname) - 1);
    longname[sizeof(longname) - 1] = '\0';
    T(open(longname, O_CREAT | O_WRONLY, 0644));
    T(mkdir(longname, 0755));
    T(open(".", O_CREAT | O_EXCL | O_RDONLY, 0644));
    T(mkdir("/", 0755));
    T(rename("v.txt", "/dev/v.txt"));
}

static void stdio_and_devices(void)
{
    char line[64];
    unsigned char rnd[16];

    puts("-- stdio");
    FILE *f = fopen("s.txt", "w");
    printf("fopen w: %s\n", f ? "ok" : ename(errno));
    for (int i = 0; i < 3; i++)
        fprintf(f, "line %d of %s\n", i, "s.txt");
    fclose(f);
    f = fopen("s.txt", "r");
    while (fgets(line, sizeof(line), f))
        printf("got: %s", line);
    fseek(f, 5, SEEK_SET);
    long pos = ftell(f);
    int ch = getc(f);
    printf("ftell %ld getc %c\n", pos, ch);
    fclose(f);
    f = fopen("nonexistent/x", "r");
    printf("fopen missing: %s\n", f ? "ok" : ename(errno));
    T(remove("s.txt"));

    puts("-- devices");
    int fd = T(open("/dev/null", O_RDWR));
    T(write(fd, "gone", 4));
    T(read(fd, line, sizeof(line)));
    T(close(fd));
    fd = T(open("/dev/zero", O_RDONLY));
    memset(line, 1, sizeof(line));
    T(read(fd, line, 8));
    printf("zero: %d\n", line[0] + line[7]);
    T(close(fd));
    fd = T(open("/dev/urandom", O_RDONLY));
    T(read(fd, rnd, sizeof(rnd)));
    T(close(fd));
    T(getrandom(rnd, sizeof(rnd), 0));
    T(getentropy(rnd, sizeof(rnd)));
    file_type("/dev/null");
}

/* With an argument, works in that directory (a volume: the native run
 * gets the same absolute path on the host). */
int main(int argc, char **argv)
{
    /* The same descriptor limit on both, so EMFILE comes at the same
     * time, and no descriptors inherited from the test harness. */
    struct rlimit rl = {256, 256};
    setrlimit(RLIMIT_NOFILE, &rl);
    for (int fd = 3; fd < 256; fd++)
        close(fd);
    umask(022);
    if (argc > 1 && chdir(argv[1]) < 0) {
        printf("chdir %s: %s\n", argv[1], ename(errno));
        return 1;
    }
    remove_tree(DIR_NAME);
    T(mkdir(DIR_NAME, 0755));
    T(chdir(DIR_NAME));
    basics();
    dirs();
    renames();
    descriptors();
    offsets();
    unlinked_open();
    at_calls();
    stdio_and_devices();
    T(unlink("v.txt"));
    T(unlink("b.txt"));
    list(".");
    T(chdir(".."));
    T(rmdir(DIR_NAME));
    puts("fileops: done");
    return 0;
}
