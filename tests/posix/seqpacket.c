/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* seqpacket.c: AF_UNIX SOCK_SEQPACKET: connections that keep record
 * boundaries (socketpair, bind/listen/connect/accept, MSG_TRUNC, EOF,
 * errors); the output must be identical on Ingot and on Linux, a
 * differential test. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "ename.h"

#define PATH "seqpacket.sock"

static void rec(int fd, size_t cap, int flags)
{
    char buf[64] = {0};
    struct iovec iov = {buf, cap};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1};
    long n = recvmsg(fd, &m, flags);

    if (n < 0)
        printf("recvmsg(cap %zu) -1 %s\n", cap, ename(errno));
    else
        printf("recvmsg(cap %zu) %ld \"%.*s\"%s\n", cap, n,
               (int)(n < (long)cap ? n : (long)cap), buf,
               (m.msg_flags & MSG_TRUNC) ? " MSG_TRUNC" : "");
}

static void pair(void)
{
    int sv[2], v;
    socklen_t len = sizeof(v);

    T(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv));
    T(getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &v, &len));
    printf("SO_TYPE is SOCK_SEQPACKET: %d\n", v == SOCK_SEQPACKET);
    T(send(sv[0], "first", 5, 0));
    T(send(sv[0], "second record", 13, 0));
    T(write(sv[0], "third", 5));
    T(send(sv[0], "fourth", 6, 0));
    T(ioctl(sv[1], FIONREAD, &v));
    printf("FIONREAD %d\n", v);
    /* One record per read: never joined, cut short with MSG_TRUNC. */
    rec(sv[1], 64, 0);
    rec(sv[1], 6, MSG_PEEK);
    rec(sv[1], 6, 0);
    char b[3];
    T(read(sv[1], b, sizeof(b)));
    rec(sv[1], 2, MSG_TRUNC);
    struct pollfd p = {sv[1], POLLIN, 0};
    T(poll(&p, 1, 0));
    T(recv(sv[1], b, sizeof(b), MSG_DONTWAIT));
    /* The end: a shut-down writer, then a closed peer. */
    T(shutdown(sv[0], SHUT_WR));
    T(send(sv[0], "x", 1, MSG_NOSIGNAL));
    rec(sv[1], 64, 0);
    T(send(sv[1], "back", 4, 0));
    rec(sv[0], 64, 0);
    T(close(sv[0]));
    p.events = POLLIN | POLLOUT;
    T(poll(&p, 1, 0));
    printf("revents IN %d HUP %d\n", !!(p.revents & POLLIN),
           !!(p.revents & POLLHUP));
    rec(sv[1], 64, 0);
    T(send(sv[1], "x", 1, MSG_NOSIGNAL));
    T(close(sv[1]));
}

static void *client(void *arg)
{
    struct sockaddr_un a = {.sun_family = AF_UNIX, .sun_path = PATH};
    int c = socket(AF_UNIX, SOCK_SEQPACKET, 0);

    (void)arg;
    if (connect(c, (struct sockaddr *)&a, sizeof(a)) == 0) {
        send(c, "hello", 5, 0);
        send(c, "world!", 6, 0);
        char buf[16];
        recv(c, buf, sizeof(buf), 0); /* waits for the server's reply */
    }
    close(c);
    return NULL;
}

static void named(void)
{
    struct sockaddr_un a = {.sun_family = AF_UNIX, .sun_path = PATH};
    int s = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
    int u = socket(AF_UNIX, SOCK_SEQPACKET, 0);
    char b[8];
    pthread_t t;

    unlink(PATH);
    T(send(u, "x", 1, MSG_NOSIGNAL));
    T(recv(u, b, sizeof(b), 0));
    T(sendto(u, "x", 1, MSG_NOSIGNAL, (struct sockaddr *)&a, sizeof(a)));
    T(shutdown(u, SHUT_RDWR));
    T(connect(u, (struct sockaddr *)&a, sizeof(a)));
    T(bind(s, (struct sockaddr *)&a, sizeof(a)));
    T(connect(u, (struct sockaddr *)&a, sizeof(a)));
    T(recv(s, b, sizeof(b), 0));
    T(listen(s, 4));
    /* Another type's socket cannot connect to it. */
    int st = socket(AF_UNIX, SOCK_STREAM, 0);
    T(connect(st, (struct sockaddr *)&a, sizeof(a)));
    T(close(st));
    int dg = socket(AF_UNIX, SOCK_DGRAM, 0);
    T(connect(dg, (struct sockaddr *)&a, sizeof(a)));
    T(close(dg));
    pthread_create(&t, NULL, client, NULL);
    struct sockaddr_un peer;
    socklen_t plen = sizeof(peer);
    int c = accept(s, (struct sockaddr *)&peer, &plen);
    printf("accepted: %d, peer name length %u\n", c >= 0, (unsigned)plen);
    rec(c, 3, 0);
    rec(c, 64, 0);
    /* A connection ignores sendto's address. */
    T(sendto(c, "bye", 3, 0, (struct sockaddr *)&a, sizeof(a)));
    pthread_join(t, NULL);
    rec(c, 64, 0);
    T(close(c));
    T(close(s));
    T(close(u));
    T(unlink(PATH));
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    pair();
    named();
    printf("seqpacket: done\n");
    return 0;
}
