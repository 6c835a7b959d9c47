/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* gnulib.c: the libc behaviours gnulib's configure probes check before it
 * trusts a function (getcwd, setenv, putenv, fopen modes, calloc,
 * realpath, pathconf, remove, mincore); the output must be identical on Ingot
 * and on Linux, a differential test.  Each one that failed made gnulib replace
 * the function in every GNU program built for Ingot. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ename.h"

/* Prints whether a pointer came back, or NULL and the errno name. */
static void shown(const char *what, void *p)
{
    if (p)
        printf("%-48s ok\n", what);
    else
        printf("%-48s NULL %s\n", what, ename(errno));
    free(p);
}
#define P(call) (errno = 0, shown(#call, (void *)(call)))

static void cwd(void)
{
    char buf[4096], small[2];
    char *p = getcwd(NULL, 0);

    printf("getcwd(NULL, 0): %s\n",
           p && getcwd(buf, sizeof(buf)) && strcmp(p, buf) == 0 ? "allocated"
                                                                : "failed");
    free(p);
    P(getcwd(NULL, strlen(buf) + 1));
    P(getcwd(NULL, 1));
    errno = 0;
    printf("getcwd(buf, 0): %s\n", getcwd(small, 0) ? "ok" : ename(errno));
}

static void env(void)
{
    T(setenv("", "x", 1));
    T(setenv("A=B", "x", 1));
    printf("getenv(\"A\") after setenv(\"A=B\"): %s\n",
           getenv("A") ? "set" : "unset");
    T(unsetenv(""));
    T(unsetenv("A=B"));
    T(setenv("GNULIB_PROBE", "1", 1));
    T(putenv("GNULIB_PROBE"));
    printf("putenv(\"GNULIB_PROBE\") removes it: %s\n",
           getenv("GNULIB_PROBE") ? "no" : "yes");
    static char set[] = "GNULIB_PROBE=2";
    T(putenv(set));
    printf("GNULIB_PROBE=%s\n", getenv("GNULIB_PROBE"));
}

static void files(void)
{
    FILE *f = fopen("gnulib.tmp", "w");

    fputs("text\n", f);
    fclose(f);
    f = fopen("gnulib.tmp", "re");
    printf("fopen \"re\": close-on-exec %d\n",
           f && (fcntl(fileno(f), F_GETFD) & FD_CLOEXEC) != 0);
    if (f)
        fclose(f);
    f = fopen("gnulib.tmp", "r");
    printf("fopen \"r\": close-on-exec %d\n",
           f && (fcntl(fileno(f), F_GETFD) & FD_CLOEXEC) != 0);
    if (f)
        fclose(f);
    P(fopen("gnulib.tmp", "wx"));
    P(fopen("gnulib.tmp/", "r"));
    char *c = canonicalize_file_name("gnulib.tmp"),
         *r = realpath("gnulib.tmp", NULL);
    printf("canonicalize_file_name is realpath: %d\n",
           c && r && strcmp(c, r) == 0 && c[0] == '/');
    free(c);
    free(r);
    P(canonicalize_file_name("gnulib.none"));
    P(realpath("gnulib.tmp/", NULL));
    P(realpath("gnulib.tmp/../gnulib.tmp", NULL));
    r = realpath("//", NULL);
    printf("realpath(\"//\"): %s\n", r ? r : ename(errno));
    free(r);
    T(pathconf("gnulib.tmp", _PC_NAME_MAX));
    T(pathconf("/", _PC_PATH_MAX));
    T(pathconf("gnulib.none", _PC_NAME_MAX));
    T(pathconf("/", -5));
    T(fpathconf(1, _PC_PIPE_BUF));
    T(fpathconf(-1, _PC_PIPE_BUF));
    T(unlink("gnulib.tmp"));
    /* remove() takes directories too. */
    T(mkdir("gnulib.dir", 0755));
    T(remove("gnulib.dir"));
    T(remove("gnulib.dir"));
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    cwd();
    env();
    files();
    /* A product that overflows size_t is ENOMEM, not a small block. */
    volatile size_t two = 2, half = SIZE_MAX / 2 + 1;
    P(calloc(half, two));
    P(calloc(two, half));
    P(calloc(half / 2, two));
    P(calloc(0, 0));
    /* mincore(): resident pages of a mapping (gnulib's stackvma). */
    long pg = sysconf(_SC_PAGESIZE);
    unsigned char vec[4] = {9, 9, 9, 9};
    char *m = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    m[0] = m[pg] = m[2 * pg] = 1;
    T(mincore(m, 3 * pg, vec));
    printf("resident: %d %d %d, past: %d\n", vec[0] & 1, vec[1] & 1, vec[2] & 1,
           vec[3]);
    T(mincore(m + 1, pg, vec));
    T(munmap(m + pg, pg));
    T(mincore(m, 3 * pg, vec));
    T(mincore(m, pg - 1, vec));
    printf("gnulib: done\n");
    return 0;
}
