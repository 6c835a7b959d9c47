/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* httpd.c: a small HTTP/1.1 static file server on epoll, for Ingot and Linux.
 */
#define _GNU_SOURCE /* accept4 on Linux */
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "httpd.h"

#define MAX_EVENTS 64
#define CHUNK 65536

struct conn {
    int fd;
    char in[HTTPD_REQ_MAX];
    size_t inlen;
    char *out; /* headers and generated bodies */
    size_t outlen, outoff;
    int file; /* body still to send from a file, or -1 */
    off_t left;
    int keep;
    int eof; /* the client has finished sending (shutdown or close) */
};

static const char usage[] =
    "usage: httpd [-p PORT] [-r ROOT] [-n REQUESTS]\n"
    "Serves the files under ROOT (default /) over HTTP/1.1 on PORT\n"
    "(default 80); with -n, exits after that many requests.\n";

static char root[1024] = "/";
static long served, limit = -1;
static int ep;

static void conn_close(struct conn *c)
{
    epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    if (c->file >= 0)
        close(c->file);
    free(c->out);
    free(c);
}

/* Appends (len) bytes to the output buffer.  Returns 0 or -1. */
int httpd_out(struct httpd_resp *r, const void *p, size_t len)
{
    struct conn *c = r->conn;
    char *n = realloc(c->out, c->outlen + len + 1);

    if (!n)
        return -1;
    memcpy(n + c->outlen, p, len);
    c->out = n;
    c->outlen += len;
    return 0;
}

void httpd_body_file(struct httpd_resp *r, int fd, off_t len)
{
    struct conn *c = r->conn;

    c->file = fd;
    c->left = len;
}

/* Sends what is pending.  Returns 1 when all went, 0 when the socket is
 * full, -1 when the connection is gone. */
static int flush(struct conn *c)
{
    static char buf[CHUNK];

    while (c->outoff < c->outlen) {
        ssize_t n = write(c->fd, c->out + c->outoff, c->outlen - c->outoff);
        if (n < 0)
            return errno == EAGAIN ? 0 : -1;
        c->outoff += (size_t)n;
    }
    c->outlen = c->outoff = 0;
    while (c->file >= 0 && c->left > 0) {
        size_t want = c->left < CHUNK ? (size_t)c->left : CHUNK;
        off_t at = lseek(c->file, 0, SEEK_CUR);
        ssize_t got = read(c->file, buf, want);
        if (got <= 0)
            return -1; /* the file shrank under us: nothing honest left */
        ssize_t n = write(c->fd, buf, (size_t)got);
        if (n < 0) {
            lseek(c->file, at, SEEK_SET);
            return errno == EAGAIN ? 0 : -1;
        }
        if (n < got)
            lseek(c->file, at + n, SEEK_SET);
        c->left -= n;
    }
    if (c->file >= 0) {
        close(c->file);
        c->file = -1;
    }
    return 1;
}

static void want(struct conn *c, unsigned events)
{
    struct epoll_event ev = {.events = events, .data.ptr = c};

    epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
}

/* Answers every complete request in the input, then sends.  Returns -1
 * when the connection should be closed. */
static int serve(struct conn *c)
{
    for (;;) {
        if (c->outlen || c->file >= 0) {
            int r = flush(c);
            if (r < 0)
                return -1;
            if (r == 0) {
                want(c, EPOLLOUT);
                return 0;
            }
            if (!c->keep)
                return -1;
        }
        struct httpd_req req;
        int used = httpd_parse(c->in, c->inlen, &req);
        if (used == 0) {
            if (c->eof)
                return -1; /* nothing more can complete it */
            if (c->inlen == sizeof(c->in))
                used = -1; /* a request line and headers too long */
            else {
                want(c, EPOLLIN);
                return 0;
            }
        }
        struct httpd_resp resp = {.conn = c};
        if (used < 0) {
            c->keep = 0;
            httpd_error(&resp, 400, 0);
            c->inlen = 0;
        } else {
            c->keep = req.keep_alive && !c->eof;
            httpd_respond(&resp, root, &req);
            memmove(c->in, c->in + used, c->inlen - (size_t)used);
            c->inlen -= (size_t)used;
        }
        served++;
    }
}

static void on_readable(struct conn *c)
{
    for (;;) {
        if (c->inlen == sizeof(c->in))
            break;
        ssize_t n = read(c->fd, c->in + c->inlen, sizeof(c->in) - c->inlen);
        if (n == 0) {
            /* Answer what came before the end, then close. */
            c->eof = 1;
            break;
        }
        if (n < 0 && errno != EAGAIN) {
            conn_close(c);
            return;
        }
        if (n < 0)
            break;
        c->inlen += (size_t)n;
    }
    if (serve(c) < 0)
        conn_close(c);
}

static void on_accept(int l)
{
    int one = 1;

    for (;;) {
        int fd = accept4(l, NULL, NULL, SOCK_NONBLOCK);
        if (fd < 0)
            return;
        struct conn *c = calloc(1, sizeof(*c));
        if (!c) {
            close(fd);
            continue;
        }
        c->fd = fd;
        c->file = -1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
        struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
        if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) {
            close(fd);
            free(c);
        }
    }
}

int main(int argc, char **argv)
{
    int port = 80, opt, one = 1;

    while ((opt = getopt(argc, argv, "p:r:n:h")) != -1) {
        switch (opt) {
        case 'p':
            port = atoi(optarg);
            if (port <= 0 || port > 65535) {
                fprintf(stderr, "httpd: -p %s: not a port\n", optarg);
                return 2;
            }
            break;
        case 'r':
            if (strlen(optarg) >= sizeof(root)) {
                fprintf(stderr, "httpd: -r: path too long\n");
                return 2;
            }
            strcpy(root, optarg);
            break;
        case 'n':
            limit = atol(optarg);
            break;
        default:
            fputs(usage, opt == 'h' ? stdout : stderr);
            return opt == 'h' ? 0 : 2;
        }
    }
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
    int l = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (l < 0 || setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
        bind(l, (struct sockaddr *)&a, sizeof(a)) || listen(l, 128)) {
        fprintf(stderr, "httpd: port %d: %s\n", port, strerror(errno));
        return 1;
    }
    ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL};
    if (ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, l, &ev) < 0) {
        fprintf(stderr, "httpd: epoll: %s\n", strerror(errno));
        return 1;
    }
    printf("httpd: serving %s on port %d\n", root, port);
    fflush(stdout);
    while (limit < 0 || served < limit) {
        struct epoll_event evs[MAX_EVENTS];
        int n = epoll_wait(ep, evs, MAX_EVENTS, -1);
        if (n < 0 && errno != EINTR) {
            fprintf(stderr, "httpd: epoll_wait: %s\n", strerror(errno));
            return 1;
        }
        for (int i = 0; i < n; i++) {
            struct conn *c = evs[i].data.ptr;
            if (!c)
                on_accept(l);
            else if (evs[i].events & (EPOLLERR | EPOLLHUP))
                conn_close(c);
            else if (evs[i].events & EPOLLOUT) {
                if (serve(c) < 0)
                    conn_close(c);
            } else
                on_readable(c);
        }
    }
    printf("httpd: served %ld requests\n", served);
    return 0;
}
