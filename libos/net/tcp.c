/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* tcp.c: stream sockets on lwIP's raw TCP API. */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <sys/socket.h>

#include "lwip/ip.h"
#include "lwip/pbuf.h"
#include "lwip/tcp.h"

#include "sock_internal.h"

/* Writes are cut into pieces lwIP's 16-bit lengths can carry. */
#define WRITE_CHUNK 0x8000u

static void tcp_detach(struct ig_sock *s)
{
    tcp_arg(s->tcp, NULL);
    if (s->state != IG_SOCK_LISTENING) {
        tcp_recv(s->tcp, NULL);
        tcp_sent(s->tcp, NULL);
        tcp_err(s->tcp, NULL);
    } else {
        tcp_accept(s->tcp, NULL);
    }
    s->tcp = NULL;
}

static void free_rx(struct ig_sock *s)
{
    while (!ig_list_empty(&s->rx))
        ig_sock_rx_drop(s);
    s->rx_bytes = s->rx_off = 0;
}

static err_t on_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
    struct ig_sock *s = arg;

    (void)pcb;
    (void)err;
    if (!p) {
        s->eof = 1;
        ig_sock_wake(s);
        return ERR_OK;
    }
    struct ig_sock_pkt *k = malloc(sizeof(*k));
    if (!k)
        return ERR_MEM; /* lwIP keeps it and offers it again later */
    k->p = p;
    ig_list_push_tail(&s->rx, &k->link);
    s->rx_bytes += p->tot_len;
    ig_sock_wake(s);
    return ERR_OK;
}

static err_t on_sent(void *arg, struct tcp_pcb *pcb, u16_t len)
{
    (void)pcb;
    (void)len;
    ig_sock_wake(arg);
    return ERR_OK;
}

/* lwIP has freed the pcb already. */
static void on_err(void *arg, err_t err)
{
    struct ig_sock *s = arg;

    if (!s)
        return;
    s->tcp = NULL;
    if (s->state == IG_SOCK_CONNECTING && err == ERR_RST)
        s->err = ECONNREFUSED;
    else if (err == ERR_ABRT && s->state == IG_SOCK_CONNECTING)
        s->err = ETIMEDOUT;
    else
        s->err = -ig_sock_err(err);
    s->state = IG_SOCK_CLOSED;
    ig_sock_wake(s);
}

static void attach(struct ig_sock *s, struct tcp_pcb *pcb)
{
    s->tcp = pcb;
    tcp_arg(pcb, s);
    tcp_recv(pcb, on_recv);
    tcp_sent(pcb, on_sent);
    tcp_err(pcb, on_err);
    if (s->opts & IG_SOCK_O_NODELAY)
        tcp_nagle_disable(pcb);
}

int ig_tcp_open(struct ig_sock *s)
{
    struct tcp_pcb *pcb = tcp_new_ip_type(IPADDR_TYPE_V4);

    if (!pcb)
        return -ENOMEM;
    attach(s, pcb);
    return 0;
}

int ig_tcp_bind(struct ig_sock *s, const ip_addr_t *ip, uint16_t port)
{
    if (!s->tcp || s->state != IG_SOCK_NEW)
        return -EINVAL;
    if (s->tcp->local_port != 0)
        return -EINVAL;
    return ig_sock_err(tcp_bind(s->tcp, ip, port));
}

static err_t on_accept(void *arg, struct tcp_pcb *pcb, err_t err)
{
    struct ig_sock *l = arg, *c;

    if (err != ERR_OK || !pcb)
        return ERR_VAL;
    if (l->nacc == l->acc_cap || !(c = ig_sock_new(SOCK_STREAM))) {
        tcp_abort(pcb);
        return ERR_ABRT;
    }
    c->opts = l->opts;
    c->state = IG_SOCK_CONNECTED;
    attach(c, pcb);
    l->acc[l->nacc++] = c;
    ig_sock_wake(l);
    return ERR_OK;
}

int ig_tcp_listen(struct ig_sock *s, int backlog)
{
    err_t err;

    if (s->state == IG_SOCK_LISTENING)
        return 0;
    if (s->state != IG_SOCK_NEW || !s->tcp)
        return -EINVAL;
    if (backlog < 1)
        backlog = 1;
    if (backlog > SOMAXCONN)
        backlog = SOMAXCONN;
    if (!s->acc && !(s->acc = calloc((size_t)backlog, sizeof(*s->acc))))
        return -ENOMEM;
    s->acc_cap = backlog;
    if (s->tcp->local_port == 0 && tcp_bind(s->tcp, IP4_ADDR_ANY, 0) != ERR_OK)
        return -EADDRINUSE;
    struct tcp_pcb *lpcb = tcp_listen_with_backlog_and_err(
        s->tcp, (u8_t)(backlog > 255 ? 255 : backlog), &err);
    if (!lpcb)
        return ig_sock_err(err);
    /* The connection pcb is gone; lwIP made a smaller listening one. */
    s->tcp = lpcb;
    s->state = IG_SOCK_LISTENING;
    tcp_arg(lpcb, s);
    tcp_accept(lpcb, on_accept);
    return 0;
}

int ig_tcp_try_accept(struct ig_sock *s, struct ig_sock **out)
{
    if (s->state != IG_SOCK_LISTENING)
        return -EINVAL;
    if (s->nacc == 0)
        return -EAGAIN;
    *out = s->acc[0];
    /* lwIP counts connections not yet accepted against the backlog. */
    if ((*out)->tcp)
        tcp_backlog_accepted((*out)->tcp);
    for (int i = 1; i < s->nacc; i++)
        s->acc[i - 1] = s->acc[i];
    s->nacc--;
    return 0;
}

static err_t on_connected(void *arg, struct tcp_pcb *pcb, err_t err)
{
    struct ig_sock *s = arg;

    (void)pcb;
    if (err == ERR_OK)
        s->state = IG_SOCK_CONNECTED;
    ig_sock_wake(s);
    return ERR_OK;
}

int ig_tcp_connect(struct ig_sock *s, const ip_addr_t *ip, uint16_t port)
{
    switch (s->state) {
    case IG_SOCK_CONNECTING:
        return -EALREADY;
    case IG_SOCK_CONNECTED:
        return -EISCONN;
    case IG_SOCK_NEW:
        break;
    default:
        return -EINVAL;
    }
    if (!s->tcp)
        return -EINVAL;
    err_t err = tcp_connect(s->tcp, ip, port, on_connected);
    if (err != ERR_OK)
        return ig_sock_err(err);
    s->state = IG_SOCK_CONNECTING;
    return 0;
}

int ig_tcp_try_connected(struct ig_sock *s)
{
    if (s->state == IG_SOCK_CONNECTED)
        return 0;
    if (s->state == IG_SOCK_CONNECTING)
        return -EAGAIN;
    int e = s->err ? s->err : ECONNREFUSED;
    s->err = 0;
    return -e;
}

long ig_tcp_try_send(struct ig_sock *s, const void *buf, size_t len, int more)
{
    if (s->shut_wr)
        return -EPIPE;
    if (s->state != IG_SOCK_CONNECTED || !s->tcp) {
        if (s->err) {
            int e = s->err;
            s->err = 0;
            return -e;
        }
        return s->state == IG_SOCK_CLOSED ? -EPIPE : -ENOTCONN;
    }
    size_t room = tcp_sndbuf(s->tcp);
    if (room == 0 || tcp_sndqueuelen(s->tcp) >= TCP_SND_QUEUELEN - 4)
        return -EAGAIN;
    size_t n = len < room ? len : room;
    if (n > WRITE_CHUNK)
        n = WRITE_CHUNK;
    u8_t fl = TCP_WRITE_FLAG_COPY;
    if (more || n < len)
        fl |= TCP_WRITE_FLAG_MORE;
    err_t err = tcp_write(s->tcp, buf, (u16_t)n, fl);
    if (err == ERR_MEM)
        return -EAGAIN;
    if (err != ERR_OK)
        return ig_sock_err(err);
    if (!more)
        tcp_output(s->tcp);
    return (long)n;
}

long ig_tcp_try_recv(struct ig_sock *s, void *buf, size_t len, int peek)
{
    size_t done = 0, off = s->rx_off;
    char *out = buf;

    if (s->rx_bytes == 0) {
        if (s->eof || s->shut_rd)
            return 0;
        if (s->err) {
            int e = s->err;
            s->err = 0;
            return -e;
        }
        if (s->state == IG_SOCK_CLOSED)
            return 0;
        if (s->state != IG_SOCK_CONNECTED)
            return -ENOTCONN;
        return len ? -EAGAIN : 0;
    }
    for (struct ig_link *l = s->rx.first; l && done < len; l = l->next) {
        struct ig_sock_pkt *k = IG_SOCK_PKT(l);
        size_t avail = k->p->tot_len - off;
        size_t n = len - done < avail ? len - done : avail;
        pbuf_copy_partial(k->p, out + done, (u16_t)n, (u16_t)off);
        done += n;
        off = 0;
    }
    if (peek)
        return (long)done;
    /* Consume: free whole packets, keep the offset into the last one. */
    size_t left = done;
    while (left) {
        struct ig_sock_pkt *k = ig_sock_rx_first(s);
        size_t avail = k->p->tot_len - s->rx_off;
        if (left < avail) {
            s->rx_off += left;
            break;
        }
        left -= avail;
        s->rx_off = 0;
        ig_sock_rx_drop(s);
    }
    s->rx_bytes -= done;
    /* Open the window only as the application reads: flow control. */
    for (size_t w = done; s->tcp && w;) {
        u16_t step = w > 0xffff ? 0xffff : (u16_t)w;
        tcp_recved(s->tcp, step);
        w -= step;
    }
    return (long)done;
}

int ig_tcp_shutdown(struct ig_sock *s, int rd, int wr)
{
    if (s->state != IG_SOCK_CONNECTED && s->state != IG_SOCK_CLOSED)
        return -ENOTCONN;
    if (rd)
        s->shut_rd = 1;
    if (wr && !s->shut_wr) {
        s->shut_wr = 1;
        if (s->tcp && tcp_shutdown(s->tcp, 0, 1) != ERR_OK)
            return -ENOBUFS;
    }
    ig_sock_wake(s);
    return 0;
}

int ig_tcp_name(struct ig_sock *s, int peer, ip_addr_t *ip, uint16_t *port)
{
    if (peer && s->state != IG_SOCK_CONNECTED)
        return -ENOTCONN;
    if (!s->tcp) {
        if (peer)
            return -ENOTCONN;
        ip_addr_set_any(0, ip);
        *port = 0;
        return 0;
    }
    if (peer) {
        ip_addr_copy(*ip, s->tcp->remote_ip);
        *port = s->tcp->remote_port;
    } else {
        ip_addr_copy(*ip, s->tcp->local_ip);
        *port = s->tcp->local_port;
    }
    return 0;
}

unsigned ig_tcp_poll(struct ig_sock *s)
{
    unsigned ev = 0;

    switch (s->state) {
    case IG_SOCK_LISTENING:
        return s->nacc ? IG_POLL_IN : 0;
    case IG_SOCK_NEW:
        return IG_POLL_OUT | IG_POLL_HUP;
    case IG_SOCK_CONNECTING:
        return 0;
    default:
        break;
    }
    if (s->rx_bytes || s->eof || s->shut_rd || s->state == IG_SOCK_CLOSED)
        ev |= IG_POLL_IN;
    if (s->eof)
        ev |= IG_POLL_RDHUP;
    if (s->state == IG_SOCK_CLOSED || (s->eof && s->shut_wr))
        ev |= IG_POLL_HUP;
    if (s->err)
        ev |= IG_POLL_ERR;
    if (s->state == IG_SOCK_CONNECTED && s->tcp && !s->shut_wr &&
        tcp_sndbuf(s->tcp) >= TCP_SNDLOWAT &&
        tcp_sndqueuelen(s->tcp) < TCP_SNDQUEUELOWAT)
        ev |= IG_POLL_OUT;
    if (s->state == IG_SOCK_CLOSED)
        ev |= IG_POLL_OUT;
    return ev;
}

int ig_tcp_setopt(struct ig_sock *s, int level, int name, int val)
{
    if (level == IPPROTO_TCP && name == TCP_NODELAY) {
        if (val)
            s->opts |= IG_SOCK_O_NODELAY;
        else
            s->opts &= ~IG_SOCK_O_NODELAY;
        if (s->tcp && s->state != IG_SOCK_LISTENING) {
            if (val)
                tcp_nagle_disable(s->tcp);
            else
                tcp_nagle_enable(s->tcp);
        }
        return 0;
    }
    if (level == IPPROTO_TCP &&
        (name == TCP_KEEPIDLE || name == TCP_KEEPINTVL ||
         name == TCP_KEEPCNT)) {
        if (val < 1)
            return -EINVAL;
        if (s->tcp && s->state != IG_SOCK_LISTENING) {
            if (name == TCP_KEEPIDLE)
                s->tcp->keep_idle = (u32_t)val * 1000;
            else if (name == TCP_KEEPINTVL)
                s->tcp->keep_intvl = (u32_t)val * 1000;
            else
                s->tcp->keep_cnt = (u32_t)val;
        }
        return 0;
    }
    if (level == IPPROTO_TCP)
        return -ENOPROTOOPT;
    /* SOL_SOCKET options lwIP keeps in so_options. */
    if (name != SO_KEEPALIVE)
        return -ENOPROTOOPT;
    if (s->tcp) {
        if (val)
            ip_set_option(s->tcp, SOF_KEEPALIVE);
        else
            ip_reset_option(s->tcp, SOF_KEEPALIVE);
    }
    return 0;
}

int ig_tcp_getopt(struct ig_sock *s, int level, int name, int *val)
{
    if (level == IPPROTO_TCP && name == TCP_NODELAY) {
        *val = (s->opts & IG_SOCK_O_NODELAY) != 0;
        return 0;
    }
    if (level == IPPROTO_TCP && name == TCP_MAXSEG) {
        *val = s->tcp && s->state == IG_SOCK_CONNECTED ? s->tcp->mss : TCP_MSS;
        return 0;
    }
    if (level == IPPROTO_TCP)
        return -ENOPROTOOPT;
    if (name == SO_KEEPALIVE) {
        *val = s->tcp ? ip_get_option(s->tcp, SOF_KEEPALIVE) != 0 : 0;
        return 0;
    }
    if (name == SO_ACCEPTCONN) {
        *val = s->state == IG_SOCK_LISTENING;
        return 0;
    }
    return -ENOPROTOOPT;
}

void ig_tcp_close(struct ig_sock *s)
{
    for (int i = 0; i < s->nacc; i++) {
        struct ig_sock *c = s->acc[i];
        if (c->tcp) {
            struct tcp_pcb *pcb = c->tcp;
            tcp_detach(c);
            tcp_abort(pcb);
        }
        free_rx(c);
        ig_sock_free(c);
    }
    s->nacc = 0;
    if (s->tcp) {
        struct tcp_pcb *pcb = s->tcp;
        int unread = s->rx_bytes != 0,
            listening = s->state == IG_SOCK_LISTENING;
        tcp_detach(s);
        /* Unread data is lost: tell the peer with a reset, as Linux does.
         * Otherwise a graceful close; lwIP finishes sending what is
         * queued and handles the rest of the connection on its own. */
        if (unread && !listening)
            tcp_abort(pcb);
        else if (tcp_close(pcb) != ERR_OK)
            tcp_abort(pcb);
    }
    free_rx(s);
    free(s->acc);
    s->acc = NULL;
}
