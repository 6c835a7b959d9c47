/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* unix.c: AF_UNIX sockets: their life, descriptors and options. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "unix_sock.h"

/*
 * Everything stays in the image (unix_sock.h).  A path name is a socket node in
 * the VFS (ig_vfs_mksock), found again by its device and inode numbers, so
 * connect() fails with ENOENT once it is unlinked, as on Linux; abstract
 * names ("\0name") live only in the list of bound sockets.
 */
struct usock *ig_unix_bound;

void ig_unix_wake(struct usock *s)
{
    if (s) {
        s->event = ig_file_event();
        ig_waitq_wake_all(&s->wq);
        ig_file_notify();
    }
}

void ig_unix_wake_waiters(struct usock *s)
{
    ig_waitq_wake_all(&s->wq);
    ig_file_notify();
}

struct usock *ig_unix_new(int type)
{
    struct usock *s = calloc(1, sizeof(*s));

    if (s)
        s->type = type;
    return s;
}

static void free_queue(struct usock *s)
{
    while (s->head) {
        struct umsg *m = s->head;
        s->head = m->next;
        ig_unix_rights_drop(m->rights.files, m->rights.n);
        free(m);
    }
    s->tail = NULL;
    s->bytes = 0;
    s->nmsgs = 0;
}

static void unbind(struct usock *s)
{
    for (struct usock **pp = &ig_unix_bound; *pp; pp = &(*pp)->next_bound)
        if (*pp == s) {
            *pp = s->next_bound;
            break;
        }
}

/* Lets (s) go: its peer sees the end, its queue and pending connections
 * are dropped; the memory waits for threads still blocked on it. */
static void usock_close(struct usock *s)
{
    if (s->peer) {
        s->peer->peer_gone = 1;
        if (s->peer->peer == s)
            s->peer->peer = NULL;
        ig_unix_wake(s->peer);
    }
    /* Datagram sockets connected to (s) lose their destination. */
    for (struct usock *b = ig_unix_bound; b; b = b->next_bound)
        if (b->peer == s)
            b->peer = NULL;
    s->peer = NULL;
    for (int i = 0; i < s->npend; i++)
        usock_close(s->pend[i]);
    free(s->pend);
    s->pend = NULL;
    s->npend = 0;
    unbind(s);
    free_queue(s);
    s->file = NULL;
    ig_unix_wake(s);
    if (!s->waiters)
        free(s);
}

/* Waits on (s) unless (f) is non-blocking.  Returns 0 to look again,
 * -EAGAIN, -EBADF when (s) was closed meanwhile, or -IG_ERESTART. */
int ig_unix_block(struct usock *s, struct ig_file *f, int flags)
{
    if ((f->flags & O_NONBLOCK) || (flags & MSG_DONTWAIT))
        return -EAGAIN;
    s->waiters++;
    int r = ig_waitq_wait_intr(&s->wq, UINT64_MAX);
    s->waiters--;
    if (!s->file) {
        if (!s->waiters)
            free(s);
        return -EBADF;
    }
    return r == -IG_ERESTART ? r : 0;
}

/* ---- descriptors ---------------------------------------------------- */

static ssize_t u_read(struct ig_file *f, void *buf, size_t len, off_t *off)
{
    struct iovec iov = {buf, len};
    int mf = 0;

    (void)off;
    return ig_unix_recv(f->priv, f, &iov, 1, 0, NULL, NULL, &mf, NULL);
}

static ssize_t u_write(struct ig_file *f, const void *buf, size_t len,
                       off_t *off)
{
    struct iovec iov = {(void *)buf, len};

    (void)off;
    return ig_unix_send(f->priv, f, &iov, 1, 0, NULL, 0, NULL);
}

static ssize_t u_readv(struct ig_file *f, const struct iovec *iov, int n)
{
    int mf = 0;

    return ig_unix_recv(f->priv, f, iov, n, 0, NULL, NULL, &mf, NULL);
}

static ssize_t u_writev(struct ig_file *f, const struct iovec *iov, int n)
{
    return ig_unix_send(f->priv, f, iov, n, 0, NULL, 0, NULL);
}

static unsigned u_poll(struct ig_file *f)
{
    struct usock *s = f->priv;
    int conn = ig_unix_conn(s->type);
    /* Linux's two shutdown bits: a shut-down direction of either end
     * (ig_unix_shutdown marks both), and a closed peer, which shuts both. */
    int rcv = s->shut_rd || (conn && s->peer_gone),
        snd = s->shut_wr || (conn && s->peer_gone);
    unsigned r = 0;

    if (s->listening)
        return s->npend ? IG_POLL_IN : 0;
    if (s->head)
        r |= IG_POLL_IN;
    if (rcv)
        r |= IG_POLL_IN | IG_POLL_RDHUP;
    if ((rcv && snd) || (conn && !s->connected))
        r |= IG_POLL_HUP;
    /* Writable as Linux counts it, by the room left for what it sends,
     * even when a write would fail with EPIPE: a shut-down or closed
     * connection reports it, so no writer waits for it forever. */
    if (conn ? !s->connected || !s->peer ||
                   (s->type == SOCK_STREAM ? s->peer->bytes < STREAM_BUF
                                           : s->peer->nmsgs < DGRAM_QLEN)
             : !s->peer || s->peer->nmsgs < DGRAM_QLEN)
        r |= IG_POLL_OUT;
    return r;
}

static uint64_t u_event(struct ig_file *f)
{
    return ((struct usock *)f->priv)->event;
}

static int u_stat(struct ig_file *f, struct stat *st)
{
    (void)f;
    memset(st, 0, sizeof(*st));
    st->st_mode = S_IFSOCK | 0777;
    st->st_nlink = 1;
    st->st_blksize = 4096;
    return 0;
}

static int u_ioctl(struct ig_file *f, unsigned long req, void *arg)
{
    struct usock *s = f->priv;

    if (req != IG_FIONREAD)
        return -ENOTTY;
    /* Linux counts every queued byte of a connection, one datagram. */
    size_t n = ig_unix_conn(s->type) ? s->bytes : s->head ? s->head->len : 0;
    *(int *)arg = n > INT32_MAX ? INT32_MAX : (int)n;
    return 0;
}

static void u_release(struct ig_file *f)
{
    usock_close(f->priv);
}

static const struct ig_file_ops unix_ops = {
    .read = u_read,
    .write = u_write,
    .stat = u_stat,
    .poll = u_poll,
    .event = u_event,
    .ioctl = u_ioctl,
    .readv = u_readv,
    .writev = u_writev,
    .release = u_release,
};

/* A descriptor for (s); on failure (s) is gone (the file's release). */
int ig_unix_install(struct usock *s, int flags)
{
    /* Held across the call: a failed install may have released (s). */
    s->waiters++;
    int fd = ig_fd_install(
        &unix_ops, O_RDWR | ((flags & SOCK_NONBLOCK) ? O_NONBLOCK : 0), s);
    s->waiters--;
    if (fd < 0) {
        free(s);
        return fd;
    }
    s->file = ig_fd_get(fd);
    if (flags & SOCK_CLOEXEC)
        ig_vfs_fcntl(fd, F_SETFD, FD_CLOEXEC);
    return fd;
}

int ig_unix_get(int fd, struct usock **s, struct ig_file **f)
{
    struct ig_file *file = ig_fd_get(fd);

    if (!file)
        return -EBADF;
    if (file->ops != &unix_ops)
        return -ENOTSOCK;
    *s = file->priv;
    if (f)
        *f = file;
    return 0;
}

int ig_unix_owns(int fd)
{
    struct ig_file *f = ig_fd_get(fd);

    return f && f->ops == &unix_ops;
}

int ig_unix_socket(int type, int protocol)
{
    int kind = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);

    if (kind != SOCK_STREAM && kind != SOCK_DGRAM && kind != SOCK_SEQPACKET)
        return -EINVAL;
    if (protocol != 0)
        return -EPROTONOSUPPORT;
    struct usock *s = ig_unix_new(kind);
    if (!s)
        return -ENOMEM;
    return ig_unix_install(s, type);
}

int ig_unix_socketpair(int type, int protocol, int sv[2])
{
    int kind = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    int a = ig_unix_socket(type, protocol), b;

    if (a < 0)
        return a;
    b = ig_unix_socket(type, protocol);
    if (b < 0) {
        ig_vfs_close(a);
        return b;
    }
    struct usock *sa = ig_fd_get(a)->priv, *sb = ig_fd_get(b)->priv;
    sa->peer = sb;
    sb->peer = sa;
    sa->connected = sb->connected = ig_unix_conn(kind);
    sv[0] = a;
    sv[1] = b;
    return 0;
}

int ig_unix_getsockopt(int fd, int level, int name, void *val, socklen_t *len)
{
    struct usock *s;
    int r = ig_unix_get(fd, &s, NULL), v;

    if (r)
        return r;
    if (!val || !len)
        return -EFAULT;
    if (level != SOL_SOCKET)
        return -ENOPROTOOPT;
    switch (name) {
    case SO_TYPE:
        v = s->type;
        break;
    case SO_ERROR:
        v = 0;
        break;
    case SO_ACCEPTCONN:
        v = s->listening;
        break;
    case SO_SNDBUF:
    case SO_RCVBUF:
        v = STREAM_BUF;
        break;
    default:
        return -ENOPROTOOPT;
    }
    if (*len < sizeof(int))
        return -EINVAL;
    memcpy(val, &v, sizeof(v));
    *len = sizeof(v);
    return 0;
}

int ig_unix_setsockopt(int fd, int level, int name, const void *val,
                       socklen_t len)
{
    struct usock *s;
    int r = ig_unix_get(fd, &s, NULL);

    if (r)
        return r;
    if (level != SOL_SOCKET)
        return -ENOPROTOOPT;
    if (!val || len < sizeof(int))
        return -EINVAL;
    switch (name) {
    case SO_SNDBUF:
    case SO_RCVBUF:
    case SO_REUSEADDR:
    case SO_KEEPALIVE:
    case 16: /* SO_PASSCRED: credentials are always the image's */
        return 0;
    default:
        return -ENOPROTOOPT;
    }
}
