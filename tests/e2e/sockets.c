/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sockets.c: the socket API on loopback; output identical to Linux's. */
#define _GNU_SOURCE /* accept4 on Linux */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define SAY(...) (printf(__VA_ARGS__), fflush(stdout))

/* errno by name: the messages differ between newlib and glibc. */
static const char *err(long r)
{
    static const struct {
        int e;
        const char *name;
    } names[] = {{EAGAIN, "EAGAIN"},
                 {EINVAL, "EINVAL"},
                 {EEXIST, "EEXIST"},
                 {ENOTSOCK, "ENOTSOCK"},
                 {ECONNREFUSED, "ECONNREFUSED"},
                 {ENOSPC, "ENOSPC"},
                 {EINPROGRESS, "EINPROGRESS"},
                 {ENOTCONN, "ENOTCONN"},
                 {EBADF, "EBADF"},
                 {EPIPE, "EPIPE"}};

    if (r >= 0)
        return "ok";
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (names[i].e == errno)
            return names[i].name;
    return strerror(errno);
}

static struct sockaddr_in loop4(int port)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

static int port_of(int fd, int peer)
{
    struct sockaddr_in a;
    socklen_t len = sizeof(a);
    int r = peer ? getpeername(fd, (struct sockaddr *)&a, &len)
                 : getsockname(fd, (struct sockaddr *)&a, &len);
    return r < 0 ? -1 : ntohs(a.sin_port);
}

static double ms_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (t.tv_sec - t0->tv_sec) * 1e3 + (t.tv_nsec - t0->tv_nsec) / 1e6;
}

/* Moves (n) bytes from (c) to (s) with both non-blocking, by poll. */
static int pump(int c, int s, size_t n)
{
    char *out = malloc(n), *in = malloc(n);
    size_t sent = 0, got = 0;

    for (size_t i = 0; i < n; i++)
        out[i] = (char)(i * 7 + i / 251);
    while (got < n) {
        struct pollfd p[2] = {{c, sent < n ? POLLOUT : 0, 0}, {s, POLLIN, 0}};
        if (poll(p, 2, 5000) <= 0)
            return -1;
        if (p[0].revents & POLLOUT) {
            ssize_t w = send(c, out + sent, n - sent, 0);
            if (w > 0)
                sent += (size_t)w;
        }
        if (p[1].revents & POLLIN) {
            ssize_t r = recv(s, in + got, n - got, 0);
            if (r <= 0)
                return -1;
            got += (size_t)r;
        }
    }
    int same = memcmp(in, out, n) == 0;
    free(in);
    free(out);
    return same;
}

static void tcp(void)
{
    int one = 1, v = 0, l, c, s, n;
    socklen_t len = sizeof(v);

    l = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    SAY("reuseaddr: %s",
        err(setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one))));
    getsockopt(l, SOL_SOCKET, SO_REUSEADDR, &v, &len);
    SAY(" = %d\n", v != 0);
    struct sockaddr_in a = loop4(0);
    SAY("bind: %s\n", err(bind(l, (struct sockaddr *)&a, sizeof(a))));
    int port = port_of(l, 0);
    SAY("bound to a port: %s\n", port > 0 ? "yes" : "no");
    SAY("listen: %s\n", err(listen(l, 8)));
    SAY("accept, nothing waiting: %s\n", err(accept(l, NULL, NULL)));
    len = sizeof(v);
    getsockopt(l, SOL_SOCKET, SO_ACCEPTCONN, &v, &len);
    SAY("acceptconn: %d\n", v);

    c = socket(AF_INET, SOCK_STREAM, 0);
    a = loop4(port);
    SAY("connect: %s\n", err(connect(c, (struct sockaddr *)&a, sizeof(a))));
    SAY("peer is the listener: %s\n", port_of(c, 1) == port ? "yes" : "no");
    struct pollfd p = {l, POLLIN, 0};
    n = poll(&p, 1, 5000);
    SAY("poll listener: %d revents %#x\n", n, p.revents);
    struct sockaddr_in from;
    len = sizeof(from);
    s = accept4(l, (struct sockaddr *)&from, &len, SOCK_NONBLOCK);
    SAY("accept4: %s, from the client's port: %s\n", err(s),
        ntohs(from.sin_port) == port_of(c, 0) ? "yes" : "no");
    SAY("accepted is non-blocking: %s\n",
        fcntl(s, F_GETFL) & O_NONBLOCK ? "yes" : "no");
    char buf[64];
    SAY("recv, nothing sent: %s\n", err(recv(s, buf, sizeof(buf), 0)));

    SAY("nodelay: %s",
        err(setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one))));
    len = sizeof(v);
    getsockopt(c, IPPROTO_TCP, TCP_NODELAY, &v, &len);
    SAY(" = %d\n", v != 0);
    SAY("keepalive: %s\n",
        err(setsockopt(c, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof(one))));
    SAY("send: %zd\n", send(c, "hello", 5, 0));
    p = (struct pollfd){s, POLLIN, 0};
    n = poll(&p, 1, 5000);
    SAY("poll: %d revents %#x\n", n, p.revents);
    memset(buf, 0, sizeof(buf));
    SAY("peek: %zd\n", recv(s, buf, sizeof(buf), MSG_PEEK));
    int avail = -1;
    SAY("FIONREAD: %s", err(ioctl(s, FIONREAD, &avail)));
    SAY(" = %d\n", avail);
    SAY("FIONREAD on the listener: %s\n", err(ioctl(l, FIONREAD, &avail)));
    ssize_t got = recv(s, buf, sizeof(buf), 0);
    SAY("recv: %zd \"%s\"\n", got, buf);

    struct timeval tv = {0, 100000};
    setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    long r = recv(c, buf, sizeof(buf), 0);
    SAY("recv with SO_RCVTIMEO: %s after >= 90 ms: %s\n", err(r),
        ms_since(&t0) >= 90 ? "yes" : "no");

    /* select across a pipe and the sockets: only the pipe is readable. */
    int pp[2];
    pipe(pp);
    write(pp[1], "x", 1);
    fd_set rs;
    FD_ZERO(&rs);
    FD_SET(pp[0], &rs);
    FD_SET(s, &rs);
    struct timeval zero = {0, 0};
    n = select((s > pp[0] ? s : pp[0]) + 1, &rs, NULL, NULL, &zero);
    SAY("select: %d, pipe %d, socket %d\n", n, FD_ISSET(pp[0], &rs) != 0,
        FD_ISSET(s, &rs) != 0);

    /* epoll over the socket and the pipe. */
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.u32 = 1};
    epoll_ctl(ep, EPOLL_CTL_ADD, s, &ev);
    ev = (struct epoll_event){.events = EPOLLIN, .data.u32 = 2};
    epoll_ctl(ep, EPOLL_CTL_ADD, pp[0], &ev);
    SAY("epoll_ctl add twice: %s\n", err(epoll_ctl(ep, EPOLL_CTL_ADD, s, &ev)));
    struct epoll_event out[4];
    n = epoll_wait(ep, out, 4, 1000);
    SAY("epoll_wait: %d, tag %u\n", n, n > 0 ? out[0].data.u32 : 0);
    read(pp[0], buf, 1);
    send(c, "!", 1, 0);
    n = epoll_wait(ep, out, 4, 5000);
    SAY("epoll_wait: %d, tag %u\n", n, n > 0 ? out[0].data.u32 : 0);
    recv(s, buf, 1, 0);
    SAY("epoll_wait, nothing ready: %d\n", epoll_wait(ep, out, 4, 50));
    SAY("epoll_ctl del: %s\n", err(epoll_ctl(ep, EPOLL_CTL_DEL, s, NULL)));
    /* Closing the only descriptor of a file drops it from the set. */
    int q[2];
    pipe(q);
    ev = (struct epoll_event){.events = EPOLLIN, .data.u32 = 3};
    epoll_ctl(ep, EPOLL_CTL_ADD, q[0], &ev);
    write(q[1], "y", 1);
    close(q[0]);
    SAY("epoll_wait after close: %d\n", epoll_wait(ep, out, 4, 0));
    close(q[1]);
    /* Edge-triggered: readiness that drops (read empty) and comes back
     * before the next epoll_wait is a new edge. */
    pipe(q);
    ev = (struct epoll_event){.events = EPOLLIN | EPOLLET, .data.u32 = 4};
    epoll_ctl(ep, EPOLL_CTL_ADD, q[0], &ev);
    write(q[1], "a", 1);
    SAY("EPOLLET, data: %d\n", epoll_wait(ep, out, 4, 0));
    SAY("EPOLLET, same data again: %d\n", epoll_wait(ep, out, 4, 0));
    read(q[0], buf, 1);
    write(q[1], "b", 1);
    n = epoll_wait(ep, out, 4, 0);
    SAY("EPOLLET, read empty then new data: %d, tag %u\n", n,
        n > 0 ? out[0].data.u32 : 0);
    close(q[0]);
    close(q[1]);
    close(ep);

    fcntl(c, F_SETFL, O_NONBLOCK);
    SAY("1 MiB through loopback intact: %d\n", pump(c, s, 1 << 20));

    SAY("shutdown: %s\n", err(shutdown(c, SHUT_WR)));
    p = (struct pollfd){s, POLLIN, 0};
    poll(&p, 1, 5000);
    SAY("recv after the peer's shutdown: %zd\n", recv(s, buf, sizeof(buf), 0));
    SAY("send back: %zd\n", send(s, "bye", 3, 0));
    p = (struct pollfd){c, POLLIN, 0};
    poll(&p, 1, 5000);
    SAY("recv: %zd\n", recv(c, buf, sizeof(buf), 0));
    SAY("recv on a pipe: %s\n", err(recv(pp[0], buf, 1, 0)));
    close(s);
    close(c);
    close(pp[0]);
    close(pp[1]);

    c = socket(AF_INET, SOCK_STREAM, 0);
    SAY("connect while it listens: %s\n",
        err(connect(c, (struct sockaddr *)&a, sizeof(a))));
    close(c);
    close(l);
    c = socket(AF_INET, SOCK_STREAM, 0);
    SAY("connect to the closed listener: %s\n",
        err(connect(c, (struct sockaddr *)&a, sizeof(a))));
    close(c);
}

static void udp(void)
{
    int a = socket(AF_INET, SOCK_DGRAM, 0), b = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in sa = loop4(0), from;
    socklen_t len = sizeof(from);
    char buf[64] = {0};

    bind(a, (struct sockaddr *)&sa, sizeof(sa));
    bind(b, (struct sockaddr *)&sa, sizeof(sa));
    struct sockaddr_in to = loop4(port_of(b, 0));
    SAY("sendto: %zd\n",
        sendto(a, "datagram", 8, 0, (struct sockaddr *)&to, sizeof(to)));
    struct pollfd p = {b, POLLIN, 0};
    poll(&p, 1, 5000);
    int avail = -1;
    SAY("FIONREAD: %s", err(ioctl(b, FIONREAD, &avail)));
    SAY(" = %d\n", avail);
    ssize_t n =
        recvfrom(b, buf, sizeof(buf), 0, (struct sockaddr *)&from, &len);
    SAY("recvfrom: %zd \"%s\", from the sender: %s\n", n, buf,
        ntohs(from.sin_port) == port_of(a, 0) ? "yes" : "no");
    sendto(a, "truncated", 9, 0, (struct sockaddr *)&to, sizeof(to));
    poll(&p, 1, 5000);
    struct iovec iov = {buf, 4};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1};
    n = recvmsg(b, &m, 0);
    SAY("recvmsg into 4 bytes: %zd, MSG_TRUNC %d\n", n,
        (m.msg_flags & MSG_TRUNC) != 0);
    SAY("recv, nothing waiting: %s\n",
        err(recv(b, buf, sizeof(buf), MSG_DONTWAIT)));
    SAY("FIONREAD, nothing waiting: %s", err(ioctl(b, FIONREAD, &avail)));
    SAY(" = %d\n", avail);
    SAY("connect: %s\n", err(connect(a, (struct sockaddr *)&to, sizeof(to))));
    SAY("send: %zd\n", send(a, "connected", 9, 0));
    poll(&p, 1, 5000);
    SAY("read: %zd\n", read(b, buf, sizeof(buf)));
    close(a);
    close(b);
}

static void names(void)
{
    struct addrinfo hints = {.ai_family = AF_INET, .ai_socktype = SOCK_STREAM};
    struct addrinfo *res;
    char ip[INET_ADDRSTRLEN];
    int r;

    r = getaddrinfo("127.0.0.1", "8080", &hints, &res);
    if (r == 0) {
        struct sockaddr_in *in = (struct sockaddr_in *)res->ai_addr;
        SAY("getaddrinfo 127.0.0.1 8080: %s %d proto %d\n",
            inet_ntop(AF_INET, &in->sin_addr, ip, sizeof(ip)),
            ntohs(in->sin_port), res->ai_protocol);
        freeaddrinfo(res);
    }
    hints.ai_flags = AI_PASSIVE;
    r = getaddrinfo(NULL, "80", &hints, &res);
    if (r == 0) {
        struct sockaddr_in *in = (struct sockaddr_in *)res->ai_addr;
        SAY("getaddrinfo passive: %s\n",
            inet_ntop(AF_INET, &in->sin_addr, ip, sizeof(ip)));
        freeaddrinfo(res);
    }
    hints.ai_flags = 0;
    r = getaddrinfo("localhost", "http", &hints, &res);
    if (r == 0) {
        struct sockaddr_in *in = (struct sockaddr_in *)res->ai_addr;
        SAY("getaddrinfo localhost http: %s %d\n",
            inet_ntop(AF_INET, &in->sin_addr, ip, sizeof(ip)),
            ntohs(in->sin_port));
        freeaddrinfo(res);
    }
    hints.ai_flags = AI_NUMERICHOST;
    SAY("numeric host required: %s\n",
        gai_strerror(getaddrinfo("not.a.number", NULL, &hints, &res)));
    hints.ai_flags = AI_NUMERICSERV;
    SAY("numeric service required: %s\n",
        gai_strerror(getaddrinfo("1.2.3.4", "http", &hints, &res)));
    hints.ai_flags = 0;
    hints.ai_socktype = 99;
    SAY("bad socket type: %s\n",
        gai_strerror(getaddrinfo("1.2.3.4", NULL, &hints, &res)));

    const char *tests[] = {"10.0.0.1",  "255.255.255.255", "1.2.3",
                           "1.2.3.4.5", "256.1.1.1",       "01.2.3.4",
                           " 1.2.3.4",  "1.2.3.4x"};
    for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
        struct in_addr a;
        int ok = inet_pton(AF_INET, tests[i], &a);
        SAY("inet_pton \"%s\": %d%s%s\n", tests[i], ok, ok == 1 ? " " : "",
            ok == 1 ? inet_ntop(AF_INET, &a, ip, sizeof(ip)) : "");
    }
    struct in_addr a = {htonl(0xc0a80001)};
    SAY("inet_ntop into 8 bytes: %s\n",
        inet_ntop(AF_INET, &a, ip, 8) ? "fits" : err(-1));
}

/* Blocking calls in two threads: one accepts and answers, one connects. */
static volatile int accepted;

static void *server(void *arg)
{
    int l = *(int *)arg, c = accept(l, NULL, NULL);
    char buf[16];

    accepted = 1;
    ssize_t n = recv(c, buf, sizeof(buf), MSG_WAITALL);

    for (ssize_t i = 0; i < n; i++)
        buf[i] = (char)(buf[i] - 32);
    send(c, buf, (size_t)n, 0);
    close(c);
    return NULL;
}

static void threads(void)
{
    int l = socket(AF_INET, SOCK_STREAM, 0), c;
    struct sockaddr_in a = loop4(0);
    pthread_t t;
    char buf[16] = {0};

    bind(l, (struct sockaddr *)&a, sizeof(a));
    listen(l, 1);
    pthread_create(&t, NULL, server, &l);
    a = loop4(port_of(l, 0));
    /* Let the server block in accept() before the connection starts. */
    for (int i = 0; i < 10; i++)
        sched_yield();
    c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int r = connect(c, (struct sockaddr *)&a, sizeof(a));
    SAY("threads: connect: %s\n",
        r == 0 || errno == EINPROGRESS ? "started" : err(r));
    /* Spin, yielding, until the other thread has the connection: the
     * network must make progress while some thread stays runnable. */
    while (!accepted)
        sched_yield();
    fcntl(c, F_SETFL, 0);
    send(c, "threads", 7, 0);
    shutdown(c, SHUT_WR);
    ssize_t n = recv(c, buf, sizeof(buf), MSG_WAITALL);
    SAY("threads: answer %zd \"%s\"\n", n, buf);
    pthread_join(t, NULL);
    close(c);
    close(l);
}

int main(void)
{
    tcp();
    threads();
    udp();
    names();
    SAY("socket(AF_INET, 99): %s\n", err(socket(AF_INET, 99, 0)));
    return 0;
}
