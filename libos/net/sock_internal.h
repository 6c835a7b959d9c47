/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sock_internal.h: sockets between the descriptor layer and TCP/UDP. */
#ifndef INGOT_SOCK_INTERNAL_H
#define INGOT_SOCK_INTERNAL_H

/*
 * socket.c owns the descriptor side: it creates a struct ig_sock per
 * socket, turns blocking calls into "try, then wait on (wq)" loops and
 * applies timeouts and O_NONBLOCK.  tcp.c and udp.c drive lwIP's raw API:
 * their try_* functions never block; they return -EAGAIN when the caller
 * should wait, and their lwIP callbacks call ig_sock_wake() whenever the
 * socket's readiness may have changed.  All of it runs on one CPU under a
 * cooperative scheduler, so nothing here takes a lock.
 */

#include <ingot/list.h>

#include <stddef.h>
#include <stdint.h>

#include "lwip/ip_addr.h"
#include "net_internal.h"

struct pbuf;
struct tcp_pcb;
struct udp_pcb;

/* A received TCP segment or UDP datagram waiting to be read. */
struct ig_sock_pkt {
    struct ig_link link; /* in its socket's rx */
    struct pbuf *p;
    ip_addr_t addr; /* UDP: the sender */
    uint16_t port;
};

enum ig_sock_state {
    IG_SOCK_NEW,
    IG_SOCK_LISTENING,
    IG_SOCK_CONNECTING,
    IG_SOCK_CONNECTED,
    IG_SOCK_CLOSED, /* the connection is gone (reset, aborted, closed) */
};

#define IG_SOCK_O_NODELAY 1u
#define IG_SOCK_O_REUSEADDR 2u /* lwIP's SOF_REUSEADDR is set while */
#define IG_SOCK_O_REUSEPORT 4u /* either of these two is */

struct ig_sock {
    int type; /* SOCK_STREAM or SOCK_DGRAM */
    enum ig_sock_state state;
    struct tcp_pcb *tcp;
    struct udp_pcb *udp;
    struct ig_list rx; /* struct ig_sock_pkt, oldest first */
    size_t rx_off;     /* TCP: bytes of the first packet already read */
    size_t rx_bytes;   /* TCP: bytes waiting; UDP: datagrams waiting */
    int eof;           /* TCP: the peer sent FIN */
    int err;           /* pending error for SO_ERROR and the next call */
    int shut_rd, shut_wr;
    unsigned opts;        /* IG_SOCK_O_* */
    struct ig_sock **acc; /* listening: established, not yet accepted */
    int nacc, acc_cap;
    uint64_t rcvtimeo, sndtimeo; /* ns; 0 waits forever */
    int waiters;                 /* threads in ig_sock_block() */
    int closed; /* its descriptor is gone; the last waiter frees it */
    struct ig_waitq wq;
    uint64_t event; /* ig_file_event() of its last ig_sock_wake() */
};

#define IG_SOCK_PKT(l) IG_LIST_ENTRY(l, struct ig_sock_pkt, link)

/* The oldest packet waiting in (s), or NULL. */
static inline struct ig_sock_pkt *ig_sock_rx_first(struct ig_sock *s)
{
    return s->rx.first ? IG_SOCK_PKT(s->rx.first) : NULL;
}

/* Takes the oldest packet out of (s) and frees it with its pbuf. */
void ig_sock_rx_drop(struct ig_sock *s);

/* socket.c: wakes threads blocked on (s) and every poller. */
void ig_sock_wake(struct ig_sock *s);
/* socket.c: a new socket of (type), not in the descriptor table. */
struct ig_sock *ig_sock_new(int type);
/* socket.c: frees (s) once its protocol has let go of it. */
void ig_sock_free(struct ig_sock *s);

/* socket.c: closes every TCP and UDP socket descriptor, as Linux closes a
 * process's descriptors when it exits: each connection ends with a FIN, or
 * a reset where data was left unread (ig_tcp_close()). */
void ig_sock_close_all(void);

/* socket.c: the socket behind descriptor (fd) in (*out) (and its file in
 * (*f) if f is not NULL).  Returns 0, -EBADF or -ENOTSOCK. */
int ig_sock_get(int fd, struct ig_sock **out, struct ig_file **f);

/* The calls behind <sys/socket.h>, with the same arguments, returning
 * -errno (posix.c turns that into errno).  Each blocks as POSIX says
 * unless the descriptor is O_NONBLOCK (-EAGAIN) or its SO_RCVTIMEO or
 * SO_SNDTIMEO passes (-EAGAIN). */
struct sockaddr;
struct msghdr;
int ig_sock_socket(int domain, int type, int protocol);
int ig_sock_bind(int fd, const struct sockaddr *sa, unsigned len);
int ig_sock_listen(int fd, int backlog);
int ig_sock_accept(int fd, struct sockaddr *sa, unsigned *len, int flags);
int ig_sock_connect(int fd, const struct sockaddr *sa, unsigned len);
long ig_sock_sendmsg(int fd, const struct msghdr *msg, int flags);
long ig_sock_recvmsg(int fd, struct msghdr *msg, int flags);
int ig_sock_shutdown(int fd, int how);
int ig_sock_setsockopt(int fd, int level, int name, const void *val,
                       unsigned len);
int ig_sock_getsockopt(int fd, int level, int name, void *val, unsigned *len);
int ig_sock_name(int fd, int peer, struct sockaddr *sa, unsigned *len);

/* socket.c: sockaddr_in <-> lwIP address and host-order port.  The first
 * returns 0, -EINVAL (too short) or -EAFNOSUPPORT; the second truncates to
 * (*len) and stores the full length there. */
int ig_sock_addr_in(const struct sockaddr *sa, unsigned len, ip_addr_t *ip,
                    uint16_t *port);
void ig_sock_addr_out(const ip_addr_t *ip, uint16_t port, struct sockaddr *sa,
                      unsigned *len);

/* io.c: sendmsg/recvmsg on the socket file (f) (read and write come
 * here with no flags). */
long ig_sock_file_sendmsg(struct ig_file *f, const struct msghdr *msg,
                          int flags);
long ig_sock_file_recvmsg(struct ig_file *f, struct msghdr *msg, int flags);

/* io.c: the blocking step of every call: the first time (*polled is 0)
 * runs the stack once and asks for a retry; then -EAGAIN if (nonblock)
 * or (deadline) has passed, else sleeps on (s) and asks for a retry.
 * Returns 0 (retry), -EAGAIN, or -EBADF when the socket was closed
 * while the caller slept (then (s) is gone). */
int ig_sock_block(struct ig_sock *s, int nonblock, uint64_t deadline,
                  int *polled);
/* io.c: a deadline (timeout) ns from now; UINT64_MAX for 0. */
uint64_t ig_sock_deadline(uint64_t timeout);

/* Maps an lwIP err_t to a negative errno. */
int ig_sock_err(int lwip_err);

/* tcp.c.  Addresses are lwIP's, ports in host order. */
int ig_tcp_open(struct ig_sock *s);
int ig_tcp_bind(struct ig_sock *s, const ip_addr_t *ip, uint16_t port);
int ig_tcp_listen(struct ig_sock *s, int backlog);
int ig_tcp_try_accept(struct ig_sock *s, struct ig_sock **out);
int ig_tcp_connect(struct ig_sock *s, const ip_addr_t *ip, uint16_t port);
int ig_tcp_try_connected(struct ig_sock *s);
long ig_tcp_try_send(struct ig_sock *s, const void *buf, size_t len, int more);
long ig_tcp_try_recv(struct ig_sock *s, void *buf, size_t len, int peek);
int ig_tcp_shutdown(struct ig_sock *s, int rd, int wr);
int ig_tcp_name(struct ig_sock *s, int peer, ip_addr_t *ip, uint16_t *port);
unsigned ig_tcp_poll(struct ig_sock *s);
int ig_tcp_setopt(struct ig_sock *s, int level, int name, int val);
int ig_tcp_getopt(struct ig_sock *s, int level, int name, int *val);
void ig_tcp_close(struct ig_sock *s);

/* udp.c */
int ig_udp_open(struct ig_sock *s);
int ig_udp_bind(struct ig_sock *s, const ip_addr_t *ip, uint16_t port);
int ig_udp_connect(struct ig_sock *s, const ip_addr_t *ip, uint16_t port);
long ig_udp_try_send(struct ig_sock *s, const void *buf, size_t len,
                     const ip_addr_t *ip, uint16_t port);
long ig_udp_try_recv(struct ig_sock *s, void *buf, size_t len, int peek,
                     ip_addr_t *ip, uint16_t *port, int *truncated);
int ig_udp_name(struct ig_sock *s, int peer, ip_addr_t *ip, uint16_t *port);
unsigned ig_udp_poll(struct ig_sock *s);
int ig_udp_setopt(struct ig_sock *s, int level, int name, int val);
int ig_udp_getopt(struct ig_sock *s, int level, int name, int *val);
void ig_udp_close(struct ig_sock *s);

#endif /* INGOT_SOCK_INTERNAL_H */
