/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* shared.c: MAP_SHARED file mappings and POSIX shared memory objects,
 * between threads; the output must be identical on Ingot and on Linux, a
 * differential test.  An argument names the directory for the files
 * (default: the working directory). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ename.h"

static long pg;
static char path[PATH_MAX];

static void *writer(void *arg)
{
    /* Another thread opens and maps the object on its own. */
    int fd = shm_open((const char *)arg, O_RDWR, 0);
    char *p = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

    close(fd);
    if (p == MAP_FAILED)
        return (void *)1;
    strcpy(p + pg, "written by the thread");
    munmap(p, 2 * pg);
    return NULL;
}

static void objects(void)
{
    const char *name = "/ingot-shared-test";
    shm_unlink(name);
    int fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0640);
    T(fd >= 0 ? 0 : -1);
    T(shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0640));
    T(ftruncate(fd, 2 * pg));
    struct stat st;
    T(fstat(fd, &st));
    printf("object: size %ld mode %o\n", (long)st.st_size,
           (unsigned)(st.st_mode & 07777));
    printf("cloexec: %d\n", (fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
    char *a = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    char *b = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    strcpy(a, "through a");
    printf("b sees: %s\n", b);
    pthread_t t;
    void *ret;
    pthread_create(&t, NULL, writer, (void *)name);
    pthread_join(t, &ret);
    printf("thread: %s; a sees: %s\n", ret ? "failed" : "ok", a + pg);
    /* write() and read() of the object go through the same bytes. */
    T(pwrite(fd, "pwrite", 6, 100));
    printf("a at 100: %.6s\n", a + 100);
    memcpy(a + 200, "stored", 6);
    char buf[16] = {0};
    T(pread(fd, buf, 6, 200));
    printf("pread at 200: %s\n", buf);
    /* Shrinking and growing again leaves zeros behind the old end. */
    T(ftruncate(fd, pg));
    T(ftruncate(fd, 2 * pg));
    printf("after shrink and grow: %d\n", a[pg]);
    T(munmap(a, 2 * pg));
    T(munmap(b, 2 * pg));
    close(fd);
    /* The object keeps its bytes with nothing mapped or open. */
    fd = shm_open(name, O_RDONLY, 0);
    memset(buf, 0, sizeof(buf));
    T(pread(fd, buf, 9, 0));
    printf("reopened: %s\n", buf);
    char *r = mmap(NULL, pg, PROT_READ, MAP_SHARED, fd, 0);
    printf("read-only shared mapping: %s\n", r == MAP_FAILED ? "failed" : r);
    T(munmap(r, pg));
    printf("writable mapping of O_RDONLY: %s\n",
           mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) ==
                   MAP_FAILED
               ? ename(errno)
               : "ok");
    close(fd);
    T(shm_unlink(name));
    T(shm_unlink(name));
    T(shm_open(name, O_RDWR, 0));
    T(shm_open("", O_RDWR | O_CREAT, 0600));
    T(shm_open("/a/b", O_RDWR | O_CREAT, 0600));
    char longname[NAME_MAX + 2]; /* one character too many */
    memset(longname, 'n', sizeof(longname) - 1);
    longname[sizeof(longname) - 1] = '\0';
    T(shm_open(longname, O_RDWR | O_CREAT, 0600));
    T(shm_unlink("/no-such-object"));
}

static void files(void)
{
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    T(fd >= 0 ? 0 : -1);
    T(write(fd, "0123456789", 10));
    char *m = mmap(NULL, 10, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    printf("file mapping: %.10s tail %d\n", m, m[10]);
    memcpy(m, "ABC", 3);
    char buf[32] = {0};
    T(pread(fd, buf, 10, 0));
    printf("the file says: %s\n", buf);
    T(msync(m, pg, MS_SYNC));
    T(msync(m, pg, MS_ASYNC));
    T(msync(m, pg, MS_SYNC | MS_ASYNC));
    /* Growing the file while mapped, then mapping the next page, as
     * SQLite's WAL index does. */
    T(ftruncate(fd, 2 * pg));
    char *n = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, pg);
    strcpy(n, "second page");
    printf("first page still: %.3s\n", m);
    T(munmap(m, pg));
    T(munmap(n, pg));
    close(fd);
    fd = open(path, O_RDONLY);
    memset(buf, 0, sizeof(buf));
    T(pread(fd, buf, 10, 0));
    printf("after munmap: %s\n", buf);
    memset(buf, 0, sizeof(buf));
    T(pread(fd, buf, 11, pg));
    printf("at page 1: %s\n", buf);
    close(fd);

    /* mremap moves a sole shared mapping with its bytes. */
    fd = open(path, O_RDWR);
    T(ftruncate(fd, 4 * pg));
    m = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    char *g = mremap(m, pg, 3 * pg, MREMAP_MAYMOVE);
    printf("mremap: %s; page 0 %.3s page 1 %.6s\n",
           g == MAP_FAILED ? ename(errno) : "ok", g, g + pg);
    strcpy(g + 2 * pg, "third");
    T(munmap(g, 3 * pg));
    memset(buf, 0, sizeof(buf));
    T(pread(fd, buf, 5, 2 * pg));
    printf("at page 2: %s\n", buf);
    close(fd);
    T(unlink(path));
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    pg = sysconf(_SC_PAGESIZE);
    snprintf(path, sizeof(path), "%s/shared.dat", argc > 1 ? argv[1] : ".");
    objects();
    files();
    printf("shared: done\n");
    return 0;
}
