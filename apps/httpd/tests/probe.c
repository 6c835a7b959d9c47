/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* probe.c: hostile clients against a running httpd (started with -c CONNS
 * -t SECONDS, serving a root that holds index.html). */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static struct sockaddr_in addr;
static int failures;

static int dial(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0 || connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
        perror("probe: connect");
        exit(2);
    }
    return fd;
}

/* Sends (len) bytes, stopping quietly if the server has closed. */
static void send_all(int fd, const char *p, size_t len)
{
    while (len > 0) {
        ssize_t n = send(fd, p, len, MSG_NOSIGNAL);
        if (n <= 0)
            return;
        p += n;
        len -= (size_t)n;
    }
}

/* Reads until the server closes or (ms) pass; returns the bytes (NUL
 * terminated, at most cap - 1) and sets (*closed). */
static size_t recv_all(int fd, char *buf, size_t cap, int ms, int *closed)
{
    size_t got = 0;

    *closed = 0;
    for (;;) {
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, ms) <= 0)
            break;
        char tmp[4096];
        ssize_t n = recv(fd, tmp, sizeof(tmp), 0);
        if (n <= 0) {
            *closed = 1;
            break;
        }
        size_t keep = (size_t)n < cap - 1 - got ? (size_t)n : cap - 1 - got;
        memcpy(buf + got, tmp, keep);
        got += keep;
    }
    buf[got] = '\0';
    return got;
}

/* Counts the status lines in (s) and checks them against (want), e.g.
 * "405 200"; the server must also have closed when (closed) is asked. */
static void expect(const char *name, const char *s, const char *want,
                   int closed, int want_closed)
{
    char got[128] = "";
    size_t n = 0;

    for (const char *p = s; (p = strstr(p, "HTTP/1.1 ")) != NULL; p += 9)
        n += (size_t)snprintf(got + n, sizeof(got) - n, "%s%.3s", n ? " " : "",
                              p + 9);
    if (strcmp(got, want) != 0 || (want_closed && !closed)) {
        printf("FAIL: %s: answers \"%s\", want \"%s\"%s\n", name, got, want,
               want_closed && !closed ? ", and the connection closed" : "");
        failures++;
    } else {
        printf("ok: %s: %s\n", name, want);
    }
}

/* One connection: sends (req), reads the answers for up to (ms). */
static void exchange(const char *name, const char *req, size_t len,
                     const char *want, int want_closed, int ms)
{
    static char buf[1 << 16];
    int closed, fd = dial();

    send_all(fd, req, len ? len : strlen(req));
    recv_all(fd, buf, sizeof(buf), ms, &closed);
    expect(name, buf, want, closed, want_closed);
    close(fd);
}

static void smuggling(int ms)
{
    /* The body is a request of its own: it must not be answered. */
    exchange("body after Content-Length is not a request",
             "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 37\r\n\r\n"
             "GET /index.html HTTP/1.1\r\nHost: y\r\n\r\n"
             "GET /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
             0, "405 200", 1, ms);
    exchange("Transfer-Encoding is refused",
             "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
             "24\r\nGET /index.html HTTP/1.1\r\nHost: y\r\n\r\n\r\n0\r\n\r\n",
             0, "501", 1, ms);
}

static void oversized(int ms)
{
    size_t big = 100 * 1024, n;
    char *req = malloc(big + 64 * 5000);

    n = (size_t)sprintf(req, "GET / HTTP/1.1\r\nHost: x\r\nX-Long: ");
    memset(req + n, 'a', big);
    n += big;
    n += (size_t)sprintf(req + n, "\r\n\r\n");
    exchange("a 100 KB header line", req, n, "431", 1, ms);
    n = (size_t)sprintf(req, "GET / HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < 5000; i++)
        n += (size_t)sprintf(req + n, "X-%d: y\r\n", i);
    n += (size_t)sprintf(req + n, "\r\n");
    exchange("5,000 headers", req, n, "431", 1, ms);
    n = (size_t)sprintf(req, "GET /");
    memset(req + n, 'a', big);
    n += big;
    n += (size_t)sprintf(req + n, " HTTP/1.1\r\nHost: x\r\n\r\n");
    exchange("a 100 KB target", req, n, "414", 1, ms);
    free(req);
}

static void odd_bytes(int ms)
{
    static const char nul[] = "GET /index.html\0.txt HTTP/1.0\r\n\r\n";

    exchange("bare LF line ends", "GET /index.html HTTP/1.0\n\n", 0, "200", 1,
             ms);
    exchange("NUL in the target", nul, sizeof(nul) - 1, "400", 1, ms);
}

/* (conns) idle connections: the one after the limit is turned away, and
 * all of them are gone after the timeout. */
static void idle(int conns, int secs)
{
    int *fds = malloc(sizeof(int) * (size_t)conns), closed, gone = 0;
    char buf[4096];

    /* The connections of the cases before may still be closing on the
     * server (it reads until the client's FIN): let them go first.  The
     * half-sent head comes first, so only the one over the limit is
     * turned away however the server orders its accepts. */
    sleep(1);
    int slow = dial(); /* half a request head, then nothing */
    send_all(slow, "GET / HTTP/1.1\r\nHost: x\r\n", 26);
    usleep(100 * 1000);
    for (int i = 0; i < conns - 1; i++)
        fds[i] = dial();
    usleep(300 * 1000);
    exchange("connection over the limit",
             "GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n", 0, "503", 1, 3000);
    for (int i = 0; i < conns - 1; i++) {
        recv_all(fds[i], buf, sizeof(buf), (secs + 3) * 1000, &closed);
        gone += closed;
        close(fds[i]);
    }
    if (gone < conns - 1) {
        printf("FAIL: only %d of %d idle connections closed after %d s\n", gone,
               conns, secs);
        failures++;
    } else {
        printf("ok: idle connections closed after the timeout\n");
    }
    recv_all(slow, buf, sizeof(buf), (secs + 3) * 1000, &closed);
    close(slow);
    if (closed && (strstr(buf, "HTTP/1.1 408") || !*buf)) {
        printf("ok: a half-sent head times out\n");
    } else {
        printf("FAIL: a half-sent head: \"%.40s\" closed=%d\n", buf, closed);
        failures++;
    }
    exchange("served after the flood",
             "GET /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
             0, "200", 1, 5000);
    free(fds);
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: probe HOST PORT CONNS TIMEOUT_SECONDS\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)atoi(argv[2]));
    if (inet_pton(AF_INET, argv[1], &addr.sin_addr) != 1) {
        fprintf(stderr, "probe: %s: not an IPv4 address\n", argv[1]);
        return 2;
    }
    int conns = atoi(argv[3]), secs = atoi(argv[4]);
    int ms = (secs + 3) * 1000; /* longer than the server waits */
    smuggling(ms);
    oversized(ms);
    odd_bytes(ms);
    idle(conns, secs);
    printf(failures ? "probe: %d failures\n" : "probe: PASS\n", failures);
    return failures ? 1 : 0;
}
