/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* servers.c: what memcached and libevent needed (sysexits, the socket
 * option names, readiness after shutdown and close, edge-triggered
 * epoll, getaddrinfo's hints, writev and readv on sockets, services and
 * protocols); the output must be
 * identical on Ingot and on Linux, a differential test. */
#define _GNU_SOURCE
#include <errno.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

static void exits(void)
{
    printf("EX_OK %d EX_USAGE %d EX_DATAERR %d EX_NOINPUT %d EX_NOUSER %d\n",
           EX_OK, EX_USAGE, EX_DATAERR, EX_NOINPUT, EX_NOUSER);
    printf("EX_NOHOST %d EX_UNAVAILABLE %d EX_SOFTWARE %d EX_OSERR %d\n",
           EX_NOHOST, EX_UNAVAILABLE, EX_SOFTWARE, EX_OSERR);
    printf("EX_OSFILE %d EX_CANTCREAT %d EX_IOERR %d EX_TEMPFAIL %d\n",
           EX_OSFILE, EX_CANTCREAT, EX_IOERR, EX_TEMPFAIL);
    printf("EX_PROTOCOL %d EX_NOPERM %d EX_CONFIG %d EX__BASE %d EX__MAX %d\n",
           EX_PROTOCOL, EX_NOPERM, EX_CONFIG, EX__BASE, EX__MAX);
}

static void option_names(void)
{
    printf("SO_NO_CHECK %d SO_PRIORITY %d SO_BSDCOMPAT %d SO_PASSCRED %d "
           "SO_PEERCRED %d\n",
           SO_NO_CHECK, SO_PRIORITY, SO_BSDCOMPAT, SO_PASSCRED, SO_PEERCRED);
    printf("SO_BINDTODEVICE %d SO_ATTACH_FILTER %d SO_DETACH_FILTER %d "
           "SO_PEERNAME %d SO_TIMESTAMP %d\n",
           SO_BINDTODEVICE, SO_ATTACH_FILTER, SO_DETACH_FILTER, SO_PEERNAME,
           (int)SO_TIMESTAMP);
    printf("SO_PEERSEC %d SO_SNDBUFFORCE %d SO_RCVBUFFORCE %d SO_PASSSEC %d "
           "SO_TIMESTAMPNS %d\n",
           SO_PEERSEC, SO_SNDBUFFORCE, SO_RCVBUFFORCE, SO_PASSSEC,
           (int)SO_TIMESTAMPNS);
    printf("SO_MARK %d SO_TIMESTAMPING %d SO_PROTOCOL %d SO_DOMAIN %d "
           "SO_RXQ_OVFL %d\n",
           SO_MARK, (int)SO_TIMESTAMPING, SO_PROTOCOL, SO_DOMAIN, SO_RXQ_OVFL);
    printf("SO_PEEK_OFF %d SO_BUSY_POLL %d SO_INCOMING_CPU %d SO_COOKIE %d "
           "SO_ZEROCOPY %d SO_BINDTOIFINDEX %d\n",
           SO_PEEK_OFF, SO_BUSY_POLL, SO_INCOMING_CPU, SO_COOKIE, SO_ZEROCOPY,
           SO_BINDTOIFINDEX);
}

/* The events poll() and epoll report for (fd), as names. */
static void events(const char *what, int fd)
{
    struct pollfd p = {.fd = fd,
                       .events = POLLIN | POLLOUT | POLLRDHUP | POLLPRI};
    char got[2][64];

    int n = poll(&p, 1, 0);
    snprintf(got[0], sizeof(got[0]), "%s%s%s%s%s%s", n ? "" : " none",
             p.revents & POLLIN ? " IN" : "", p.revents & POLLOUT ? " OUT" : "",
             p.revents & POLLRDHUP ? " RDHUP" : "",
             p.revents & POLLHUP ? " HUP" : "",
             p.revents & POLLERR ? " ERR" : "");
    int ep = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event e = {.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP};
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e);
    memset(&e, 0, sizeof(e));
    n = epoll_wait(ep, &e, 1, 0);
    snprintf(got[1], sizeof(got[1]), "%s%s%s%s%s%s", n ? "" : " none",
             e.events & EPOLLIN ? " IN" : "", e.events & EPOLLOUT ? " OUT" : "",
             e.events & EPOLLRDHUP ? " RDHUP" : "",
             e.events & EPOLLHUP ? " HUP" : "",
             e.events & EPOLLERR ? " ERR" : "");
    close(ep);
    printf("%-34s poll%s, epoll%s\n", what, got[0], got[1]);
}

static void sent(const char *name, const char *what, int fd)
{
    errno = 0;
    long n = send(fd, "x", 1, MSG_NOSIGNAL | MSG_DONTWAIT);
    printf("%s send %s: %ld %s\n", name, what, n, strerror(errno));
}

/* Readiness of a connected AF_UNIX pair of (type) through shutdown and
 * close, each side. */
static void shutdowns(const char *name, int type)
{
    int sv[2];
    char what[64], buf[16];

#define EV(fd, text)                                                           \
    do {                                                                       \
        snprintf(what, sizeof(what), "%s %s", name, text);                     \
        events(what, fd);                                                      \
    } while (0)
    sv[0] = socket(AF_UNIX, type, 0);
    EV(sv[0], "not connected");
    close(sv[0]);
    socketpair(AF_UNIX, type, 0, sv);
    EV(sv[1], "connected");
    send(sv[0], "data", 4, 0);
    shutdown(sv[0], SHUT_WR);
    EV(sv[1], "data, peer SHUT_WR");
    EV(sv[0], "after own SHUT_WR");
    sent(name, "after own SHUT_WR", sv[0]);
    recv(sv[1], buf, sizeof(buf), 0);
    EV(sv[1], "read, peer SHUT_WR");
    shutdown(sv[1], SHUT_WR);
    EV(sv[1], "peer SHUT_WR, own SHUT_WR");
    EV(sv[0], "both SHUT_WR, other side");
    close(sv[0]);
    close(sv[1]);

    socketpair(AF_UNIX, type, 0, sv);
    shutdown(sv[1], SHUT_RD);
    EV(sv[1], "own SHUT_RD");
    EV(sv[0], "peer SHUT_RD");
    sent(name, "to a peer that shut reading", sv[0]);
    sent(name, "after own SHUT_RD", sv[1]);
    shutdown(sv[1], SHUT_RDWR);
    EV(sv[1], "own SHUT_RDWR");
    EV(sv[0], "peer SHUT_RDWR");
    close(sv[0]);
    close(sv[1]);

    socketpair(AF_UNIX, type, 0, sv);
    send(sv[0], "data", 4, 0);
    close(sv[0]);
    EV(sv[1], "data, peer closed");
    recv(sv[1], buf, sizeof(buf), 0);
    EV(sv[1], "read, peer closed");
    sent(name, "to a closed peer", sv[1]);
    close(sv[1]);
#undef EV
}

/* Edge-triggered epoll on an AF_UNIX stream: an item is reported again
 * after an event of its own file (data, room, shutdown), not after a read
 * that leaves data behind (libevent's regress et/et). */
static int edge_wait(int ep)
{
    struct epoll_event e;
    int n = epoll_wait(ep, &e, 1, 0);

    return n <= 0 ? n : (int)(e.events & (EPOLLIN | EPOLLOUT | EPOLLRDHUP));
}

static void edges(void)
{
    int sv[2], ep = epoll_create1(0), ew = epoll_create1(0);
    struct epoll_event in = {.events = EPOLLIN | EPOLLRDHUP | EPOLLET},
                       out = {.events = EPOLLOUT | EPOLLET};
    char c;

    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    epoll_ctl(ep, EPOLL_CTL_ADD, sv[1], &in);
    epoll_ctl(ew, EPOLL_CTL_ADD, sv[0], &out);
    printf("ET reader, nothing sent: %#x\n", edge_wait(ep));
    printf("ET writer, room: %#x\n", edge_wait(ew));
    printf("ET writer, again: %#x\n", edge_wait(ew));
    send(sv[0], "ab", 2, 0);
    printf("ET reader, data: %#x\n", edge_wait(ep));
    printf("ET reader, again: %#x\n", edge_wait(ep));
    recv(sv[1], &c, 1, 0);
    printf("ET reader, read 1 of 2: %#x\n", edge_wait(ep));
    printf("ET writer, the peer read part: %#x\n", edge_wait(ew));
    recv(sv[1], &c, 1, 0);
    printf("ET writer, the peer read all: %#x\n", edge_wait(ew));
    printf("ET reader, read all: %#x\n", edge_wait(ep));
    send(sv[0], "c", 1, 0);
    printf("ET reader, more data: %#x\n", edge_wait(ep));
    shutdown(sv[0], SHUT_WR);
    printf("ET reader, peer SHUT_WR: %#x\n", edge_wait(ep));
    printf("ET reader, again: %#x\n", edge_wait(ep));
    close(sv[0]);
    close(sv[1]);
    close(ep);
    close(ew);
}

/* getaddrinfo()'s entries for each socket type and protocol hint, glibc's
 * way (libevent's regress util/getaddrinfo: one UDP entry when the
 * protocol says UDP), with numeric, named and no services. */
static void hints(void)
{
    static const char *servs[] = {NULL,  "4321", "http",  "https",
                                  "ntp", "echo", "nosuch"};
    static const int tp[][2] = {
        {0, 0},
        {SOCK_STREAM, 0},
        {SOCK_DGRAM, 0},
        {SOCK_RAW, 0},
        {SOCK_SEQPACKET, 0},
        {SOCK_DCCP, 0},
        {0, IPPROTO_TCP},
        {0, IPPROTO_UDP},
        {0, IPPROTO_SCTP},
        {0, IPPROTO_UDPLITE},
        {0, 99},
        {SOCK_RAW, 99},
        {SOCK_STREAM, IPPROTO_UDP},
        {SOCK_DGRAM, IPPROTO_UDPLITE},
        {99, 0},
    };

    for (unsigned i = 0; i < sizeof(servs) / sizeof(servs[0]); i++) {
        for (unsigned j = 0; j < sizeof(tp) / sizeof(tp[0]); j++) {
            struct addrinfo h = {.ai_family = AF_INET,
                                 .ai_socktype = tp[j][0],
                                 .ai_protocol = tp[j][1]},
                            *ai;
            int r = getaddrinfo("1.2.3.4", servs[i], &h, &ai);
            printf("getaddrinfo %s type %d proto %d: %d",
                   servs[i] ? servs[i] : "NULL", tp[j][0], tp[j][1], r);
            for (struct addrinfo *a = r ? NULL : ai; a; a = a->ai_next)
                printf(" [%d %d %d]", a->ai_socktype, a->ai_protocol,
                       ntohs(((struct sockaddr_in *)a->ai_addr)->sin_port));
            printf("\n");
            if (!r)
                freeaddrinfo(ai);
        }
    }
    struct addrinfo h = {.ai_protocol = IPPROTO_UDP}, *ai;
    int r = getaddrinfo("1001:b0b::f00f", "4321", &h, &ai);
    printf("getaddrinfo IPv6, UDP: %d", r);
    for (struct addrinfo *a = r ? NULL : ai; a; a = a->ai_next)
        printf(" [%d %d %d]", a->ai_family, a->ai_socktype, a->ai_protocol);
    printf("\n");
    if (!r)
        freeaddrinfo(ai);
}

/* writev() and readv() on sockets take the vector whole: one TCP send
 * (the reader finds all of it at once, as libevent's HTTP client wants
 * an answer's head and body, written in one writev), one datagram, one
 * record. */
static void vectors(void)
{
    char head[120], body[13], in[256];
    struct iovec out[2] = {{head, sizeof(head)}, {body, sizeof(body)}};
    struct iovec inv[3] = {{in, 100}, {in + 100, 20}, {in + 120, 136}};
    memset(head, 'h', sizeof(head));
    memset(body, 'b', sizeof(body));

    int l = socket(AF_INET, SOCK_STREAM, 0), n = 0;
    struct sockaddr_in a = {.sin_family = AF_INET,
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof(a);
    bind(l, (struct sockaddr *)&a, sizeof(a));
    listen(l, 1);
    getsockname(l, (struct sockaddr *)&a, &len);
    int c = socket(AF_INET, SOCK_STREAM, 0);
    connect(c, (struct sockaddr *)&a, sizeof(a));
    int s = accept(l, NULL, NULL);
    printf("writev TCP: %zd\n", writev(s, out, 2));
    struct pollfd p = {.fd = c, .events = POLLIN};
    poll(&p, 1, 1000);
    ioctl(c, FIONREAD, &n);
    printf("TCP reader: FIONREAD %d, readv %zd\n", n, readv(c, inv, 3));
    close(c);
    close(s);
    close(l);

    int u = socket(AF_INET, SOCK_DGRAM, 0);
    bind(u, (struct sockaddr *)&a, sizeof(a));
    getsockname(u, (struct sockaddr *)&a, &len);
    connect(u, (struct sockaddr *)&a, sizeof(a));
    printf("writev UDP: %zd\n", writev(u, out, 2));
    printf("writev UDP: %zd\n", writev(u, out + 1, 1));
    printf("readv UDP: %zd\n", readv(u, inv, 3));
    printf("readv UDP: %zd\n", readv(u, inv, 3));
    close(u);

    int types[] = {SOCK_DGRAM, SOCK_SEQPACKET};
    for (int i = 0; i < 2; i++) {
        int sv[2];
        socketpair(AF_UNIX, types[i], 0, sv);
        printf("writev AF_UNIX %d: %zd\n", types[i], writev(sv[0], out, 2));
        printf("readv AF_UNIX %d: %zd\n", types[i], readv(sv[1], inv, 3));
        close(sv[0]);
        close(sv[1]);
    }
}

/* getservbyname() and friends: /etc/services and /etc/protocols (on
 * Ingot without a root file system, the built-in copy of Debian's lines:
 * the same answers for these). */
static void services(void)
{
    static const char *names[][2] = {
        {"http", "tcp"},   {"www", "tcp"}, {"http", "udp"}, {"ntp", NULL},
        {"domain", "udp"}, {"smtp", NULL}, {"mail", NULL},  {"nosuch", NULL},
    };
    for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        struct servent *s = getservbyname(names[i][0], names[i][1]);
        printf("getservbyname %s/%s: ", names[i][0],
               names[i][1] ? names[i][1] : "NULL");
        if (s)
            printf("%s %d/%s%s%s\n", s->s_name, ntohs((uint16_t)s->s_port),
                   s->s_proto, s->s_aliases[0] ? " alias " : "",
                   s->s_aliases[0] ? s->s_aliases[0] : "");
        else
            printf("none\n");
    }
    struct servent *s = getservbyport(htons(22), "tcp");
    printf("getservbyport 22/tcp: %s\n", s ? s->s_name : "none");
    s = getservbyport(htons(22), "udp");
    printf("getservbyport 22/udp: %s\n", s ? s->s_name : "none");
    static const char *protos[] = {"tcp", "UDP", "ipv6-icmp", "nosuch"};
    for (unsigned i = 0; i < sizeof(protos) / sizeof(protos[0]); i++) {
        struct protoent *p = getprotobyname(protos[i]);
        printf("getprotobyname %s: %s %d\n", protos[i], p ? p->p_name : "none",
               p ? p->p_proto : -1);
    }
    static const int nums[] = {6, 17, 132, 254};
    for (unsigned i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
        struct protoent *p = getprotobynumber(nums[i]);
        printf("getprotobynumber %d: %s%s%s\n", nums[i], p ? p->p_name : "none",
               p && p->p_aliases[0] ? " alias " : "",
               p && p->p_aliases[0] ? p->p_aliases[0] : "");
    }
    struct addrinfo h = {.ai_family = AF_INET}, *ai;
    int r = getaddrinfo("1.2.3.4", "www", &h, &ai);
    printf("getaddrinfo www: %d", r);
    for (struct addrinfo *a = r ? NULL : ai; a; a = a->ai_next)
        printf(" [%d %d %d]", a->ai_socktype, a->ai_protocol,
               ntohs(((struct sockaddr_in *)a->ai_addr)->sin_port));
    printf("\n");
    if (!r)
        freeaddrinfo(ai);
}

/* Linux's other clocks, named without _GNU_SOURCE too (libevent probes
 * CLOCK_MONOTONIC_COARSE's resolution): readable, close to the clock they
 * follow, the coarse ones at most 10 ms fine. */
static void clocks(void)
{
    static const struct {
        const char *name;
        clockid_t id, base;
    } c[] = {{"REALTIME_COARSE", CLOCK_REALTIME_COARSE, CLOCK_REALTIME},
             {"MONOTONIC_RAW", CLOCK_MONOTONIC_RAW, CLOCK_MONOTONIC},
             {"MONOTONIC_COARSE", CLOCK_MONOTONIC_COARSE, CLOCK_MONOTONIC},
             {"BOOTTIME", CLOCK_BOOTTIME, CLOCK_MONOTONIC},
             {"TAI", CLOCK_TAI, CLOCK_REALTIME}};

    for (unsigned i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
        struct timespec t, b, r;
        int g = clock_gettime(c[i].id, &t);
        clock_gettime(c[i].base, &b);
        int rr = clock_getres(c[i].id, &r);
        double d = (double)(t.tv_sec - b.tv_sec) +
                   (double)(t.tv_nsec - b.tv_nsec) / 1e9;
        if (d < 0)
            d = -d;
        printf("clock %s: gettime %d, within 1 s of its base %d, getres %d, "
               "at most 10 ms %d\n",
               c[i].name, g,
               d < 1 || c[i].id == CLOCK_MONOTONIC_RAW ||
                       c[i].id == CLOCK_BOOTTIME || c[i].id == CLOCK_TAI
                   ? 1
                   : 0,
               rr, r.tv_sec == 0 && r.tv_nsec > 0 && r.tv_nsec <= 10000000);
    }
    errno = 0;
    int r99 = clock_gettime(99, &(struct timespec){0});
    printf("clock 99: %d %s\n", r99, strerror(errno));
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    exits();
    option_names();
    shutdowns("stream", SOCK_STREAM);
    shutdowns("seqpacket", SOCK_SEQPACKET);
    edges();
    hints();
    vectors();
    services();
    clocks();
    printf("servers: done\n");
    return 0;
}
