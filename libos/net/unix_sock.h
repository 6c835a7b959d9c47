/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* unix_sock.h: what the AF_UNIX files (unix.c sockets and descriptors,
 * unix_name.c names and connections, unix_data.c messages) share. */
#ifndef INGOT_UNIX_SOCK_H
#define INGOT_UNIX_SOCK_H

#include <ingot/sched.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "unix_internal.h"

/* A connected stream or seqpacket socket writes into its peer's receive
 * queue, a datagram goes to the queue of the socket bound to its
 * destination.  Stream sockets queue bytes (chunks that reads join),
 * datagram and seqpacket sockets records (one read, one record). */
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
    uint64_t event; /* ig_file_event() of its last wakeup (unix_ops.event) */
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

/* Whether sockets of (type) connect (stream, seqpacket) and whether they
 * keep record boundaries (datagram, seqpacket). */
static inline int ig_unix_conn(int type)
{
    return type != SOCK_DGRAM;
}

static inline int ig_unix_records(int type)
{
    return type != SOCK_STREAM;
}

/* unix.c */
/* Every bound socket, linked through next_bound. */
extern struct usock *ig_unix_bound;
/* Wakes the threads waiting on (s) (may be NULL) and poll's waiters, as
 * an event of (s): its readiness may have grown (data, room, a peer's
 * shutdown), which an edge-triggered epoll item reports again. */
void ig_unix_wake(struct usock *s);
/* Wakes the threads waiting on (s) and poll's waiters without an event of
 * (s): after its own read, which only takes readiness away from it (on
 * Linux a read wakes the writers, not the reader's own epoll items). */
void ig_unix_wake_waiters(struct usock *s);
/* A new socket of (type), or NULL. */
struct usock *ig_unix_new(int type);
/* Waits on (s) unless (f) is non-blocking or (flags) has MSG_DONTWAIT.
 * Returns 0 to look again, -EAGAIN, -EBADF when (s) was closed
 * meanwhile, or -IG_ERESTART. */
int ig_unix_block(struct usock *s, struct ig_file *f, int flags);
/* A descriptor for (s) (SOCK_NONBLOCK, SOCK_CLOEXEC in (flags)); on
 * failure (s) is gone. */
int ig_unix_install(struct usock *s, int flags);
/* The socket and file of (fd): 0, -EBADF, -ENOTSOCK. */
int ig_unix_get(int fd, struct usock **s, struct ig_file **f);

/* unix_name.c */
/* Checks address (addr, len) into (out, outlen): 0, -EFAULT, -EINVAL. */
int ig_unix_check_addr(const struct sockaddr *addr, socklen_t len,
                       struct sockaddr_un *out, socklen_t *outlen);
/* The bound socket (a, len) names: 0, -ENOENT for a missing path,
 * -ECONNREFUSED when nothing is bound there. */
int ig_unix_find(const struct sockaddr_un *a, socklen_t len,
                 struct usock **out);
/* Stores name (name, namelen) (unnamed: 0) as getsockname(2) does. */
void ig_unix_put_name(const struct sockaddr_un *name, socklen_t namelen,
                      struct sockaddr *addr, socklen_t *len);

/* unix_data.c: send (iov) to (to) or the peer, with descriptors (rt),
 * which go with the first bytes (and (rt) is emptied); receive into
 * (iov), the sender's name into (from), MSG_TRUNC into (*mflags), the
 * descriptors that came with the bytes into (rt) (closed when NULL).
 * Return the count or a negative errno. */
long ig_unix_send(struct usock *s, struct ig_file *f, const struct iovec *iov,
                  int niov, int flags, const struct sockaddr_un *to,
                  socklen_t tolen, struct ig_unix_rights *rt);
long ig_unix_recv(struct usock *s, struct ig_file *f, const struct iovec *iov,
                  int niov, int flags, struct sockaddr_un *from,
                  socklen_t *fromlen, int *mflags, struct ig_unix_rights *rt);

#endif /* INGOT_UNIX_SOCK_H */
