/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* netcheck.c: guest side of the network tests (echo servers, a client). */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int die(const char *what)
{
    printf("netcheck: %s: %s\n", what, strerror(errno));
    return 1;
}

/* Echoes each connection until it closes, (n) connections, then exits. */
static int tcp_echo(int port, int n)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
    int one = 1, l = socket(AF_INET, SOCK_STREAM, 0);

    if (l < 0 || setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
        bind(l, (struct sockaddr *)&a, sizeof(a)) || listen(l, 16))
        return die("listen");
    printf("netcheck: listening on tcp %d\n", port);
    fflush(stdout);
    for (int i = 0; i < n; i++) {
        struct sockaddr_in peer;
        socklen_t plen = sizeof(peer);
        int c = accept(l, (struct sockaddr *)&peer, &plen);
        char buf[4096];
        ssize_t r;
        if (c < 0)
            return die("accept");
        while ((r = read(c, buf, sizeof(buf))) > 0)
            if (write(c, buf, (size_t)r) != r)
                return die("write");
        if (r < 0)
            return die("read");
        close(c);
    }
    close(l);
    return 0;
}

/* Accepts (n) connections, reads from the last one until "quit", answers
 * "bye" and exits with all of them still open: as when a Linux process
 * exits, each peer must see its connection end (a FIN, or a reset where
 * what it sent was left unread). */
static int exit_open(int port, int n)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
    int one = 1, c = -1, l = socket(AF_INET, SOCK_STREAM, 0);
    char buf[256];
    size_t got = 0;
    ssize_t r;

    if (l < 0 || setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
        bind(l, (struct sockaddr *)&a, sizeof(a)) || listen(l, 16))
        return die("listen");
    printf("netcheck: listening on tcp %d\n", port);
    fflush(stdout);
    for (int i = 0; i < n; i++)
        if ((c = accept(l, NULL, NULL)) < 0)
            return die("accept");
    while (!memchr(buf, '\n', got) && got < sizeof(buf) &&
           (r = read(c, buf + got, sizeof(buf) - got)) > 0)
        got += (size_t)r;
    if (write(c, "bye\n", 4) != 4)
        return die("write");
    printf("netcheck: exiting with %d connections open\n", n);
    return 0;
}

/* Answers (n) datagrams with the same bytes, uppercased, and exits right
 * after the last answer: the platform must not lose a frame still queued
 * when the image stops (kvm drains its transmit rings at exit). */
static int udp_echo(int port, int n)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
    int s = socket(AF_INET, SOCK_DGRAM, 0);

    if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof(a)))
        return die("udp bind");
    printf("netcheck: listening on udp %d\n", port);
    fflush(stdout);
    for (int i = 0; i < n; i++) {
        char buf[2048];
        struct sockaddr_in from;
        socklen_t flen = sizeof(from);
        ssize_t r =
            recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&from, &flen);
        if (r < 0)
            return die("recvfrom");
        for (ssize_t k = 0; k < r; k++)
            if (buf[k] >= 'a' && buf[k] <= 'z')
                buf[k] = (char)(buf[k] - 32);
        if (sendto(s, buf, (size_t)r, 0, (struct sockaddr *)&from, flen) != r)
            return die("sendto");
    }
    return 0;
}

/* Connects to HOST:PORT (resolved with getaddrinfo) from local port
 * (lport) if it is not 0, sends (msg) (and a shutdown when lport is 0),
 * prints what comes back until the server closes. */
static int client(const char *host, const char *port, const char *msg,
                  int lport)
{
    struct addrinfo hints = {.ai_family = AF_INET, .ai_socktype = SOCK_STREAM},
                    *res;
    char buf[4096];
    int r = getaddrinfo(host, port, &hints, &res), one = 1;

    if (r != 0) {
        printf("netcheck: getaddrinfo %s: %s\n", host, gai_strerror(r));
        return 1;
    }
    int s = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    struct sockaddr_in me = {.sin_family = AF_INET, .sin_port = htons(lport)};
    if (s < 0 || (lport && (setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one,
                                       sizeof(one)) < 0 ||
                            bind(s, (struct sockaddr *)&me, sizeof(me)) < 0)))
        return die("bind");
    if (connect(s, res->ai_addr, res->ai_addrlen) < 0)
        return die("connect");
    freeaddrinfo(res);
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    if (send(s, msg, strlen(msg), 0) != (ssize_t)strlen(msg))
        return die("send");
    /* With a fixed local port the server must close first (HTTP/1.0 does),
     * or the port would wait in TIME-WAIT here. */
    if (!lport)
        shutdown(s, SHUT_WR);
    size_t got = 0;
    ssize_t n;
    while ((n = recv(s, buf + got, sizeof(buf) - 1 - got, 0)) > 0)
        got += (size_t)n;
    if (n < 0)
        return die("recv");
    buf[got] = '\0';
    printf("netcheck: reply: %s\n", buf);
    close(s);
    return 0;
}

/* Resolves each name with getaddrinfo() and prints the answer. */
static int resolve(int n, char **names)
{
    struct addrinfo hints = {.ai_family = AF_INET, .ai_socktype = SOCK_DGRAM};

    for (int i = 0; i < n; i++) {
        struct addrinfo *res;
        char ip[INET_ADDRSTRLEN];
        int r = getaddrinfo(names[i], NULL, &hints, &res);
        if (r != 0) {
            printf("netcheck: %s: %s\n", names[i], gai_strerror(r));
            continue;
        }
        struct sockaddr_in *in = (struct sockaddr_in *)res->ai_addr;
        printf("netcheck: %s is %s\n", names[i],
               inet_ntop(AF_INET, &in->sin_addr, ip, sizeof(ip)));
        freeaddrinfo(res);
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "tcp") == 0)
        return tcp_echo(atoi(argv[2]), atoi(argv[3]));
    if (argc == 4 && strcmp(argv[1], "exitopen") == 0)
        return exit_open(atoi(argv[2]), atoi(argv[3]));
    if (argc == 4 && strcmp(argv[1], "udp") == 0)
        return udp_echo(atoi(argv[2]), atoi(argv[3]));
    if ((argc == 5 || argc == 6) && strcmp(argv[1], "client") == 0)
        return client(argv[2], argv[3], argv[4], argc == 6 ? atoi(argv[5]) : 0);
    if (argc >= 3 && strcmp(argv[1], "resolve") == 0)
        return resolve(argc - 2, argv + 2);
    fprintf(stderr,
            "usage: netcheck tcp PORT N | exitopen PORT N | udp PORT N | "
            "client HOST PORT MSG [LOCALPORT] | resolve NAME...\n");
    return 2;
}
