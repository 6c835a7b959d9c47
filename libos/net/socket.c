/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* socket.c: sockets as descriptors: creation, addresses, options. */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>

#include "lwip/err.h"
#include "lwip/pbuf.h"
#include "lwip/tcp.h"

#include "sock_internal.h"

#define NS_PER_SEC 1000000000ull

int ig_sock_err(int lwip_err)
{
    switch (lwip_err) {
    case ERR_OK:
        return 0;
    case ERR_MEM:
    case ERR_BUF:
        return -ENOMEM;
    case ERR_TIMEOUT:
        return -ETIMEDOUT;
    case ERR_RTE:
        return -EHOSTUNREACH;
    case ERR_INPROGRESS:
        return -EINPROGRESS;
    case ERR_VAL:
    case ERR_ARG:
        return -EINVAL;
    case ERR_WOULDBLOCK:
        return -EAGAIN;
    case ERR_USE:
        return -EADDRINUSE;
    case ERR_ALREADY:
        return -EALREADY;
    case ERR_ISCONN:
        return -EISCONN;
    case ERR_CONN:
        return -ENOTCONN;
    case ERR_ABRT:
        return -ECONNABORTED;
    case ERR_RST:
        return -ECONNRESET;
    case ERR_CLSD:
        return -ENOTCONN;
    default:
        return -EIO;
    }
}

void ig_sock_wake(struct ig_sock *s)
{
    s->event = ig_file_event();
    ig_waitq_wake_all(&s->wq);
    ig_file_notify();
}

void ig_sock_rx_drop(struct ig_sock *s)
{
    struct ig_sock_pkt *k = IG_SOCK_PKT(ig_list_pop_head(&s->rx));

    pbuf_free(k->p);
    free(k);
}

struct ig_sock *ig_sock_new(int type)
{
    struct ig_sock *s = calloc(1, sizeof(*s));

    if (s)
        s->type = type;
    return s;
}

void ig_sock_free(struct ig_sock *s)
{
    free(s);
}

static ssize_t sock_read(struct ig_file *f, void *buf, size_t len, off_t *off)
{
    struct iovec iov = {buf, len};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1};

    (void)off;
    return ig_sock_file_recvmsg(f, &m, 0);
}

static ssize_t sock_write(struct ig_file *f, const void *buf, size_t len,
                          off_t *off)
{
    struct iovec iov = {(void *)buf, len};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1};

    (void)off;
    return ig_sock_file_sendmsg(f, &m, 0);
}

static ssize_t sock_readv(struct ig_file *f, const struct iovec *iov, int n)
{
    struct msghdr m = {.msg_iov = (struct iovec *)iov, .msg_iovlen = n};

    return ig_sock_file_recvmsg(f, &m, 0);
}

static ssize_t sock_writev(struct ig_file *f, const struct iovec *iov, int n)
{
    struct msghdr m = {.msg_iov = (struct iovec *)iov, .msg_iovlen = n};

    return ig_sock_file_sendmsg(f, &m, 0);
}

static int sock_stat(struct ig_file *f, struct stat *st)
{
    (void)f;
    *st = (struct stat){0};
    st->st_mode = S_IFSOCK | 0777;
    st->st_nlink = 1;
    st->st_blksize = 4096;
    return 0;
}

static unsigned sock_poll(struct ig_file *f)
{
    struct ig_sock *s = f->priv;

    return s->type == SOCK_STREAM ? ig_tcp_poll(s) : ig_udp_poll(s);
}

static uint64_t sock_event(struct ig_file *f)
{
    return ((struct ig_sock *)f->priv)->event;
}

/* FIONREAD: the bytes a read would return (TCP), or the size of the next
 * datagram (UDP), as Linux's SIOCINQ; a listening socket has no data
 * stream (-EINVAL, as on Linux). */
static int sock_ioctl(struct ig_file *f, unsigned long req, void *arg)
{
    struct ig_sock *s = f->priv;
    size_t n;

    if (req != IG_FIONREAD)
        return -ENOTTY;
    if (s->type == SOCK_STREAM) {
        if (s->state == IG_SOCK_LISTENING)
            return -EINVAL;
        n = s->rx_bytes;
    } else {
        struct ig_sock_pkt *k = ig_sock_rx_first(s);
        n = k ? k->p->tot_len : 0;
    }
    *(int *)arg = n > INT32_MAX ? INT32_MAX : (int)n;
    return 0;
}

static void sock_release(struct ig_file *f)
{
    struct ig_sock *s = f->priv;

    if (s->type == SOCK_STREAM)
        ig_tcp_close(s);
    else
        ig_udp_close(s);
    /* Threads still blocked on it (another thread closed it) wake with
     * EBADF; the last of them frees it (ig_sock_block). */
    s->closed = 1;
    ig_sock_wake(s);
    if (!s->waiters)
        ig_sock_free(s);
}

static const struct ig_file_ops sock_ops = {
    .read = sock_read,
    .write = sock_write,
    .stat = sock_stat,
    .poll = sock_poll,
    .event = sock_event,
    .ioctl = sock_ioctl,
    .readv = sock_readv,
    .writev = sock_writev,
    .release = sock_release,
};

void ig_sock_close_all(void)
{
    for (int fd = 0, end = ig_vfs_fd_end(); fd < end; fd++) {
        struct ig_file *f = ig_fd_get(fd);
        if (f && f->ops == &sock_ops)
            ig_vfs_close(fd);
    }
}

int ig_sock_get(int fd, struct ig_sock **out, struct ig_file **f)
{
    struct ig_file *file = ig_fd_get(fd);

    if (!file)
        return -EBADF;
    if (file->ops != &sock_ops)
        return -ENOTSOCK;
    *out = file->priv;
    if (f)
        *f = file;
    return 0;
}

/* A strong reference: linking socket() links the stack and its start-up
 * (net.c, which registers the component), which nothing else names. */
static int (*const net_init_ref)(void) __attribute__((used)) = ig_net_init;

int ig_sock_socket(int domain, int type, int protocol)
{
    int kind = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    struct ig_sock *s;
    int r;

    if (domain != AF_INET)
        return -EAFNOSUPPORT;
    if (kind == SOCK_RAW)
        return -EPROTONOSUPPORT;
    if (kind != SOCK_STREAM && kind != SOCK_DGRAM)
        return -EINVAL;
    if (protocol != 0 &&
        protocol != (kind == SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP))
        return -EPROTONOSUPPORT;
    if (!(s = ig_sock_new(kind)))
        return -ENOMEM;
    r = kind == SOCK_STREAM ? ig_tcp_open(s) : ig_udp_open(s);
    if (r < 0) {
        ig_sock_free(s);
        return r;
    }
    /* SOCK_CLOEXEC has nothing to do: an image never executes another
     * program. */
    r = ig_fd_install(&sock_ops,
                      O_RDWR | ((type & SOCK_NONBLOCK) ? O_NONBLOCK : 0), s);
    return r; /* on -EMFILE the file was released, closing the socket */
}

int ig_sock_addr_in(const struct sockaddr *sa, unsigned len, ip_addr_t *ip,
                    uint16_t *port)
{
    const struct sockaddr_in *in = (const struct sockaddr_in *)sa;

    if (!sa || len < sizeof(sa_family_t))
        return -EINVAL;
    if (sa->sa_family != AF_INET)
        return -EAFNOSUPPORT;
    if (len < sizeof(*in))
        return -EINVAL;
    ip_addr_set_zero(ip);
    ip4_addr_set_u32(ip_2_ip4(ip), in->sin_addr.s_addr);
    *port = ntohs(in->sin_port);
    return 0;
}

void ig_sock_addr_out(const ip_addr_t *ip, uint16_t port, struct sockaddr *sa,
                      unsigned *len)
{
    struct sockaddr_in in = {.sin_family = AF_INET};

    in.sin_port = htons(port);
    in.sin_addr.s_addr = ip4_addr_get_u32(ip_2_ip4(ip));
    if (sa && len)
        memcpy(sa, &in, *len < sizeof(in) ? *len : sizeof(in));
    if (len)
        *len = sizeof(in);
}

int ig_sock_bind(int fd, const struct sockaddr *sa, unsigned len)
{
    struct ig_sock *s;
    ip_addr_t ip;
    uint16_t port;
    int r = ig_sock_get(fd, &s, NULL);

    if (r == 0)
        r = ig_sock_addr_in(sa, len, &ip, &port);
    if (r < 0)
        return r;
    return s->type == SOCK_STREAM ? ig_tcp_bind(s, &ip, port)
                                  : ig_udp_bind(s, &ip, port);
}

int ig_sock_listen(int fd, int backlog)
{
    struct ig_sock *s;
    int r = ig_sock_get(fd, &s, NULL);

    if (r < 0)
        return r;
    if (s->type != SOCK_STREAM)
        return -EOPNOTSUPP;
    return ig_tcp_listen(s, backlog);
}

int ig_sock_accept(int fd, struct sockaddr *sa, unsigned *len, int flags)
{
    struct ig_sock *s, *c;
    struct ig_file *f;
    int r = ig_sock_get(fd, &s, &f), polled = 0;

    if (r < 0)
        return r;
    int nonblock = f->flags & O_NONBLOCK;
    if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
        return -EINVAL;
    if (s->type != SOCK_STREAM)
        return -EOPNOTSUPP;
    uint64_t deadline = ig_sock_deadline(s->rcvtimeo);
    while ((r = ig_tcp_try_accept(s, &c)) == -EAGAIN) {
        r = ig_sock_block(s, nonblock, deadline, &polled);
        if (r < 0)
            return r;
    }
    if (r < 0)
        return r;
    r = ig_fd_install(&sock_ops,
                      O_RDWR | ((flags & SOCK_NONBLOCK) ? O_NONBLOCK : 0), c);
    if (r < 0)
        return r; /* the connection was closed with the file */
    if (sa || len) {
        ip_addr_t ip;
        uint16_t port;
        ig_tcp_name(c, 1, &ip, &port);
        ig_sock_addr_out(&ip, port, sa, len);
    }
    return r;
}

int ig_sock_connect(int fd, const struct sockaddr *sa, unsigned len)
{
    struct ig_sock *s;
    struct ig_file *f;
    ip_addr_t ip;
    uint16_t port;
    int r = ig_sock_get(fd, &s, &f), polled = 0;

    if (r < 0)
        return r;
    if (s->type == SOCK_DGRAM && sa && len >= sizeof(sa_family_t) &&
        sa->sa_family == AF_UNSPEC) {
        ip_addr_set_zero(&ip);
        return ig_udp_connect(s, &ip, 0);
    }
    if ((r = ig_sock_addr_in(sa, len, &ip, &port)) < 0)
        return r;
    if (s->type == SOCK_DGRAM)
        return ig_udp_connect(s, &ip, port);
    if ((r = ig_tcp_connect(s, &ip, port)) < 0)
        return r;
    if (f->flags & O_NONBLOCK)
        return -EINPROGRESS;
    uint64_t deadline = ig_sock_deadline(s->sndtimeo);
    while ((r = ig_tcp_try_connected(s)) == -EAGAIN) {
        r = ig_sock_block(s, 0, deadline, &polled);
        if (r == -EAGAIN)
            return -EINPROGRESS; /* SO_SNDTIMEO passed; it goes on */
        if (r < 0)
            return r;
    }
    return r;
}

int ig_sock_shutdown(int fd, int how)
{
    struct ig_sock *s;
    int r = ig_sock_get(fd, &s, NULL);

    if (r < 0)
        return r;
    if (how != SHUT_RD && how != SHUT_WR && how != SHUT_RDWR)
        return -EINVAL;
    int rd = how != SHUT_WR, wr = how != SHUT_RD;
    if (s->type == SOCK_STREAM)
        return ig_tcp_shutdown(s, rd, wr);
    if (s->state != IG_SOCK_CONNECTED)
        return -ENOTCONN;
    s->shut_rd |= rd;
    s->shut_wr |= wr;
    ig_sock_wake(s);
    return 0;
}

int ig_sock_name(int fd, int peer, struct sockaddr *sa, unsigned *len)
{
    struct ig_sock *s;
    ip_addr_t ip;
    uint16_t port;
    int r = ig_sock_get(fd, &s, NULL);

    if (r < 0)
        return r;
    if (!len)
        return -EFAULT;
    r = s->type == SOCK_STREAM ? ig_tcp_name(s, peer, &ip, &port)
                               : ig_udp_name(s, peer, &ip, &port);
    if (r == 0)
        ig_sock_addr_out(&ip, port, sa, len);
    return r;
}
