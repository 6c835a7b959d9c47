/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* unix.c: AF_UNIX sockets: stream and datagram, path and abstract names. */
#include <errno.h>
#include <fcntl.h>
#include <ingot/sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include "unix_internal.h"

/*
 * Everything stays in the image: a connected stream socket writes into
 * its peer's receive queue, a datagram goes to the queue of the socket
 * bound to its destination.  A path name is a socket node in the VFS
 * (ig_vfs_mksock), found again by its device and inode numbers, so
 * connect() fails with ENOENT once it is unlinked, as on Linux; abstract
 * names ("\0name") live only in the list of bound sockets.
 */
#define STREAM_BUF (208 * 1024) /* Linux's default socket buffer */
#define DGRAM_QLEN 64

struct umsg {
    struct umsg *next;
    struct ig_unix_rights rights; /* descriptors sent with it */
    size_t len, off;
    struct sockaddr_un from;
    socklen_t fromlen;
    char data[];
};

struct usock {
    int type;
    int listening, connected, peer_gone, shut_rd, shut_wr;
    struct usock *peer; /* stream: the other end; dgram: connect()ed */
    struct umsg *head, *tail;
    size_t bytes;
    int nmsgs;
    struct usock **pend; /* listening: connected, not accepted yet */
    int npend, backlog;
    struct sockaddr_un name;
    socklen_t namelen; /* 0: unnamed */
    dev_t dev;         /* a path name's socket node */
    ino_t ino;
    struct usock *next_bound;
    struct ig_file *file; /* NULL before accept() and after close */
    int waiters;
    struct ig_waitq wq;
};

static struct usock *bound;

static void wake(struct usock *s)
{
    if (s) {
        ig_waitq_wake_all(&s->wq);
        ig_file_notify();
    }
}

static struct usock *usock_new(int type)
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
    for (struct usock **pp = &bound; *pp; pp = &(*pp)->next_bound)
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
        wake(s->peer);
    }
    /* Datagram sockets connected to (s) lose their destination. */
    for (struct usock *b = bound; b; b = b->next_bound)
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
    wake(s);
    if (!s->waiters)
        free(s);
}

/* Waits on (s) unless (f) is non-blocking.  Returns 0 to look again,
 * -EAGAIN, -EBADF when (s) was closed meanwhile, or -IG_ERESTART. */
static int block(struct usock *s, struct ig_file *f, int flags)
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

static long do_send(struct usock *s, struct ig_file *f, const struct iovec *iov,
                    int niov, int flags, const struct sockaddr_un *to,
                    socklen_t tolen, struct ig_unix_rights *rt);
static long do_recv(struct usock *s, struct ig_file *f, const struct iovec *iov,
                    int niov, int flags, struct sockaddr_un *from,
                    socklen_t *fromlen, int *mflags, struct ig_unix_rights *rt);

static ssize_t u_read(struct ig_file *f, void *buf, size_t len, off_t *off)
{
    struct iovec iov = {buf, len};
    int mf = 0;

    (void)off;
    return do_recv(f->priv, f, &iov, 1, 0, NULL, NULL, &mf, NULL);
}

static ssize_t u_write(struct ig_file *f, const void *buf, size_t len,
                       off_t *off)
{
    struct iovec iov = {(void *)buf, len};

    (void)off;
    return do_send(f->priv, f, &iov, 1, 0, NULL, 0, NULL);
}

static unsigned u_poll(struct ig_file *f)
{
    struct usock *s = f->priv;
    unsigned r = 0;

    if (s->listening)
        return s->npend ? IG_POLL_IN : 0;
    if (s->head || s->shut_rd || (s->type == SOCK_STREAM && s->peer_gone))
        r |= IG_POLL_IN;
    if (s->type == SOCK_STREAM) {
        if (s->peer_gone)
            r |= IG_POLL_HUP | IG_POLL_RDHUP;
        else if (s->connected && s->peer && s->peer->bytes < STREAM_BUF &&
                 !s->shut_wr)
            r |= IG_POLL_OUT;
    } else if (!s->peer || s->peer->nmsgs < DGRAM_QLEN) {
        r |= IG_POLL_OUT;
    }
    return r;
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
    size_t n = s->type == SOCK_STREAM ? s->bytes : s->head ? s->head->len : 0;
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
    .ioctl = u_ioctl,
    .release = u_release,
};

/* A descriptor for (s); on failure (s) is gone (the file's release). */
static int install(struct usock *s, int flags)
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

static int get(int fd, struct usock **s, struct ig_file **f)
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
    if (kind == SOCK_SEQPACKET)
        return -EPROTONOSUPPORT; /* not implemented yet */
    if (protocol != 0)
        return -EPROTONOSUPPORT;
    struct usock *s = usock_new(kind);
    if (!s)
        return -ENOMEM;
    return install(s, type);
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
    sa->connected = sb->connected = kind == SOCK_STREAM;
    sv[0] = a;
    sv[1] = b;
    return 0;
}

/* ---- names ---------------------------------------------------------- */

/* Checks (addr, len) and finds the length of its name: a path (NUL at
 * or before the end) or an abstract name (leading NUL). */
static int check_addr(const struct sockaddr *addr, socklen_t len,
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

/* The bound socket (a, len) names: -ENOENT for a missing path,
 * -ECONNREFUSED when nothing is bound there. */
static int find(const struct sockaddr_un *a, socklen_t len, struct usock **out)
{
    if (is_abstract(a, len)) {
        for (struct usock *b = bound; b; b = b->next_bound)
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
    for (struct usock *b = bound; b; b = b->next_bound)
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
    int r = get(fd, &s, NULL);

    if (!r)
        r = check_addr(addr, len, &a, &alen);
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
        if (find(&a, alen, &other) == 0)
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
    s->next_bound = bound;
    bound = s;
    return 0;
}

int ig_unix_listen(int fd, int backlog)
{
    struct usock *s;
    int r = get(fd, &s, NULL);

    if (r)
        return r;
    if (s->type != SOCK_STREAM)
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
    int r = get(fd, &s, &f);

    if (!r)
        r = check_addr(addr, len, &a, &alen);
    if (r)
        return r;
    if (alen == offsetof(struct sockaddr_un, sun_path))
        return -EINVAL;
    if (s->type == SOCK_DGRAM) {
        r = find(&a, alen, &l);
        if (r == 0)
            s->peer = l;
        return r;
    }
    if (s->listening)
        return -EINVAL;
    if (s->connected)
        return -EISCONN;
    for (;;) {
        r = find(&a, alen, &l);
        if (r)
            return r;
        if (!l->listening || l->type != SOCK_STREAM)
            return -ECONNREFUSED;
        if (l->npend < l->backlog)
            break;
        r = block(l, f, 0);
        if (r)
            return r;
    }
    struct usock *srv = usock_new(SOCK_STREAM);
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
    wake(l);
    return 0;
}

static void put_name(const struct sockaddr_un *name, socklen_t namelen,
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
    int r = get(fd, &s, &f);

    if (r)
        return r;
    if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
        return -EINVAL;
    if (!s->listening)
        return -EINVAL;
    while (!s->npend) {
        r = block(s, f, 0);
        if (r)
            return r;
    }
    struct usock *c = s->pend[0];
    memmove(s->pend, s->pend + 1, sizeof(*s->pend) * (size_t)--s->npend);
    r = install(c, flags);
    if (r < 0)
        return r;
    /* The client is unnamed unless it bound a name. */
    if (c->peer)
        put_name(&c->peer->name, c->peer->namelen, addr, len);
    else
        put_name(NULL, 0, addr, len);
    wake(s); /* room in the backlog */
    return r;
}

int ig_unix_name(int fd, int peer, struct sockaddr *addr, socklen_t *len)
{
    struct usock *s;
    int r = get(fd, &s, NULL);

    if (r)
        return r;
    if (!addr || !len)
        return -EFAULT;
    if (!peer) {
        put_name(&s->name, s->namelen, addr, len);
        return 0;
    }
    if (!s->peer)
        return -ENOTCONN;
    put_name(&s->peer->name, s->peer->namelen, addr, len);
    return 0;
}

int ig_unix_shutdown(int fd, int how)
{
    struct usock *s;
    int r = get(fd, &s, NULL);

    if (r)
        return r;
    if (how != SHUT_RD && how != SHUT_WR && how != SHUT_RDWR)
        return -EINVAL;
    if (s->type == SOCK_STREAM && !s->connected)
        return -ENOTCONN;
    if (how != SHUT_WR)
        s->shut_rd = 1;
    if (how != SHUT_RD) {
        s->shut_wr = 1;
        if (s->peer) {
            s->peer->shut_rd = 1; /* it reads the end of the stream */
            wake(s->peer);
        }
    }
    wake(s);
    return 0;
}

/* ---- data ----------------------------------------------------------- */

static size_t iov_len(const struct iovec *iov, int n)
{
    size_t t = 0;
    for (int i = 0; i < n; i++)
        t += iov[i].iov_len;
    return t;
}

/* Sends (iov); descriptors in (rt), if any, go with the first bytes (and
 * (rt) is emptied), else stay with the caller. */
static long do_send(struct usock *s, struct ig_file *f, const struct iovec *iov,
                    int niov, int flags, const struct sockaddr_un *to,
                    socklen_t tolen, struct ig_unix_rights *rt)
{
    size_t total = iov_len(iov, niov), done = 0;
    struct usock *dst;
    int r;

    if (s->shut_wr)
        return -EPIPE;
    if (s->type == SOCK_STREAM) {
        if (to)
            return s->connected ? -EISCONN : -EOPNOTSUPP;
        if (!s->connected)
            return -ENOTCONN;
    }
    for (;;) {
        if (s->type == SOCK_STREAM) {
            if (s->peer_gone || !s->peer)
                return done ? (long)done : -EPIPE;
            dst = s->peer;
        } else if (to) {
            r = find(to, tolen, &dst);
            if (r)
                return r;
        } else if (!(dst = s->peer)) {
            return -ENOTCONN;
        }
        if (dst->shut_rd && s->type == SOCK_DGRAM)
            return -EPIPE;
        size_t room =
            s->type == SOCK_STREAM
                ? (dst->bytes < STREAM_BUF ? STREAM_BUF - dst->bytes : 0)
                : (dst->nmsgs < DGRAM_QLEN ? total : 0);
        if (s->type == SOCK_DGRAM && total > STREAM_BUF)
            return -EMSGSIZE;
        if (room == 0 || (s->type == SOCK_STREAM && room == 0)) {
            r = block(s->type == SOCK_STREAM ? s : dst, f, flags);
            if (r)
                return done ? (long)done : r;
            continue;
        }
        size_t n = total - done < room ? total - done : room;
        struct umsg *m = malloc(sizeof(*m) + n);
        if (!m)
            return done ? (long)done : -ENOBUFS;
        m->next = NULL;
        m->rights = (struct ig_unix_rights){NULL, 0};
        if (rt && rt->n) {
            m->rights = *rt;
            *rt = (struct ig_unix_rights){NULL, 0};
        }
        m->len = n;
        m->off = 0;
        m->from = s->name;
        m->fromlen = s->namelen;
        /* Gather (n) bytes starting (done) bytes into the vector. */
        size_t skip = done, got = 0;
        for (int i = 0; i < niov && got < n; i++) {
            size_t l = iov[i].iov_len;
            if (skip >= l) {
                skip -= l;
                continue;
            }
            size_t k = l - skip < n - got ? l - skip : n - got;
            memcpy(m->data + got, (char *)iov[i].iov_base + skip, k);
            got += k;
            skip = 0;
        }
        if (dst->tail)
            dst->tail->next = m;
        else
            dst->head = m;
        dst->tail = m;
        dst->bytes += n;
        dst->nmsgs++;
        done += n;
        wake(dst);
        if (done == total || s->type == SOCK_DGRAM)
            return (long)done;
    }
}

/* Takes the descriptors (m) carries into (rt), or closes them when the
 * caller has no room for them (read()). */
static void take_rights(struct umsg *m, struct ig_unix_rights *rt)
{
    if (!m->rights.n)
        return;
    if (rt)
        *rt = m->rights;
    else
        ig_unix_rights_drop(m->rights.files, m->rights.n);
    m->rights = (struct ig_unix_rights){NULL, 0};
}

/* Receives into (iov).  Descriptors come with the first read of the bytes
 * they were sent with, into (rt); a stream read ends after those bytes,
 * and does not go on into bytes that carry more. */
static long do_recv(struct usock *s, struct ig_file *f, const struct iovec *iov,
                    int niov, int flags, struct sockaddr_un *from,
                    socklen_t *fromlen, int *mflags, struct ig_unix_rights *rt)
{
    size_t total = iov_len(iov, niov), done = 0;
    int r, took = 0;

    if (s->listening || (s->type == SOCK_STREAM && !s->connected))
        return -EINVAL;
    while (!s->head) {
        if (s->shut_rd || s->peer_gone)
            return 0;
        r = block(s, f, flags);
        if (r)
            return r;
    }
    struct umsg *m = s->head;
    if (from && fromlen) {
        *from = m->from;
        *fromlen = m->fromlen;
    }
    /* Stream: fill the vector from as many queued chunks as there are;
     * datagram: one message, the rest of it dropped (MSG_TRUNC). */
    for (int i = 0; i < niov && m; i++) {
        size_t used = 0;
        while (used < iov[i].iov_len && m) {
            if (s->type == SOCK_STREAM && !(flags & MSG_PEEK) && m->rights.n) {
                if (took)
                    break;
                take_rights(m, rt);
                took = 1;
            }
            size_t k = m->len - m->off;
            if (k > iov[i].iov_len - used)
                k = iov[i].iov_len - used;
            memcpy((char *)iov[i].iov_base + used, m->data + m->off, k);
            used += k;
            done += k;
            if (!(flags & MSG_PEEK))
                m->off += k;
            if (s->type == SOCK_DGRAM)
                break;
            if ((flags & MSG_PEEK) ? done >= s->bytes : m->off == m->len) {
                if ((flags & MSG_PEEK) || took)
                    m = NULL; /* descriptors end the read */
                else
                    m = m->next;
                if (!(flags & MSG_PEEK)) {
                    struct umsg *old = s->head;
                    s->head = old->next;
                    if (!s->head)
                        s->tail = NULL;
                    s->bytes -= old->len;
                    s->nmsgs--;
                    free(old);
                }
            } else if (flags & MSG_PEEK) {
                m = NULL; /* peeking stays within the first chunk */
            }
        }
        if (s->type == SOCK_DGRAM || (took && used < iov[i].iov_len))
            break;
    }
    if (s->type == SOCK_DGRAM) {
        if (m->len > done)
            *mflags |= MSG_TRUNC;
        long ret = (flags & MSG_TRUNC) ? (long)m->len : (long)done;
        if (!(flags & MSG_PEEK)) {
            take_rights(m, rt);
            s->head = m->next;
            if (!s->head)
                s->tail = NULL;
            s->bytes -= m->len;
            s->nmsgs--;
            free(m);
        }
        wake(s);
        return ret;
    }
    (void)total;
    if (s->peer)
        wake(s->peer); /* room for its writes */
    wake(s);
    return (long)done;
}

long ig_unix_sendmsg(int fd, const struct msghdr *msg, int flags)
{
    struct usock *s;
    struct ig_file *f;
    struct sockaddr_un to;
    socklen_t tolen = 0;
    int r = get(fd, &s, &f);

    if (r)
        return r;
    if (msg->msg_iovlen < 0 || msg->msg_iovlen > 1024)
        return -EMSGSIZE;
    if (msg->msg_name) {
        r = check_addr(msg->msg_name, msg->msg_namelen, &to, &tolen);
        if (r)
            return r;
    }
    struct ig_unix_rights rt;
    r = ig_unix_rights_take(msg, &rt.files, &rt.n);
    if (r)
        return r;
    long n = do_send(s, f, msg->msg_iov, msg->msg_iovlen, flags,
                     msg->msg_name ? &to : NULL, tolen, &rt);
    ig_unix_rights_drop(rt.files, rt.n); /* not sent */
    return n;
}

long ig_unix_recvmsg(int fd, struct msghdr *msg, int flags)
{
    struct usock *s;
    struct ig_file *f;
    struct sockaddr_un from;
    socklen_t fromlen = 0;
    int mflags = 0, r = get(fd, &s, &f);

    if (r)
        return r;
    if (msg->msg_iovlen < 0 || msg->msg_iovlen > 1024)
        return -EMSGSIZE;
    struct ig_unix_rights rt = {NULL, 0};
    long n = do_recv(s, f, msg->msg_iov, msg->msg_iovlen, flags, &from,
                     &fromlen, &mflags, &rt);
    if (n >= 0) {
        if (msg->msg_name) {
            socklen_t cap = msg->msg_namelen;
            put_name(&from, fromlen, msg->msg_name, &cap);
            msg->msg_namelen = cap;
        }
        msg->msg_flags = mflags;
        ig_unix_rights_give(msg, rt.files, rt.n, flags);
    } else {
        ig_unix_rights_drop(rt.files, rt.n);
    }
    return n;
}

int ig_unix_getsockopt(int fd, int level, int name, void *val, socklen_t *len)
{
    struct usock *s;
    int r = get(fd, &s, NULL), v;

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
    int r = get(fd, &s, NULL);

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
