/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* apps.c: what redis and nginx needed beyond the first Linux surface
 * (byte order, glob, fnmatch, libgen, IPv6 text and getaddrinfo, termios,
 * long double rounding, thread names); the output must be identical on
 * Ingot and on Linux, a differential test. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <endian.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <glob.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <libgen.h>

#include "ename.h"

static void byte_order(void)
{
    printf("byte order little: %d\n",
           __BYTE_ORDER == __LITTLE_ENDIAN && BYTE_ORDER == LITTLE_ENDIAN);
    printf("htobe32 %08x be64toh %016llx htole16 %04x\n", htobe32(0x01020304u),
           (unsigned long long)be64toh(0x0102030405060708ull), htole16(0x0102));
#ifdef ESOCKTNOSUPPORT
    printf("ESOCKTNOSUPPORT ESHUTDOWN ENOMEDIUM: %d\n",
           ESOCKTNOSUPPORT != ESHUTDOWN && ESHUTDOWN != ENOMEDIUM);
#endif
    printf("IPV6_V6ONLY %d\n", IPV6_V6ONLY);
}

static void zones(void)
{
    setenv("TZ", "ABC-2", 1);
    tzset();
    printf("TZ=ABC-2: timezone %ld daylight %d\n", timezone, daylight);
    setenv("TZ", "ABC+5DEF", 1);
    tzset();
    printf("TZ=ABC+5DEF: timezone %ld daylight %d\n", timezone, daylight);
}

static void libgen(void)
{
    static const char *paths[] = {"/usr/lib", "/usr/", "usr", "/",
                                  ".",        "..",    "",    "//a//b//",
                                  "a/b",      "a/b/"};
    for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
        char d[32], b[32];
        strcpy(d, paths[i]);
        strcpy(b, paths[i]);
        printf("'%s': dirname '%s' basename '%s'\n", paths[i], dirname(d),
               basename(b));
    }
}

static void patterns(void)
{
    static const struct {
        const char *pat, *s;
        int flags;
    } t[] = {
        {"*.conf", "a.conf", 0},
        {"*.conf", ".a.conf", FNM_PERIOD},
        {"*.conf", ".a.conf", 0},
        {"a?c", "abc", 0},
        {"a[b-d]c", "acc", 0},
        {"a[!b-d]c", "acc", 0},
        {"a[]]c", "a]c", 0},
        {"*", "a/b", FNM_PATHNAME},
        {"*/b", "a/b", FNM_PATHNAME},
        {"a\\*", "a*", 0},
        {"a\\*", "a\\*", FNM_NOESCAPE},
        {"A*", "abc", FNM_CASEFOLD},
        {"a", "a/b", FNM_LEADING_DIR},
        {"[a", "[a", 0},
        {"a*b*c", "aXbYbZc", 0},
        {"", "", 0},
    };
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
        printf("fnmatch('%s', '%s', #%zu): %s\n", t[i].pat, t[i].s, i,
               fnmatch(t[i].pat, t[i].s, t[i].flags) == 0 ? "match" : "no");
}

static void globs(void)
{
    char dir[64], p[128];
    snprintf(dir, sizeof(dir), "/tmp/apps-glob.%ld", (long)getpid());
    if (mkdir(dir, 0755) < 0) {
        perror("mkdir");
        return;
    }
    const char *files[] = {"b.conf", "a.conf", "c.txt", ".h.conf",
                           "sub/d.conf"};
    snprintf(p, sizeof(p), "%s/sub", dir);
    mkdir(p, 0755);
    for (size_t i = 0; i < 5; i++) {
        snprintf(p, sizeof(p), "%s/%s", dir, files[i]);
        close(open(p, O_CREAT | O_WRONLY, 0644));
    }
    static const struct {
        const char *pat;
        int flags;
    } t[] = {{"*.conf", 0},
             {"*", GLOB_MARK},
             {"*/*.conf", 0},
             {"*.none", 0},
             {"*.none", GLOB_NOCHECK},
             {"[ab].conf", 0},
             {"sub", GLOB_MARK},
             {".*.conf", 0},
             {"*", GLOB_ONLYDIR | GLOB_MARK}};
    size_t len = strlen(dir) + 1;
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        glob_t g;
        snprintf(p, sizeof(p), "%s/%s", dir, t[i].pat);
        int r = glob(p, t[i].flags, NULL, &g);
        printf("glob('%s', %#x): %d", t[i].pat, t[i].flags, r);
        for (size_t k = 0; r == 0 && k < g.gl_pathc; k++)
            printf(" %s", g.gl_pathv[k] + len);
        printf("\n");
        if (r == 0)
            globfree(&g);
    }
    /* GLOB_DOOFFS and GLOB_APPEND */
    glob_t g;
    g.gl_offs = 2;
    snprintf(p, sizeof(p), "%s/*.txt", dir);
    int r1 = glob(p, GLOB_DOOFFS, NULL, &g);
    snprintf(p, sizeof(p), "%s/a*", dir);
    int r2 = glob(p, GLOB_DOOFFS | GLOB_APPEND, NULL, &g);
    printf("offs+append: %d %d pathc %zu [%s %s] %s %s %s\n", r1, r2,
           (size_t)g.gl_pathc, g.gl_pathv[0] ? "x" : "NULL",
           g.gl_pathv[1] ? "x" : "NULL", g.gl_pathv[2] + len,
           g.gl_pathv[3] + len, g.gl_pathv[4] ? "x" : "NULL");
    globfree(&g);
    for (size_t i = 5; i-- > 0;) {
        snprintf(p, sizeof(p), "%s/%s", dir, files[i]);
        unlink(p);
    }
    snprintf(p, sizeof(p), "%s/sub", dir);
    rmdir(p);
    rmdir(dir);
}

static void ipv6_text(void)
{
    static const char *in[] = {"::",
                               "::1",
                               "1::",
                               "2001:db8::1",
                               "2001:DB8:0:0:1:0:0:1",
                               "::ffff:1.2.3.4",
                               "::1.2.3.4",
                               "1:2:3:4:5:6:7:8",
                               "1:0:2:3:4:5:6:7",
                               "1:0:0:2:0:0:3:4",
                               "1:0:0:2::3",
                               "fe80::a:b:c:d",
                               "0:0:0:0:0:0:0:0",
                               "ff02::1",
                               "fec0::1",
                               ":::",
                               "1:2:3:4:5:6:7:8:9",
                               "12345::",
                               "::1::",
                               "1.2.3.4",
                               ":1",
                               "1:",
                               "1:2:3:4:5:6:7::",
                               "::ffff:1.2.3",
                               "1::2:3:4:5:6:7:8"};
    for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
        unsigned char a[16];
        char out[INET6_ADDRSTRLEN];
        int r = inet_pton(AF_INET6, in[i], a);
        printf("inet_pton6('%s'): %d", in[i], r);
        if (r == 1) {
            const struct in6_addr *x = (const struct in6_addr *)a;
            printf(" -> %s [%d%d%d%d%d%d%d %d]",
                   inet_ntop(AF_INET6, a, out, sizeof(out)),
                   IN6_IS_ADDR_UNSPECIFIED(x), IN6_IS_ADDR_LOOPBACK(x),
                   IN6_IS_ADDR_V4MAPPED(x), IN6_IS_ADDR_V4COMPAT(x),
                   IN6_IS_ADDR_MULTICAST(x), IN6_IS_ADDR_LINKLOCAL(x),
                   IN6_IS_ADDR_SITELOCAL(x),
                   IN6_ARE_ADDR_EQUAL(x, &in6addr_loopback));
        }
        printf("\n");
    }
    unsigned char a[16] = {0};
    char small[2];
    errno = 0;
    const char *r = inet_ntop(AF_INET6, a, small, sizeof(small));
    printf("inet_ntop6 small buffer: %s %s\n", r ? r : "NULL", ename(errno));
}

static void resolve(void)
{
    static const struct {
        const char *node;
        int family, flags;
    } t[] = {{"::1", AF_INET6, 0},
             {NULL, AF_INET6, AI_PASSIVE},
             {"2001:db8::5", AF_UNSPEC, AI_NUMERICHOST},
             {"10.1.2.3", AF_INET6, AI_NUMERICHOST},
             {"::1", AF_INET, AI_NUMERICHOST}};
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        struct addrinfo h = {.ai_family = t[i].family,
                             .ai_flags = t[i].flags,
                             .ai_socktype = SOCK_STREAM},
                        *res;
        int r = getaddrinfo(t[i].node, "6379", &h, &res);
        printf("getaddrinfo(%s, family %d): %s", t[i].node ? t[i].node : "NULL",
               t[i].family, r == 0 ? "ok" : gai_strerror(r));
        for (struct addrinfo *e = r == 0 ? res : NULL; e; e = e->ai_next) {
            char host[INET6_ADDRSTRLEN], serv[8];
            int g =
                getnameinfo(e->ai_addr, e->ai_addrlen, host, sizeof(host), serv,
                            sizeof(serv), NI_NUMERICHOST | NI_NUMERICSERV);
            printf(" [family %s len %u %s port %s]",
                   e->ai_family == AF_INET6 ? "inet6" : "inet",
                   (unsigned)e->ai_addrlen, g == 0 ? host : "?", serv);
        }
        if (r == 0)
            freeaddrinfo(res);
        printf("\n");
    }
}

static void terminal(void)
{
    struct termios t;
    int fd = open("/dev/null", O_RDWR);
    int r = tcgetattr(fd, &t);
    printf("tcgetattr(/dev/null): %d %s\n", r, ename(errno));
    r = tcsetattr(-1, TCSANOW, &t);
    printf("tcsetattr(-1): %d %s\n", r, ename(errno));
    close(fd);
    memset(&t, 0, sizeof(t));
    t.c_iflag = ICRNL | IXON;
    t.c_lflag = ECHO | ICANON | ISIG;
    cfmakeraw(&t);
    printf("cfmakeraw: iflag %o oflag %o lflag %o cflag %o vmin %d\n",
           t.c_iflag, t.c_oflag, t.c_lflag, t.c_cflag, t.c_cc[VMIN]);
    r = cfsetospeed(&t, B9600);
    printf("cfsetospeed(B9600): %d speed %u\n", r, (unsigned)cfgetospeed(&t));
    r = cfsetospeed(&t, 12345);
    printf("cfsetospeed(12345): %d %s\n", r, ename(errno));
}

static void rounding(void)
{
    static const long double v[] = {
        2.5L, -2.5L, 2.4999L, -0.5L, 4503599627370495.5L, 7.0L};
    for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
        printf("%.4Lf: ceill %.1Lf floorl %.1Lf truncl %.1Lf roundl %.1Lf "
               "llroundl %lld lroundl %ld\n",
               v[i], ceill(v[i]), floorl(v[i]), truncl(v[i]), roundl(v[i]),
               llroundl(v[i]), lroundl(v[i]));
}

static void thread_names(void)
{
    char name[32];
    printf("setname worker: %d\n",
           pthread_setname_np(pthread_self(), "worker"));
    int r = pthread_getname_np(pthread_self(), name, sizeof(name));
    printf("getname: %d %s\n", r, name);
    printf("setname too long: %s\n",
           ename(pthread_setname_np(pthread_self(), "0123456789abcdef")));
    printf("getname short buffer: %s\n",
           ename(pthread_getname_np(pthread_self(), name, 4)));
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    byte_order();
    zones();
    libgen();
    patterns();
    globs();
    ipv6_text();
    resolve();
    terminal();
    rounding();
    thread_names();
    printf("apps: done\n");
    return 0;
}
