/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* libc.c: libc pieces, identity and limits; the output must be identical
 * on Ingot and on Linux (run as root), a differential test. */
#define _GNU_SOURCE
#include <features.h>
#include <fcntl.h>
#include <getopt.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <sched.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "ename.h"

#ifndef __ingot__
/* glibc 2.36 (Debian 12) has no strlcpy: the reference semantics. */
static size_t strlcpy(char *dst, const char *src, size_t size)
{
    size_t n = strlen(src);
    if (size) {
        size_t k = n < size - 1 ? n : size - 1;
        memcpy(dst, src, k);
        dst[k] = '\0';
    }
    return n;
}
#endif

static jmp_buf jb;

static void jump_back(int v)
{
    _longjmp(jb, v);
}

static int by_ctx(const void *a, const void *b, void *ctx)
{
    int dir = *(int *)ctx;
    return dir * (*(const int *)a - *(const int *)b);
}

static void libc_pieces(void)
{
    /* _setjmp/_longjmp */
    volatile int rounds = 0;
    int v = _setjmp(jb);
    if (v < 3) {
        rounds++;
        jump_back(v + 1);
    }
    printf("_setjmp came back %d times, last value %d\n", rounds, v);

    /* getline/getdelim and stream locks on a temporary file */
    FILE *fp = fopen("libc.tmp", "w+");
    unlink("libc.tmp");
    fputs("one\ntwo,three\n\nlast", fp);
    rewind(fp);
    flockfile(fp);
    printf("ftrylockfile while held by us: %d\n", ftrylockfile(fp));
    funlockfile(fp);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, fp)) >= 0)
        printf("getline %zd [%.*s]\n", n, (int)strcspn(line, "\n"), line);
    rewind(fp);
    n = getdelim(&line, &cap, ',', fp);
    printf("getdelim , %zd [%s]\n", n, line);
    printf("getc_unlocked '%c'\n", getc_unlocked(fp));
    funlockfile(fp);
    fclose(fp);
    free(line);

    /* getopt_long */
    static struct option opts[] = {{"verbose", no_argument, NULL, 'v'},
                                   {"name", required_argument, NULL, 'n'},
                                   {NULL, 0, NULL, 0}};
    char *av[] = {"prog", "--verbose", "--name=x", "-n", "y", "rest", NULL};
    int c, idx;
    optind = 0; /* a full reset in glibc and newlib alike */
    while ((c = getopt_long(6, av, "vn:", opts, &idx)) != -1)
        printf("getopt_long -> %c %s\n", c, optarg ? optarg : "-");
    printf("first operand %s\n", av[optind]);

    /* entropy and random numbers */
    unsigned char buf[300];
    T(getentropy(buf, 256));
    T(getentropy(buf, 257));
    T(getrandom(buf, 16, 0));
    T(getrandom(buf, 16, 0x100));
    int ok = 1;
    for (int i = 0; i < 1000; i++)
        ok &= arc4random_uniform(10) < 10;
    printf("arc4random_uniform in range: %d\n", ok);

    /* qsort_r, memmem, strlcpy */
    int a[] = {3, 1, 2}, dir = -1;
    qsort_r(a, 3, sizeof(int), by_ctx, &dir);
    printf("qsort_r descending: %d %d %d\n", a[0], a[1], a[2]);
    const char *hay = "abcabcd";
    printf("memmem at %td\n", (char *)memmem(hay, 7, "abcd", 4) - hay);
    char small[4];
    printf("strlcpy %zu [%s]\n", strlcpy(small, "truncated", sizeof(small)),
           small);
    printf("strsignal(15) is a string: %d\n", strsignal(15) != NULL);

    /* syscall() */
    printf("syscall(SYS_gettid) == gettid(): %d\n",
           syscall(SYS_gettid) == gettid());
    printf("gettid() == getpid() in main: %d\n", gettid() == getpid());
    T(syscall(SYS_getrandom, buf, 8, 0));
    T(syscall(100000));
    printf("SSIZE_MAX == LONG_MAX: %d\n", SSIZE_MAX == LONG_MAX);
}

/* Entries from /etc/passwd and /etc/group (the image's rootfs has
 * Debian's lines for these two among malformed ones). */
static void users_from_files(void)
{
    struct passwd *pw = getpwnam("nobody");
    struct group *gr = getgrgid(65534);

    printf("nobody: uid=%d gid=%d gecos=%s dir=%s shell=%s\n", (int)pw->pw_uid,
           (int)pw->pw_gid, pw->pw_gecos, pw->pw_dir, pw->pw_shell);
    printf("getpwuid(65534): %s\n", getpwuid(65534)->pw_name);
    printf("group 65534: %s, members: %s\n", gr->gr_name,
           gr->gr_mem[0] ? gr->gr_mem[0] : "none");
    printf("root's shell: %s\n", getpwuid(0)->pw_shell);
}

static void identity(void)
{
    struct passwd *pw = getpwuid(0), pwb, *res;
    struct group *gr = getgrgid(0);
    char buf[1024];

    printf("getpwuid(0): %s uid=%d gid=%d dir=%s\n", pw->pw_name,
           (int)pw->pw_uid, (int)pw->pw_gid, pw->pw_dir);
    pw = getpwnam("root");
    printf("getpwnam(root): uid=%d\n", (int)pw->pw_uid);
    errno = 0;
    printf("getpwnam(no-such-user) is NULL: %d errno %d\n",
           getpwnam("no-such-user") == NULL, errno);
    printf("getgrgid(0): %s\n", gr->gr_name);
    printf("getgrnam(root): gid=%d\n", (int)getgrnam("root")->gr_gid);
    printf("getpwuid_r small buffer: %s\n",
           ename(getpwuid_r(0, &pwb, buf, 4, &res)));
    printf("getpwuid_r(54321): %d, NULL result: %d\n",
           getpwuid_r(54321, &pwb, buf, sizeof(buf), &res), res == NULL);

    struct utsname u;
    T(uname(&u));
    printf("uname: %s %s release starts with a digit: %d\n", u.sysname,
           u.machine, u.release[0] >= '0' && u.release[0] <= '9');
    char host[HOST_NAME_MAX + 1];
    T(gethostname(host, sizeof(host)));
    T(gethostname(host, 1));

    printf("ids: %d %d %d %d\n", (int)getuid(), (int)geteuid(), (int)getgid(),
           (int)getegid());
    T(seteuid(1000));
    printf("euid now %d, uid %d\n", (int)geteuid(), (int)getuid());
    T(setgid(5));
    T(seteuid(0));
    T(setgid(0));
    T(setgroups(0, NULL));
    T(getgroups(0, NULL));
    T(setuid(1000));
    printf("all ids now %d %d\n", (int)getuid(), (int)geteuid());
    T(setuid(0));
    T(seteuid(0));
    T(setgid(7));
    T(setgroups(0, NULL));
}

static void limits(void)
{
    struct rlimit rl, big;

    T(sysconf(_SC_PAGESIZE));
    T(getpagesize());
    printf("online CPUs >= 1: %d\n", sysconf(_SC_NPROCESSORS_ONLN) >= 1);
    printf("physical pages > 0: %d\n", sysconf(_SC_PHYS_PAGES) > 0);
    T(sysconf(-1));
    T(getrlimit(RLIMIT_NOFILE, &rl));
    printf("OPEN_MAX is the soft limit: %d\n",
           sysconf(_SC_OPEN_MAX) == (long)rl.rlim_cur);
    T(getrlimit(99, &rl));
    big = (struct rlimit){rl.rlim_max, rl.rlim_max};
    big.rlim_cur = 10;
    big.rlim_max = 5;
    T(setrlimit(RLIMIT_NOFILE, &big));
    /* Descriptors stop at the soft limit. */
    rl.rlim_cur = 64;
    T(setrlimit(RLIMIT_NOFILE, &rl));
    int last = -1, fd;
    while ((fd = dup(0)) >= 0)
        last = fd;
    printf("last descriptor %d, then %s\n", last, ename(errno));
    for (fd = 3; fd <= last; fd++)
        close(fd);
    T(dup2(0, 64));
    T(dup2(0, 63));
    close(63);
    T(fcntl(0, F_DUPFD, 64));

    struct rusage ru;
    T(getrusage(RUSAGE_SELF, &ru));
    T(getrusage(RUSAGE_THREAD, &ru));
    T(getrusage(7, &ru));
    struct sysinfo si;
    T(sysinfo(&si));
    printf("sysinfo: totalram > 0: %d, mem_unit %u\n", si.totalram > 0,
           si.mem_unit);

    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(3, &set);
    CPU_SET(70, &set);
    printf("CPU_ISSET 3/4/70: %d %d %d, CPU_COUNT %d\n", CPU_ISSET(3, &set),
           CPU_ISSET(4, &set), CPU_ISSET(70, &set), CPU_COUNT(&set));
    CPU_CLR(3, &set);
    printf("after CPU_CLR: %d\n", CPU_COUNT(&set));
    T(sched_getaffinity(0, sizeof(set), &set));
    printf("affinity has CPUs: %d\n", CPU_COUNT(&set) >= 1);
    T(sched_getaffinity(0, 3, &set));
    CPU_ZERO(&set);
    T(sched_setaffinity(0, sizeof(set), &set));
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc > 1 && strcmp(argv[1], "users") == 0)
        users_from_files();
    libc_pieces();
    identity();
    limits();
    printf("libc: done\n");
    return 0;
}
