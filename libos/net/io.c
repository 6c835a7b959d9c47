/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* io.c: sending, receiving, blocking and socket options. */
#include <errno.h>
#include <fcntl.h>
#include <ingot/plat.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>

#include "lwip/tcp.h"
#include "lwip/udp.h"

#include "sock_internal.h"

#define NS_PER_SEC 1000000000ull
#define NS_PER_US 1000ull

uint64_t ig_sock_deadline(uint64_t timeout)
{
    return timeout ? ig_plat_clock_monotonic() + timeout : UINT64_MAX;
}

int ig_sock_block(struct ig_sock *s, int nonblock, uint64_t deadline,
                  int *polled)
{
    if (!*polled) {
        *polled = 1;
        ig_net_poll();
        return 0;
    }
    if (nonblock || ig_plat_clock_monotonic() >= deadline)
        return -EAGAIN;
    s->waiters++;
    int r = ig_waitq_wait_intr(&s->wq, deadline);
    s->waiters--;
    if (s->closed) {
        if (s->waiters == 0)
            ig_sock_free(s);
        return -EBADF;
    }
    /* Linux makes a socket call with a timeout (SO_RCVTIMEO, SO_SNDTIMEO)
     * fail with EINTR after any handler, others again after SA_RESTART. */
    if (r == -IG_ERESTART)
        return deadline == UINT64_MAX ? -IG_ERESTART : -IG_ERESTARTNOHAND;
    /* Woken: look again, and at the network, before sleeping again. */
    *polled = 0;
    return 0;
}

long ig_sock_file_sendmsg(struct ig_file *f, const struct msghdr *msg,
                          int flags)
{
    struct ig_sock *s = f->priv;
    int nonblock = (f->flags & O_NONBLOCK) || (flags & MSG_DONTWAIT);
    ip_addr_t ip, *to = NULL;
    uint16_t port = 0;
    long total = 0, r;
    int polled = 0;

    if (msg->msg_iovlen < 0 || msg->msg_iovlen > 1024)
        return -EINVAL;
    if (msg->msg_name && s->type == SOCK_DGRAM) {
        r = ig_sock_addr_in(msg->msg_name, msg->msg_namelen, &ip, &port);
        if (r < 0)
            return r;
        to = &ip;
    }
    if (s->type == SOCK_DGRAM) {
        /* One datagram: gather the pieces first. */
        size_t len = 0;
        for (int i = 0; i < msg->msg_iovlen; i++)
            len += msg->msg_iov[i].iov_len;
        if (len > 65507)
            return -EMSGSIZE;
        char small[2048], *buf = len <= sizeof(small) ? small : malloc(len);
        if (!buf)
            return -ENOMEM;
        for (int i = 0, at = 0; i < msg->msg_iovlen; i++) {
            memcpy(buf + at, msg->msg_iov[i].iov_base, msg->msg_iov[i].iov_len);
            at += (int)msg->msg_iov[i].iov_len;
        }
        r = ig_udp_try_send(s, buf, len, to, port);
        if (buf != small)
            free(buf);
        return r;
    }
    uint64_t deadline = ig_sock_deadline(s->sndtimeo);
    for (int i = 0; i < msg->msg_iovlen; i++) {
        const char *p = msg->msg_iov[i].iov_base;
        size_t left = msg->msg_iov[i].iov_len;
        while (left) {
            int more = (flags & MSG_MORE) || i + 1 < msg->msg_iovlen;
            r = ig_tcp_try_send(s, p, left, more);
            if (r == -EAGAIN) {
                /* Partial progress is success for a non-blocking send. */
                if (total && nonblock)
                    return total;
                r = ig_sock_block(s, nonblock, deadline, &polled);
                if (r < 0)
                    return total ? total : r;
                continue;
            }
            if (r < 0)
                return total ? total : r;
            p += r;
            left -= (size_t)r;
            total += r;
        }
    }
    if (s->tcp && (flags & MSG_MORE) == 0)
        tcp_output(s->tcp);
    return total;
}

long ig_sock_file_recvmsg(struct ig_file *f, struct msghdr *msg, int flags)
{
    struct ig_sock *s = f->priv;
    int nonblock = (f->flags & O_NONBLOCK) || (flags & MSG_DONTWAIT);
    int peek = (flags & MSG_PEEK) != 0, polled = 0, trunc = 0;
    uint64_t deadline = ig_sock_deadline(s->rcvtimeo);
    long total = 0, r;

    if (msg->msg_iovlen < 0 || msg->msg_iovlen > 1024)
        return -EINVAL;
    msg->msg_flags = 0;
    msg->msg_controllen = 0;
    if (s->type == SOCK_DGRAM) {
        ip_addr_t ip;
        uint16_t port;
        void *buf = msg->msg_iovlen ? msg->msg_iov[0].iov_base : NULL;
        size_t len = 0;
        /* One datagram across the vector: several buffers take it through
         * one of their whole size. */
        for (int i = 0; i < msg->msg_iovlen; i++)
            len += msg->msg_iov[i].iov_len;
        if (msg->msg_iovlen > 1 && !(buf = malloc(len ? len : 1)))
            return -ENOMEM;
        while ((r = ig_udp_try_recv(s, buf, len, peek, &ip, &port, &trunc)) ==
               -EAGAIN) {
            r = ig_sock_block(s, nonblock, deadline, &polled);
            if (r < 0)
                break;
        }
        if (msg->msg_iovlen > 1) {
            for (int i = 0, at = 0; r > 0 && i < msg->msg_iovlen && at < r;
                 i++) {
                size_t k = msg->msg_iov[i].iov_len;
                if (k > (size_t)(r - at))
                    k = (size_t)(r - at);
                memcpy(msg->msg_iov[i].iov_base, (char *)buf + at, k);
                at += (int)k;
            }
            free(buf);
        }
        if (r < 0)
            return r;
        if (r >= 0 && msg->msg_name)
            ig_sock_addr_out(&ip, port, msg->msg_name, &msg->msg_namelen);
        if (trunc)
            msg->msg_flags |= MSG_TRUNC;
        return r;
    }
    for (int i = 0; i < msg->msg_iovlen; i++) {
        char *p = msg->msg_iov[i].iov_base;
        size_t want = msg->msg_iov[i].iov_len;
        while (want) {
            r = ig_tcp_try_recv(s, p, want, peek);
            if (r == -EAGAIN) {
                if (total && !(flags & MSG_WAITALL))
                    return total;
                r = ig_sock_block(s, nonblock, deadline, &polled);
                if (r < 0)
                    return total ? total : r;
                continue;
            }
            if (r <= 0)
                return total ? total : r;
            total += r;
            p += r;
            want -= (size_t)r;
            if (peek)
                return total;
        }
    }
    if (msg->msg_name)
        msg->msg_namelen = 0;
    return total;
}

long ig_sock_sendmsg(int fd, const struct msghdr *msg, int flags)
{
    struct ig_sock *s;
    struct ig_file *f;
    int r = ig_sock_get(fd, &s, &f);

    return r < 0 ? r : ig_sock_file_sendmsg(f, msg, flags);
}

long ig_sock_recvmsg(int fd, struct msghdr *msg, int flags)
{
    struct ig_sock *s;
    struct ig_file *f;
    int r = ig_sock_get(fd, &s, &f);

    return r < 0 ? r : ig_sock_file_recvmsg(f, msg, flags);
}

/*
 * SO_REUSEADDR and SO_REUSEPORT read back as set, each on its own, as on
 * Linux.  lwIP knows one flag, SOF_REUSEADDR, which either sets: a port
 * whose connections wait in TIME-WAIT can be bound again.  Several
 * listeners on one port (SO_REUSEPORT's load sharing) are not provided:
 * the second listen() fails with EADDRINUSE.
 */
static int set_reuse(struct ig_sock *s, unsigned bit, int on)
{
    if (on)
        s->opts |= bit;
    else
        s->opts &= ~bit;
    int any = (s->opts & (IG_SOCK_O_REUSEADDR | IG_SOCK_O_REUSEPORT)) != 0;
    if (s->tcp && any)
        ip_set_option(s->tcp, SOF_REUSEADDR);
    else if (s->tcp)
        ip_reset_option(s->tcp, SOF_REUSEADDR);
    if (s->udp && any)
        ip_set_option(s->udp, SOF_REUSEADDR);
    else if (s->udp)
        ip_reset_option(s->udp, SOF_REUSEADDR);
    return 0;
}

static unsigned reuse_bit(int level, int name)
{
    if (level != SOL_SOCKET)
        return 0;
    return name == SO_REUSEADDR   ? IG_SOCK_O_REUSEADDR
           : name == SO_REUSEPORT ? IG_SOCK_O_REUSEPORT
                                  : 0;
}

int ig_sock_setsockopt(int fd, int level, int name, const void *val,
                       unsigned len)
{
    struct ig_sock *s;
    int r = ig_sock_get(fd, &s, NULL);

    if (r < 0)
        return r;
    if (!val)
        return -EFAULT;
    if (level == SOL_SOCKET && (name == SO_RCVTIMEO || name == SO_SNDTIMEO)) {
        const struct timeval *tv = val;
        if (len < sizeof(*tv))
            return -EINVAL;
        if (tv->tv_sec < 0 || tv->tv_usec < 0 || tv->tv_usec >= 1000000)
            return -EDOM;
        uint64_t ns = (uint64_t)tv->tv_sec * NS_PER_SEC +
                      (uint64_t)tv->tv_usec * NS_PER_US;
        *(name == SO_RCVTIMEO ? &s->rcvtimeo : &s->sndtimeo) = ns;
        return 0;
    }
    if (level == SOL_SOCKET && name == SO_LINGER) {
        /* Accepted only as "off", what close() does here. */
        const struct linger *l = val;
        if (len < sizeof(*l))
            return -EINVAL;
        return l->l_onoff ? -ENOPROTOOPT : 0;
    }
    if (len < sizeof(int))
        return -EINVAL;
    int v = *(const int *)val;
    if (level == SOL_SOCKET && (name == SO_RCVBUF || name == SO_SNDBUF))
        return 0; /* lwIP's windows are fixed at build time (lwipopts.h) */
    if (reuse_bit(level, name))
        return set_reuse(s, reuse_bit(level, name), v != 0);
    if (level != SOL_SOCKET && level != IPPROTO_TCP)
        return -ENOPROTOOPT;
    return s->type == SOCK_STREAM ? ig_tcp_setopt(s, level, name, v)
                                  : ig_udp_setopt(s, level, name, v);
}

int ig_sock_getsockopt(int fd, int level, int name, void *val, unsigned *len)
{
    struct ig_sock *s;
    int r = ig_sock_get(fd, &s, NULL), v;

    if (r < 0)
        return r;
    if (!val || !len)
        return -EFAULT;
    if (level == SOL_SOCKET && (name == SO_RCVTIMEO || name == SO_SNDTIMEO)) {
        uint64_t ns = name == SO_RCVTIMEO ? s->rcvtimeo : s->sndtimeo;
        struct timeval tv = {.tv_sec = (time_t)(ns / NS_PER_SEC),
                             .tv_usec =
                                 (suseconds_t)(ns % NS_PER_SEC / NS_PER_US)};
        memcpy(val, &tv, *len < sizeof(tv) ? *len : sizeof(tv));
        *len = sizeof(tv);
        return 0;
    }
    if (level == SOL_SOCKET && name == SO_ERROR) {
        v = s->err;
        s->err = 0;
    } else if (level == SOL_SOCKET && name == SO_TYPE) {
        v = s->type;
    } else if (level == SOL_SOCKET && name == SO_RCVBUF) {
        v = s->type == SOCK_STREAM ? TCP_WND : 65536;
    } else if (level == SOL_SOCKET && name == SO_SNDBUF) {
        v = s->type == SOCK_STREAM ? TCP_SND_BUF : 65536;
    } else if (reuse_bit(level, name)) {
        v = (s->opts & reuse_bit(level, name)) != 0;
    } else if (level == SOL_SOCKET || level == IPPROTO_TCP) {
        r = s->type == SOCK_STREAM ? ig_tcp_getopt(s, level, name, &v)
                                   : ig_udp_getopt(s, level, name, &v);
        if (r < 0)
            return r;
    } else {
        return -ENOPROTOOPT;
    }
    memcpy(val, &v, *len < sizeof(v) ? *len : sizeof(v));
    *len = sizeof(v);
    return 0;
}
