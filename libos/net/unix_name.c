/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* unix_name.c: AF_UNIX names (paths, abstract) and connections. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "unix_sock.h"

/* ---- names ---------------------------------------------------------- */

/* Checks (addr, len) and finds the length of its name: a path (NUL at
 * or before the end) or an abstract name (leading NUL). */
int ig_unix_check_addr(const struct sockaddr *addr, socklen_t len,
                       struct sockaddr_un *out, socklen_t *outlen)
{
    const size_t base = offsetof(struct sockaddr_un, sun_path);

    if (!addr)
        return -EFAULT;
    if (len < sizeof(sa_family_t) || len > sizeof(struct sockaddr_un))
        return -EINVAL;
    if (addr->sa_family != AF_UNIX)
        return -EINVAL;
    memset(out, 0, sizeof(*out));
    memcpy(out, addr, len);
    if (len == base) {
        *outlen = (socklen_t)base;
        return 0;
    }
    if (out->sun_path[0] == '\0') {
        *outlen = len; /* abstract: every byte counts */
        return 0;
    }
    size_t n = strnlen(out->sun_path, len - base);
    if (n == sizeof(out->sun_path))
        return -EINVAL; /* no room for the NUL Linux would add */
    *outlen = (socklen_t)(base + n + 1);
    return 0;
}

static int is_abstract(const struct sockaddr_un *a, socklen_t len)
{
    return len > offsetof(struct sockaddr_un, sun_path) && a->sun_path[0] == 0;
}

/* The ig_unix_bound socket (a, len) names: -ENOENT for a missing path,
 * -ECONNREFUSED when nothing is ig_unix_bound there. */
int ig_unix_find(const struct sockaddr_un *a, socklen_t len, struct usock **out)
{
    if (is_abstract(a, len)) {
        for (struct usock *b = ig_unix_bound; b; b = b->next_bound)
            if (b->namelen == len && !memcmp(&b->name, a, len)) {
                *out = b;
                return 0;
            }
        return -ECONNREFUSED;
    }
    struct stat st;
    int r = ig_vfs_stat(AT_FDCWD, a->sun_path, &st);
    if (r < 0)
        return r;
    if (!S_ISSOCK(st.st_mode))
        return -ECONNREFUSED;
    for (struct usock *b = ig_unix_bound; b; b = b->next_bound)
        if (!is_abstract(&b->name, b->namelen) && b->dev == st.st_dev &&
            b->ino == st.st_ino) {
            *out = b;
            return 0;
        }
    return -ECONNREFUSED;
}

int ig_unix_bind(int fd, const struct sockaddr *addr, socklen_t len)
{
    struct usock *s;
    struct sockaddr_un a;
    socklen_t alen;
    int r = ig_unix_get(fd, &s, NULL);

    if (!r)
        r = ig_unix_check_addr(addr, len, &a, &alen);
    if (r)
        return r;
    if (s->namelen) {
        /* Linux tries to make the node first. */
        struct stat st;
        return !is_abstract(&a, alen) &&
                       ig_vfs_stat(AT_FDCWD, a.sun_path, &st) == 0
                   ? -EADDRINUSE
                   : -EINVAL;
    }
    if (alen == offsetof(struct sockaddr_un, sun_path))
        return -EINVAL; /* autobind is not supported */
    if (is_abstract(&a, alen)) {
        struct usock *other;
        if (ig_unix_find(&a, alen, &other) == 0)
            return -EADDRINUSE;
    } else {
        struct stat st;
        r = ig_vfs_mksock(a.sun_path, 0777);
        if (r == -EEXIST)
            return -EADDRINUSE;
        if (r == 0)
            r = ig_vfs_stat(AT_FDCWD, a.sun_path, &st);
        if (r)
            return r;
        s->dev = st.st_dev;
        s->ino = st.st_ino;
    }
    s->name = a;
    s->namelen = alen;
    s->next_bound = ig_unix_bound;
    ig_unix_bound = s;
    return 0;
}

int ig_unix_listen(int fd, int backlog)
{
    struct usock *s;
    int r = ig_unix_get(fd, &s, NULL);

    if (r)
        return r;
    if (!ig_unix_conn(s->type))
        return -EOPNOTSUPP;
    if (s->connected || !s->namelen)
        return -EINVAL;
    s->listening = 1;
    s->backlog = backlog < 1 ? 1 : backlog > 4096 ? 4096 : backlog;
    return 0;
}

int ig_unix_connect(int fd, const struct sockaddr *addr, socklen_t len)
{
    struct usock *s, *l;
    struct ig_file *f;
    struct sockaddr_un a;
    socklen_t alen;
    int r = ig_unix_get(fd, &s, &f);

    if (!r)
        r = ig_unix_check_addr(addr, len, &a, &alen);
    if (r)
        return r;
    if (alen == offsetof(struct sockaddr_un, sun_path))
        return -EINVAL;
    if (s->type == SOCK_DGRAM) {
        r = ig_unix_find(&a, alen, &l);
        if (r == 0 && l->type != SOCK_DGRAM)
            r = -EPROTOTYPE; /* Linux finds names of one type only */
        if (r == 0)
            s->peer = l;
        return r;
    }
    if (s->listening)
        return -EINVAL;
    if (s->connected)
        return -EISCONN;
    for (;;) {
        r = ig_unix_find(&a, alen, &l);
        if (r)
            return r;
        if (l->type != s->type)
            return -EPROTOTYPE;
        if (!l->listening)
            return -ECONNREFUSED;
        if (l->npend < l->backlog)
            break;
        r = ig_unix_block(l, f, 0);
        if (r)
            return r;
    }
    struct usock *srv = ig_unix_new(s->type);
    struct usock **p = realloc(l->pend, sizeof(*p) * (size_t)(l->npend + 1));
    if (!srv || !p) {
        free(srv);
        if (p)
            l->pend = p;
        return -ENOMEM;
    }
    l->pend = p;
    srv->name = l->name;
    srv->namelen = l->namelen;
    srv->peer = s;
    srv->connected = 1;
    s->peer = srv;
    s->connected = 1;
    l->pend[l->npend++] = srv;
    ig_unix_wake(l);
    return 0;
}

void ig_unix_put_name(const struct sockaddr_un *name, socklen_t namelen,
                      struct sockaddr *addr, socklen_t *len)
{
    struct sockaddr_un un = {.sun_family = AF_UNIX};
    socklen_t n = namelen ? namelen : sizeof(sa_family_t);

    if (!addr || !len)
        return;
    if (namelen)
        un = *name;
    memcpy(addr, &un, *len < n ? *len : n);
    *len = n;
}

int ig_unix_accept(int fd, struct sockaddr *addr, socklen_t *len, int flags)
{
    struct usock *s;
    struct ig_file *f;
    int r = ig_unix_get(fd, &s, &f);

    if (r)
        return r;
    if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
        return -EINVAL;
    if (!s->listening)
        return -EINVAL;
    while (!s->npend) {
        r = ig_unix_block(s, f, 0);
        if (r)
            return r;
    }
    struct usock *c = s->pend[0];
    memmove(s->pend, s->pend + 1, sizeof(*s->pend) * (size_t)--s->npend);
    r = ig_unix_install(c, flags);
    if (r < 0)
        return r;
    /* The client is unnamed unless it ig_unix_bound a name. */
    if (c->peer)
        ig_unix_put_name(&c->peer->name, c->peer->namelen, addr, len);
    else
        ig_unix_put_name(NULL, 0, addr, len);
    ig_unix_wake(s); /* room in the backlog */
    return r;
}

int ig_unix_name(int fd, int peer, struct sockaddr *addr, socklen_t *len)
{
    struct usock *s;
    int r = ig_unix_get(fd, &s, NULL);

    if (r)
        return r;
    if (!addr || !len)
        return -EFAULT;
    if (!peer) {
        ig_unix_put_name(&s->name, s->namelen, addr, len);
        return 0;
    }
    if (!s->peer)
        return -ENOTCONN;
    ig_unix_put_name(&s->peer->name, s->peer->namelen, addr, len);
    return 0;
}

int ig_unix_shutdown(int fd, int how)
{
    struct usock *s;
    int r = ig_unix_get(fd, &s, NULL);

    if (r)
        return r;
    if (how != SHUT_RD && how != SHUT_WR && how != SHUT_RDWR)
        return -EINVAL;
    if (s->type == SOCK_STREAM && !s->connected)
        return -ENOTCONN; /* seqpacket: Linux shuts it down all the same */
    /* As Linux, a connection's peer gets the mirror image: it reads the
     * end of what this end no longer writes, and writes (EPIPE) no more
     * to what this end no longer reads. */
    int conn = ig_unix_conn(s->type) && s->peer;
    if (how != SHUT_WR) {
        s->shut_rd = 1;
        if (conn)
            s->peer->shut_wr = 1;
    }
    if (how != SHUT_RD) {
        s->shut_wr = 1;
        if (conn)
            s->peer->shut_rd = 1;
    }
    if (s->peer)
        ig_unix_wake(s->peer);
    ig_unix_wake(s);
    return 0;
}
