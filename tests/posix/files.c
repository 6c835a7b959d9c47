/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* files.c: descriptors, record locks, modes, memory mappings and the other
 * file calls of the Linux surface; the output must be identical on Ingot
 * and on Linux (run as root), a differential test. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/uio.h>
#include <unistd.h>

#include "ename.h"

#define F "files.dat"

static void locks(void)
{
    int a = open(F, O_RDWR | O_CREAT | O_TRUNC, 0644);
    int b = open(F, O_RDWR);
    int ro = open(F, O_RDONLY);
    struct flock fl = {
        .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 100};

    T(fcntl(a, F_SETLK, &fl));
    /* The process's own locks never conflict with each other. */
    T(fcntl(b, F_SETLK, &fl));
    fl.l_type = F_WRLCK;
    T(fcntl(b, F_GETLK, &fl));
    printf("F_GETLK over our own lock: %s\n",
           fl.l_type == F_UNLCK ? "F_UNLCK" : "locked");
    /* An OFD lock of another description conflicts with them. */
    struct flock ofd = {
        .l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 50, .l_len = 10};
    T(fcntl(ro, F_OFD_SETLK, &ofd));
    /* Closing any descriptor of the file drops the process's locks. */
    int c = open(F, O_RDONLY);
    T(close(c));
    T(fcntl(ro, F_OFD_SETLK, &ofd));
    struct flock q = {
        .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
    T(fcntl(a, F_GETLK, &q));
    printf("F_GETLK sees: type %s start %ld len %ld pid %d\n",
           q.l_type == F_RDLCK ? "F_RDLCK" : "other", (long)q.l_start,
           (long)q.l_len, (int)q.l_pid);
    struct flock w = {
        .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 55, .l_len = 1};
    T(fcntl(b, F_OFD_SETLK, &w));
    w.l_start = 60;
    T(fcntl(b, F_OFD_SETLK, &w));
    ofd.l_type = F_UNLCK;
    T(fcntl(ro, F_OFD_SETLK, &ofd));
    w.l_start = 55;
    T(fcntl(b, F_OFD_SETLK, &w));
    /* Bad input. */
    struct flock bad = {.l_type = 9, .l_whence = SEEK_SET};
    T(fcntl(a, F_SETLK, &bad));
    bad = (struct flock){.l_type = F_WRLCK, .l_whence = SEEK_SET};
    T(fcntl(ro, F_SETLK, &bad));
    bad = (struct flock){.l_type = F_RDLCK, .l_whence = 7};
    T(fcntl(a, F_SETLK, &bad));
    bad =
        (struct flock){.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = -5};
    T(fcntl(a, F_SETLK, &bad));
    bad = (struct flock){.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_pid = 3};
    T(fcntl(a, F_OFD_SETLK, &bad));
    T(fcntl(99, F_SETLK, &fl));

    /* flock: per open file description. */
    T(flock(a, LOCK_EX));
    T(flock(b, LOCK_EX | LOCK_NB));
    T(flock(b, LOCK_SH | LOCK_NB));
    T(flock(a, LOCK_SH));
    T(flock(b, LOCK_SH | LOCK_NB));
    T(flock(ro, LOCK_EX | LOCK_NB));
    T(flock(b, LOCK_UN));
    T(close(a));
    T(flock(ro, LOCK_EX | LOCK_NB));
    T(flock(b, 0));
    T(flock(-1, LOCK_SH));
    close(b);
    close(ro);
}

static void descriptors(void)
{
    int p[2], n = -1;
    char buf[64];

    T(pipe2(p, O_NONBLOCK | O_CLOEXEC));
    printf("pipe2: nonblock %d cloexec %d\n",
           (fcntl(p[0], F_GETFL) & O_NONBLOCK) != 0,
           fcntl(p[1], F_GETFD) == FD_CLOEXEC);
    T(pipe2(p, 0x1234));
    T(write(p[1], "hello", 5));
    T(ioctl(p[0], FIONREAD, &n));
    printf("FIONREAD on the pipe: %d\n", n);
    T(read(p[0], buf, sizeof(buf)));
    T(read(p[0], buf, sizeof(buf)));
    int off = 0;
    T(ioctl(p[0], FIONBIO, &off));
    printf("FIONBIO 0 clears O_NONBLOCK: %d\n",
           (fcntl(p[0], F_GETFL) & O_NONBLOCK) == 0);
    struct winsize ws;
    T(ioctl(p[0], TIOCGWINSZ, &ws));
    T(ioctl(99, FIONREAD, &n));
    T(ioctl(p[0], FIOCLEX));
    T(fcntl(p[0], F_GETFD));
    T(ioctl(p[0], FIONCLEX));
    T(fcntl(p[0], F_GETFD));

    int fd = open(F, O_RDWR | O_CREAT | O_TRUNC, 0644);
    T(write(fd, "0123456789", 10));
    T(lseek(fd, 4, SEEK_SET));
    T(ioctl(fd, FIONREAD, &n));
    printf("FIONREAD on a file at 4 of 10: %d\n", n);

    /* dup3 */
    T(dup3(fd, fd, 0));
    T(dup3(fd, 20, 0x77));
    T(dup3(fd, 20, O_CLOEXEC));
    T(fcntl(20, F_GETFD));
    T(close(20));

    /* readv/writev/preadv/pwritev */
    char a[4], b[8];
    struct iovec iov[2] = {{a, sizeof(a)}, {b, sizeof(b)}};
    T(preadv(fd, iov, 2, 1));
    printf("preadv: %.4s|%.5s, position still %ld\n", a, b,
           (long)lseek(fd, 0, SEEK_CUR));
    struct iovec out[2] = {{"AB", 2}, {"CD", 2}};
    T(pwritev(fd, out, 2, 8));
    T(pread(fd, buf, 20, 0));
    printf("after pwritev: %.12s\n", buf);
    volatile int negative = -1;
    T(preadv(fd, iov, negative, 0));
    T(preadv(fd, iov, 2, -1));
    T(preadv(p[0], iov, 2, 0));

    /* sendfile from the file into the pipe, at an offset */
    off_t o = 2;
    T(lseek(fd, 0, SEEK_SET));
    T(sendfile(p[1], fd, &o, 5));
    printf("sendfile offset now %ld, file position %ld\n", (long)o,
           (long)lseek(fd, 0, SEEK_CUR));
    memset(buf, 0, sizeof(buf));
    T(read(p[0], buf, sizeof(buf)));
    printf("through the pipe: %s\n", buf);
    T(sendfile(p[1], fd, NULL, 3));
    T(sendfile(p[1], 99, NULL, 3));
    o = -1;
    T(sendfile(p[1], fd, &o, 3));

    /* syncing and preallocation */
    T(fsync(fd));
    T(fdatasync(fd));
    T(fdatasync(p[0]));
    T(sync_file_range(fd, 0, 0, 0x100));
    T(posix_fallocate(fd, 0, 10000));
    struct stat st;
    fstat(fd, &st);
    printf("size after posix_fallocate: %ld\n", (long)st.st_size);
    T(posix_fallocate(fd, -1, 10));
    T(posix_fallocate(fd, 0, 0));
    T(posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL));
    T(posix_fadvise(fd, 0, 0, 99));
    close(fd);
    fd = open(F, O_RDONLY);
    T(posix_fallocate(fd, 0, 10));
    close(fd);
    close(p[0]);
    close(p[1]);

    /* eventfd */
    int e = eventfd(3, EFD_NONBLOCK);
    uint64_t v = 4;
    T(write(e, &v, sizeof(v)));
    T(read(e, &v, sizeof(v)));
    printf("eventfd read %llu\n", (unsigned long long)v);
    T(read(e, &v, sizeof(v)));
    v = UINT64_MAX;
    T(write(e, &v, sizeof(v)));
    T(read(e, &v, 4));
    close(e);
    e = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK);
    eventfd_t ev;
    T(eventfd_read(e, &ev));
    printf("semaphore read %llu\n", (unsigned long long)ev);
    T(eventfd_read(e, &ev));
    T(eventfd_read(e, &ev));
    close(e);
    T(eventfd(0, 0x10000000));
}

static void modes(void)
{
    struct stat st;
    char cwd[PATH_MAX], want[PATH_MAX + 16], got[PATH_MAX];

    umask(022);
    int fd = open(F, O_RDWR | O_CREAT | O_TRUNC, 0666);
    fstat(fd, &st);
    printf("created with mode %o\n", (unsigned)(st.st_mode & 07777));
    T(chmod(F, 0600));
    stat(F, &st);
    printf("after chmod: %o\n", (unsigned)(st.st_mode & 07777));
    T(fchmod(fd, 04750));
    stat(F, &st);
    printf("after fchmod: %o\n", (unsigned)(st.st_mode & 07777));
    T(chown(F, 1234, 5678));
    stat(F, &st);
    printf("owner %d group %d mode %o\n", (int)st.st_uid, (int)st.st_gid,
           (unsigned)(st.st_mode & 07777));
    T(fchown(fd, -1, 0));
    T(fchownat(AT_FDCWD, F, 0, -1, 0));
    stat(F, &st);
    printf("owner %d group %d\n", (int)st.st_uid, (int)st.st_gid);
    T(chmod("no-such-file", 0600));
    T(fchmod(99, 0600));
    T(fchmodat(AT_FDCWD, F, 0600, 0x4000));
    close(fd);

    /* realpath */
    mkdir("rp", 0755);
    mkdir("rp/sub", 0755);
    getcwd(cwd, sizeof(cwd));
    snprintf(want, sizeof(want), "%s/rp/sub", strcmp(cwd, "/") ? cwd : "");
    printf("realpath resolves dots: %d\n",
           realpath("rp/./sub/../sub/", got) && strcmp(got, want) == 0);
    char *dup = realpath(".", NULL);
    printf("realpath(.) is the cwd: %d\n", dup && strcmp(dup, cwd) == 0);
    free(dup);
    printf("realpath(/..//.): %s\n", realpath("/..//.", got));
    errno = 0;
    printf("realpath(missing/x): %s\n",
           realpath("missing/x", got) ? "found" : ename(errno));
    printf("realpath(file/x): %s\n",
           realpath(F "/x", got) ? "found" : ename(errno));
    rmdir("rp/sub");
    rmdir("rp");

    /* mkstemp in /tmp */
    char tmpl[] = "/tmp/posixXXXXXX";
    fd = mkstemp(tmpl);
    printf("mkstemp: %d, name filled in: %d\n", fd >= 0,
           strcmp(tmpl, "/tmp/posixXXXXXX") != 0);
    fstat(fd, &st);
    printf("mkstemp mode %o\n", (unsigned)(st.st_mode & 0777));
    close(fd);
    T(unlink(tmpl));
    struct stat tmp;
    T(stat("/tmp", &tmp));
    printf("/tmp is a sticky directory: %d\n",
           S_ISDIR(tmp.st_mode) && (tmp.st_mode & 01000));

    struct statfs sfs;
    T(statfs(F, &sfs));
    printf("statfs name length %ld\n", (long)sfs.f_namelen);
    T(statfs("no-such-file", &sfs));
    T(fstatfs(99, &sfs));
    unlink(F);
}

static void memory(void)
{
    long pg = sysconf(_SC_PAGESIZE);
    char *p = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    printf("anonymous mapping: aligned %d, zeroed %d\n",
           ((uintptr_t)p & (pg - 1)) == 0, p[0] == 0 && p[3 * pg - 1] == 0);
    memset(p, 'x', 3 * pg);
    T(madvise(p, pg, MADV_DONTNEED));
    printf("after MADV_DONTNEED: %d %c\n", p[0], p[pg]);
    T(madvise(p, pg, 12345));
    T(madvise(p + 1, pg, MADV_NORMAL));
    T(mprotect(p, pg, PROT_READ));
    T(mprotect(p, pg, 0x100));
    T(mprotect(p, pg, PROT_READ | PROT_WRITE));
    T(mlock(p, pg));
    T(munlock(p, pg));
    T(msync(p, pg, MS_SYNC));
    T(msync(p, pg, MS_SYNC | MS_ASYNC));
    char *q = mremap(p, 3 * pg, 8 * pg, MREMAP_MAYMOVE);
    printf("mremap kept the data: %d\n", q != MAP_FAILED && q[2 * pg] == 'x');
    printf("mremap shrinking in place: %d\n",
           mremap(q, 8 * pg, 6 * pg, 0) == q);
    T(munmap(q + pg, pg)); /* a hole */
    T(munmap(q, 6 * pg));
    T(munmap(q + 1, pg));
    T(munmap(q, 0));
    printf("mmap of 0 bytes: %s\n",
           mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) ==
                   MAP_FAILED
               ? ename(errno)
               : "ok");
    printf("mmap with a bad fd: %s\n",
           mmap(NULL, pg, PROT_READ, MAP_PRIVATE, 99, 0) == MAP_FAILED
               ? ename(errno)
               : "ok");
    printf("mmap with bad flags: %s\n",
           mmap(NULL, pg, PROT_READ, MAP_ANONYMOUS, -1, 0) == MAP_FAILED
               ? ename(errno)
               : "ok");

    /* A file, copied in privately; writes stay in memory. */
    int fd = open(F, O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, "file contents", 13);
    char *m = mmap(NULL, 13, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    printf("file mapping: %.13s, tail zero %d\n", m, m[13] == 0);
    m[0] = 'F';
    char buf[16] = {0};
    pread(fd, buf, 13, 0);
    printf("the file still says: %s\n", buf);
    T(munmap(m, 13));
    printf("mmap at an unaligned offset: %s\n",
           mmap(NULL, 13, PROT_READ, MAP_PRIVATE, fd, 100) == MAP_FAILED
               ? ename(errno)
               : "ok");
    close(fd);
    fd = open(F, O_RDONLY);
    printf("writable shared mapping of a read-only fd: %s\n",
           mmap(NULL, 13, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) ==
                   MAP_FAILED
               ? ename(errno)
               : "ok");
    close(fd);
    unlink(F);

    void *al;
    printf("posix_memalign 64: %d aligned %d\n", posix_memalign(&al, 64, 100),
           ((uintptr_t)al & 63) == 0);
    free(al);
    printf("posix_memalign 3: %s\n", ename(posix_memalign(&al, 3, 100)));

    char name[32] = {0};
    T(prctl(PR_SET_NAME, "worker-thread-name-long"));
    T(prctl(PR_GET_NAME, name));
    printf("thread name: %s\n", name);
    T(prctl(PR_SET_DUMPABLE, 5));
    T(prctl(PR_GET_DUMPABLE));
    T(prctl(9999));
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    locks();
    descriptors();
    modes();
    memory();
    printf("files: done\n");
    return 0;
}
