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
#include <time.h>
#include <unistd.h>

#include "httpd.h"

#define MAX_EVENTS 64
#define CHUNK 65536
#define LINGER_MS 2000 /* reading what a client still sends after an error */

struct conn {
    int fd;
    char in[HTTPD_REQ_MAX];
    size_t inlen;
    char *out; /* headers and generated bodies */
    size_t outlen, outoff;
    int file; /* body still to send from a file, or -1 */
    off_t left;
    int keep;
    int eof;        /* the client has finished sending (shutdown or close) */
    int closing;    /* answered and shut down: draining until EOF */
    long long skip; /* bytes of a request body still to drop */
    long deadline;  /* when the connection is closed if nothing happens */
    struct conn *prev, *next;
};

static const char usage[] =
    "usage: httpd [-p PORT] [-r ROOT] [-n REQUESTS] [-c CONNS] [-t SECONDS]\n"
    "Serves the files under ROOT (default /) over HTTP/1.1 on PORT\n"
    "(default 80); with -n, exits after that many requests.  At most CONNS\n"
    "connections (default 200) are open at once; a connection that takes\n"
    "longer than SECONDS (default 10) to send a request head, or to read\n"
    "the answer, or that stays idle that long, is closed.\n";

static char root[1024] = "/";
static long served, limit = -1;
static int ep, listen_fd, paused, nconns, max_conns = 200;
static long timeout_ms = 10000;
static struct conn *conns;

static long now_ms(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void conn_close(struct conn *c)
{
    epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    if (c->file >= 0)
        close(c->file);
    free(c->out);
    if (c->prev)
        c->prev->next = c->next;
    else
        conns = c->next;
    if (c->next)
        c->next->prev = c->prev;
    free(c);
    nconns--;
    if (paused) { /* descriptors ran out: accept again now one is free */
        struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL};
        paused = epoll_ctl(ep, EPOLL_CTL_ADD, listen_fd, &ev) < 0;
    }
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

/* Answers every complete request in the input, then sends.  Returns 0 to
 * wait for more, -1 to close now, -2 to close once the client has had
 * time to read the answer (unread input would turn close into a reset). */
static int serve(struct conn *c)
{
    for (;;) {
        if (c->outlen || c->file >= 0) {
            size_t before = c->outlen - c->outoff;
            off_t left = c->left;
            int r = flush(c);
            if (r < 0)
                return -1;
            if (r == 0) {
                if (c->outlen - c->outoff != before || c->left != left)
                    c->deadline = now_ms() + timeout_ms; /* progress */
                want(c, EPOLLOUT);
                return 0;
            }
            if (!c->keep)
                return c->eof ? -1 : -2;
            c->deadline = now_ms() + timeout_ms; /* idle from here */
        }
        if (c->skip > 0) {
            size_t n =
                (long long)c->inlen < c->skip ? c->inlen : (size_t)c->skip;
            memmove(c->in, c->in + n, c->inlen - n);
            c->inlen -= n;
            c->skip -= (long long)n;
            if (c->skip > 0) {
                if (c->eof)
                    return -1;
                want(c, EPOLLIN);
                return 0;
            }
        }
        struct httpd_req req;
        int used = httpd_parse(c->in, c->inlen, &req);
        if (used == 0) {
            if (c->eof)
                return -1; /* nothing more can complete it */
            if (c->inlen < sizeof(c->in)) {
                want(c, EPOLLIN);
                return 0;
            }
            /* The buffer is full: the request line or the headers are
             * longer than any this server takes. */
            used = memchr(c->in, '\n', c->inlen) ? -431 : -414;
        }
        struct httpd_resp resp = {.conn = c};
        if (used < 0) {
            c->keep = 0;
            httpd_error(&resp, -used, 0);
            c->inlen = 0;
        } else {
            c->keep = req.keep_alive && !c->eof;
            httpd_respond(&resp, root, &req);
            memmove(c->in, c->in + used, c->inlen - (size_t)used);
            c->inlen -= (size_t)used;
            c->skip = req.body;
        }
        served++;
    }
}

/* After the last answer: no more sending, and what the client still
 * sends is read and dropped until it closes or LINGER_MS pass. */
static void linger(struct conn *c)
{
    shutdown(c->fd, SHUT_WR);
    c->closing = 1;
    c->inlen = 0;
    long until = now_ms() + (timeout_ms < LINGER_MS ? timeout_ms : LINGER_MS);
    if (c->deadline > until || c->deadline == 0)
        c->deadline = until;
    want(c, EPOLLIN);
}

static void after(struct conn *c, int r)
{
    if (r == -1)
        conn_close(c);
    else if (r == -2)
        linger(c);
}

static void on_readable(struct conn *c)
{
    for (;;) {
        if (c->inlen == sizeof(c->in)) {
            if (!c->closing)
                break;
            c->inlen = 0;
        }
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
    if (c->closing) {
        c->inlen = 0;
        if (c->eof)
            conn_close(c);
        return;
    }
    after(c, serve(c));
}

/* Closes the connections whose time is up; one caught halfway through a
 * request head is told so first (408), best effort. */
static void expire(long now)
{
    static const char late[] = "HTTP/1.1 408 Request Timeout\r\n"
                               "Connection: close\r\nContent-Length: 0\r\n\r\n";

    for (struct conn *c = conns, *next; c; c = next) {
        next = c->next;
        if (now < c->deadline)
            continue;
        if (!c->closing && c->inlen > 0 && !c->outlen && c->file < 0 &&
            write(c->fd, late, sizeof(late) - 1) < 0) {
            /* nothing more to do for it */
        }
        conn_close(c);
    }
}

static void on_accept(int l)
{
    static const char busy[] = "HTTP/1.1 503 Service Unavailable\r\n"
                               "Connection: close\r\nContent-Length: 0\r\n\r\n";
    int one = 1;

    for (;;) {
        int fd = accept4(l, NULL, NULL, SOCK_NONBLOCK);
        if (fd < 0) {
            /* Out of descriptors: stop listening until one is closed,
             * or the pending connection would wake us forever. */
            if ((errno == EMFILE || errno == ENFILE) && nconns > 0 &&
                epoll_ctl(ep, EPOLL_CTL_DEL, l, NULL) == 0)
                paused = 1;
            return;
        }
        struct conn *c = nconns < max_conns ? calloc(1, sizeof(*c)) : NULL;
        if (!c) {
            if (write(fd, busy, sizeof(busy) - 1) < 0) {
                /* the client is gone already */
            }
            close(fd);
            continue;
        }
        c->fd = fd;
        c->file = -1;
        c->deadline = now_ms() + timeout_ms;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
        struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
        if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) {
            close(fd);
            free(c);
            continue;
        }
        c->next = conns;
        if (conns)
            conns->prev = c;
        conns = c;
        nconns++;
    }
}

int main(int argc, char **argv)
{
    int port = 80, opt, one = 1;

    while ((opt = getopt(argc, argv, "p:r:n:c:t:h")) != -1) {
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
        case 'c':
            max_conns = atoi(optarg);
            if (max_conns <= 0) {
                fprintf(stderr, "httpd: -c %s: not a positive count\n", optarg);
                return 2;
            }
            break;
        case 't':
            timeout_ms = atol(optarg) * 1000;
            if (timeout_ms <= 0) {
                fprintf(stderr,
                        "httpd: -t %s: not a positive number of "
                        "seconds\n",
                        optarg);
                return 2;
            }
            break;
        default:
            fputs(usage, opt == 'h' ? stdout : stderr);
            return opt == 'h' ? 0 : 2;
        }
    }
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
    int l = listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
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
    /* Deadlines are checked a few times per timeout, not to the ms. */
    int tick = timeout_ms / 4 < 1000 ? (int)(timeout_ms / 4) + 1 : 1000;
    long next_check = now_ms() + tick;
    while (limit < 0 || served < limit) {
        struct epoll_event evs[MAX_EVENTS];
        int n = epoll_wait(ep, evs, MAX_EVENTS, nconns ? tick : -1);
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
            else if ((evs[i].events & EPOLLOUT) && !c->closing)
                after(c, serve(c));
            else
                on_readable(c);
        }
        long now = now_ms();
        if (now >= next_check) {
            expire(now);
            next_check = now + tick;
        }
    }
    printf("httpd: served %ld requests\n", served);
    return 0;
}
