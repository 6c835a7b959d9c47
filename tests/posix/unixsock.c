/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* unixsock.c: AF_UNIX sockets, stream and datagram, paths, abstract names
 * and pairs, with poll; the output must be identical on Ingot and on Linux
 * (a differential test). */
#include <fcntl.h>
#include <poll.h>
#include <stddef.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "ename.h"

static struct sockaddr_un path_addr(const char *p)
{
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    strcpy(a.sun_path, p);
    return a;
}

static void pairs(void)
{
    int sv[2], n = -1;
    char buf[64] = {0};

    T(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    T(write(sv[0], "ping", 4));
    T(send(sv[0], "!!", 2, 0));
    T(ioctl(sv[1], FIONREAD, &n));
    printf("FIONREAD %d\n", n);
    T(read(sv[1], buf, sizeof(buf)));
    printf("got %s\n", buf);
    T(write(sv[1], "pong", 4));
    memset(buf, 0, sizeof(buf));
    T(recv(sv[0], buf, 2, MSG_PEEK));
    T(recv(sv[0], buf, sizeof(buf), 0));
    printf("got %s\n", buf);
    T(fcntl(sv[0], F_SETFL, O_NONBLOCK));
    T(read(sv[0], buf, sizeof(buf)));
    T(shutdown(sv[1], SHUT_WR));
    T(read(sv[0], buf, sizeof(buf)));
    T(close(sv[0]));
    T(send(sv[1], "x", 1, MSG_NOSIGNAL));
    close(sv[1]);

    T(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
    T(send(sv[0], "first", 5, 0));
    T(send(sv[0], "second!", 7, 0));
    T(recv(sv[1], buf, 3, 0)); /* the rest of "first" is dropped */
    char big[16] = {0};
    struct iovec iov = {big, sizeof(big)};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1};
    T(recvmsg(sv[1], &m, 0));
    printf("datagram %s, truncated %d\n", big, (m.msg_flags & MSG_TRUNC) != 0);
    T(send(sv[0], "longer text", 11, 0));
    iov.iov_len = 4;
    T(recvmsg(sv[1], &m, 0));
    printf("truncated %d\n", (m.msg_flags & MSG_TRUNC) != 0);
    close(sv[0]);
    close(sv[1]);

    T(socketpair(AF_INET, SOCK_STREAM, 0, sv));
    T(socketpair(AF_UNIX, SOCK_STREAM, 7, sv));
    T(socket(AF_UNIX, 99, 0));
}

static void paths(void)
{
    struct sockaddr_un a = path_addr("us.sock"), got;
    socklen_t len;
    char buf[32] = {0};
    struct stat st;

    unlink("us.sock");
    int l = socket(AF_UNIX, SOCK_STREAM, 0);
    T(bind(l, (struct sockaddr *)&a, sizeof(a)));
    T(stat("us.sock", &st));
    printf("a socket node: %d\n", S_ISSOCK(st.st_mode));
    int l2 = socket(AF_UNIX, SOCK_STREAM, 0);
    T(bind(l2, (struct sockaddr *)&a, sizeof(a)));
    T(bind(l, (struct sockaddr *)&a, sizeof(a)));
    close(l2);
    int c = socket(AF_UNIX, SOCK_STREAM, 0);
    T(connect(c, (struct sockaddr *)&a, sizeof(a)));
    T(listen(l, 4));
    struct pollfd p = {.fd = l, .events = POLLIN};
    T(poll(&p, 1, 0));
    T(connect(c, (struct sockaddr *)&a, sizeof(a)));
    T(poll(&p, 1, 1000));
    printf("listener readable: %d\n", (p.revents & POLLIN) != 0);
    len = sizeof(got);
    int s = accept(l, (struct sockaddr *)&got, &len);
    printf("accepted: %d, peer address length %u\n", s >= 0, (unsigned)len);
    T(connect(c, (struct sockaddr *)&a, sizeof(a)));
    len = sizeof(got);
    T(getpeername(c, (struct sockaddr *)&got, &len));
    printf("peer %s (%u)\n", got.sun_path, (unsigned)len);
    len = sizeof(got);
    T(getsockname(s, (struct sockaddr *)&got, &len));
    printf("name %s\n", got.sun_path);
    len = sizeof(got);
    T(getsockname(c, (struct sockaddr *)&got, &len));
    printf("client name length %u\n", (unsigned)len);
    T(write(c, "hello server", 12));
    struct pollfd ps = {.fd = s, .events = POLLIN | POLLOUT};
    T(poll(&ps, 1, 1000));
    printf("server: in %d out %d\n", (ps.revents & POLLIN) != 0,
           (ps.revents & POLLOUT) != 0);
    T(read(s, buf, sizeof(buf)));
    printf("server got %s\n", buf);
    close(c);
    T(poll(&ps, 1, 1000));
    printf("after the client closed: in %d hup %d\n",
           (ps.revents & POLLIN) != 0, (ps.revents & POLLHUP) != 0);
    T(read(s, buf, sizeof(buf)));
    T(send(s, "x", 1, MSG_NOSIGNAL));
    close(s);

    /* Errors. */
    c = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un none = path_addr("no-such.sock");
    T(connect(c, (struct sockaddr *)&none, sizeof(none)));
    int fd = open("plain.file", O_RDWR | O_CREAT, 0644);
    close(fd);
    struct sockaddr_un plain = path_addr("plain.file");
    T(connect(c, (struct sockaddr *)&plain, sizeof(plain)));
    unlink("plain.file");
    struct sockaddr_un bad = {.sun_family = AF_INET};
    T(bind(c, (struct sockaddr *)&bad, sizeof(bad)));
    T(listen(c, 1));
    T(accept(c, NULL, NULL));
    T(read(c, buf, 1));
    close(c);
    T(unlink("us.sock"));
    c = socket(AF_UNIX, SOCK_STREAM, 0);
    T(connect(c, (struct sockaddr *)&a, sizeof(a)));
    close(c);
    close(l);
}

static void datagrams(void)
{
    struct sockaddr_un srv = path_addr("ud.srv"), cli = path_addr("ud.cli");
    struct sockaddr_un from;
    socklen_t len = sizeof(from);
    char buf[32] = {0};

    unlink("ud.srv");
    unlink("ud.cli");
    int s = socket(AF_UNIX, SOCK_DGRAM, 0), c = socket(AF_UNIX, SOCK_DGRAM, 0);
    T(bind(s, (struct sockaddr *)&srv, sizeof(srv)));
    T(bind(c, (struct sockaddr *)&cli, sizeof(cli)));
    T(sendto(c, "to server", 9, 0, (struct sockaddr *)&srv, sizeof(srv)));
    T(recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&from, &len));
    printf("server got %s from %s\n", buf, from.sun_path);
    T(connect(c, (struct sockaddr *)&srv, sizeof(srv)));
    T(send(c, "again", 5, 0));
    memset(buf, 0, sizeof(buf));
    T(recv(s, buf, sizeof(buf), 0));
    printf("server got %s\n", buf);
    T(recv(s, buf, sizeof(buf), MSG_DONTWAIT));
    T(listen(s, 1));
    close(s);
    close(c);
    unlink("ud.srv");
    unlink("ud.cli");

    /* An abstract name: no file. */
    struct sockaddr_un ab = {.sun_family = AF_UNIX};
    const char name[] = "ingot-posix-unixsock-test";
    memcpy(ab.sun_path + 1, name, sizeof(name) - 1);
    socklen_t alen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 +
                                 sizeof(name) - 1);
    int l = socket(AF_UNIX, SOCK_STREAM, 0);
    T(bind(l, (struct sockaddr *)&ab, alen));
    T(listen(l, 1));
    c = socket(AF_UNIX, SOCK_STREAM, 0);
    T(connect(c, (struct sockaddr *)&ab, alen));
    int a = accept(l, NULL, NULL);
    T(write(a, "abstract", 8));
    memset(buf, 0, sizeof(buf));
    T(read(c, buf, sizeof(buf)));
    printf("client got %s\n", buf);
    len = sizeof(from);
    T(getsockname(a, (struct sockaddr *)&from, &len));
    printf("abstract name matches: %d\n",
           len == alen && memcmp(&from, &ab, alen) == 0);
    close(a);
    close(c);
    close(l);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    pairs();
    paths();
    datagrams();
    printf("unixsock: done\n");
    return 0;
}
