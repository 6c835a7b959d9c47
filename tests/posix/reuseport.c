/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* reuseport.c: SO_REUSEADDR and SO_REUSEPORT on TCP and UDP sockets: each
 * reads back as set, independently of the other; a listener whose port
 * still has a connection in TIME-WAIT can be bound again with either, and
 * not without.  The output must be identical on Ingot and on Linux. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int getopt_int(int s, int name)
{
    int v = -1;
    socklen_t len = sizeof(v);

    if (getsockopt(s, SOL_SOCKET, name, &v, &len) != 0)
        return -errno;
    return v;
}

static void options(int type, const char *what)
{
    int s = socket(AF_INET, type, 0), one = 1;

    printf("%s: default REUSEADDR %d REUSEPORT %d\n", what,
           getopt_int(s, SO_REUSEADDR), getopt_int(s, SO_REUSEPORT));
    printf("%s: set REUSEPORT: %d\n", what,
           setsockopt(s, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one)));
    printf("%s: now REUSEADDR %d REUSEPORT %d\n", what,
           getopt_int(s, SO_REUSEADDR), getopt_int(s, SO_REUSEPORT));
    printf("%s: set REUSEADDR: %d\n", what,
           setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)));
    one = 0;
    setsockopt(s, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one));
    printf("%s: REUSEPORT off: REUSEADDR %d REUSEPORT %d\n", what,
           getopt_int(s, SO_REUSEADDR), getopt_int(s, SO_REUSEPORT));
    close(s);
}

/* A listener on 127.0.0.1:(port) (0: any), with option (opt) (0: none);
 * returns it, or -errno of the call that failed (named in (failed)). */
static int listener(int opt, unsigned short *port, const char **failed)
{
    int s = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(*port)};
    socklen_t len = sizeof(a);

    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (opt && setsockopt(s, SOL_SOCKET, opt, &one, sizeof(one)) != 0) {
        *failed = "setsockopt";
        goto fail;
    }
    if (bind(s, (struct sockaddr *)&a, sizeof(a)) != 0) {
        *failed = "bind";
        goto fail;
    }
    if (listen(s, 4) != 0) {
        *failed = "listen";
        goto fail;
    }
    getsockname(s, (struct sockaddr *)&a, &len);
    *port = ntohs(a.sin_port);
    return s;
fail:;
    int e = errno;
    close(s);
    return -e;
}

static void rebind(int opt, const char *what)
{
    unsigned short port = 0;
    const char *failed = "";
    int l = listener(opt, &port, &failed);
    if (l < 0) {
        printf("%s: first listener: %s: %s\n", what, failed, strerror(-l));
        return;
    }
    int c = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(c, (struct sockaddr *)&a, sizeof(a)) != 0) {
        printf("%s: connect: %s\n", what, strerror(errno));
        return;
    }
    int x = accept(l, NULL, NULL);
    char b[2];
    /* The server's side closes first and waits in TIME-WAIT. */
    close(x);
    printf("%s: client sees the close: %zd\n", what, read(c, b, sizeof(b)));
    close(c);
    close(l);
    int again = listener(0, &port, &failed);
    printf("%s: again without options: %s\n", what,
           again < 0 ? strerror(-again) : "bound");
    if (again >= 0)
        close(again);
    again = listener(opt, &port, &failed);
    printf("%s: again with the same option: %s%s%s\n", what,
           again < 0 ? failed : "", again < 0 ? ": " : "",
           again < 0 ? strerror(-again) : "bound");
    if (again >= 0)
        close(again);
}

int main(void)
{
    options(SOCK_STREAM, "tcp");
    options(SOCK_DGRAM, "udp");
    rebind(SO_REUSEADDR, "REUSEADDR");
    rebind(SO_REUSEPORT, "REUSEPORT");
    printf("reuseport: done\n");
    return 0;
}
