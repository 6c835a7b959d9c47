/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* unix_data.c: AF_UNIX messages: bytes, records, descriptors. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "unix_sock.h"

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
long ig_unix_send(struct usock *s, struct ig_file *f, const struct iovec *iov,
                  int niov, int flags, const struct sockaddr_un *to,
                  socklen_t tolen, struct ig_unix_rights *rt)
{
    size_t total = iov_len(iov, niov), done = 0;
    struct usock *dst;
    int r;

    if (s->type == SOCK_STREAM) {
        if (to)
            return s->connected ? -EISCONN : -EOPNOTSUPP;
        if (!s->connected)
            return -ENOTCONN;
    } else if (s->type == SOCK_SEQPACKET) {
        if (!s->connected)
            return -ENOTCONN;
        to = NULL; /* Linux ignores an address on a connection */
    }
    for (;;) {
        /* Checked again after every wait: the peer's SHUT_RD shuts this
         * end's writing too (ig_unix_shutdown). */
        if (s->shut_wr)
            return done ? (long)done : -EPIPE;
        if (ig_unix_conn(s->type)) {
            if (s->peer_gone || !s->peer)
                return done ? (long)done : -EPIPE;
            dst = s->peer;
        } else if (to) {
            r = ig_unix_find(to, tolen, &dst);
            if (r)
                return r;
        } else if (!(dst = s->peer)) {
            return -ENOTCONN;
        }
        if (dst->shut_rd && ig_unix_records(s->type))
            return -EPIPE;
        size_t room =
            s->type == SOCK_STREAM
                ? (dst->bytes < STREAM_BUF ? STREAM_BUF - dst->bytes : 0)
                : (dst->nmsgs < DGRAM_QLEN ? total : 0);
        if (ig_unix_records(s->type) && total > STREAM_BUF)
            return -EMSGSIZE;
        if (room == 0) {
            /* A connection waits on its own socket (its peer's reads
             * wake it, and so does its peer's close); a datagram on
             * the destination's. */
            r = ig_unix_block(s->type == SOCK_DGRAM ? dst : s, f, flags);
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
        ig_unix_wake(dst);
        if (done == total || ig_unix_records(s->type))
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
long ig_unix_recv(struct usock *s, struct ig_file *f, const struct iovec *iov,
                  int niov, int flags, struct sockaddr_un *from,
                  socklen_t *fromlen, int *mflags, struct ig_unix_rights *rt)
{
    size_t total = iov_len(iov, niov), done = 0;
    int r, took = 0, freed = 0;

    if (s->listening || (ig_unix_conn(s->type) && !s->connected))
        return s->type == SOCK_SEQPACKET ? -ENOTCONN : -EINVAL;
    while (!s->head) {
        if (s->shut_rd || s->peer_gone)
            return 0;
        r = ig_unix_block(s, f, flags);
        if (r)
            return r;
    }
    struct umsg *m = s->head;
    if (from && fromlen) {
        *from = m->from;
        *fromlen = m->fromlen;
    }
    /* Stream: fill the vector from as many queued chunks as there are;
     * datagram and seqpacket: one record across the vector, the rest of
     * it dropped (MSG_TRUNC). */
    if (ig_unix_records(s->type)) {
        for (int i = 0; i < niov && done < m->len; i++) {
            size_t k = m->len - done;
            if (k > iov[i].iov_len)
                k = iov[i].iov_len;
            memcpy(iov[i].iov_base, m->data + done, k);
            done += k;
        }
    }
    for (int i = 0; i < niov && m && !ig_unix_records(s->type); i++) {
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
                    freed = 1;
                }
            } else if (flags & MSG_PEEK) {
                m = NULL; /* peeking stays within the first chunk */
            }
        }
        if (took && used < iov[i].iov_len)
            break;
    }
    if (ig_unix_records(s->type)) { /* one record, the rest dropped */
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
        ig_unix_wake_waiters(s); /* datagram senders wait on it */
        if (s->type == SOCK_SEQPACKET)
            ig_unix_wake(s->peer); /* room for its records */
        return ret;
    }
    (void)total;
    /* Room comes back a whole chunk (a send) at a time, when its last
     * byte is read, as Linux frees a whole skb: only then is the writer
     * woken, and reported again by an edge-triggered epoll. */
    if (s->peer && freed)
        ig_unix_wake(s->peer);
    ig_unix_wake_waiters(s);
    return (long)done;
}

long ig_unix_sendmsg(int fd, const struct msghdr *msg, int flags)
{
    struct usock *s;
    struct ig_file *f;
    struct sockaddr_un to;
    socklen_t tolen = 0;
    int r = ig_unix_get(fd, &s, &f);

    if (r)
        return r;
    if (msg->msg_iovlen < 0 || msg->msg_iovlen > 1024)
        return -EMSGSIZE;
    if (msg->msg_name) {
        r = ig_unix_check_addr(msg->msg_name, msg->msg_namelen, &to, &tolen);
        if (r)
            return r;
    }
    struct ig_unix_rights rt;
    r = ig_unix_rights_take(msg, &rt.files, &rt.n);
    if (r)
        return r;
    long n = ig_unix_send(s, f, msg->msg_iov, msg->msg_iovlen, flags,
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
    int mflags = 0, r = ig_unix_get(fd, &s, &f);

    if (r)
        return r;
    if (msg->msg_iovlen < 0 || msg->msg_iovlen > 1024)
        return -EMSGSIZE;
    struct ig_unix_rights rt = {NULL, 0};
    long n = ig_unix_recv(s, f, msg->msg_iov, msg->msg_iovlen, flags, &from,
                          &fromlen, &mflags, &rt);
    if (n >= 0) {
        if (msg->msg_name) {
            socklen_t cap = msg->msg_namelen;
            ig_unix_put_name(&from, fromlen, msg->msg_name, &cap);
            msg->msg_namelen = cap;
        }
        msg->msg_flags = mflags;
        ig_unix_rights_give(msg, rt.files, rt.n, flags);
    } else {
        ig_unix_rights_drop(rt.files, rt.n);
    }
    return n;
}
