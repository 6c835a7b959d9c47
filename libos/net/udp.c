/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* udp.c: datagram sockets on lwIP's raw UDP API. */
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "lwip/ip.h"
#include "lwip/pbuf.h"
#include "lwip/udp.h"

#include "sock_internal.h"

/* Datagrams beyond this many unread ones are dropped, as a full socket
 * buffer drops them on Linux. */
#define RX_MAX 256
#define DGRAM_MAX 65507

static void on_recv(void *arg, struct udp_pcb *pcb, struct pbuf *p,
                    const ip_addr_t *addr, u16_t port)
{
    struct ig_sock *s = arg;
    struct ig_sock_pkt *k;

    (void)pcb;
    if (s->rx_bytes >= RX_MAX || !(k = malloc(sizeof(*k)))) {
        pbuf_free(p);
        return;
    }
    k->p = p;
    ip_addr_copy(k->addr, *addr);
    k->port = port;
    ig_list_push_tail(&s->rx, &k->link);
    s->rx_bytes++;
    ig_sock_wake(s);
}

int ig_udp_open(struct ig_sock *s)
{
    s->udp = udp_new_ip_type(IPADDR_TYPE_V4);
    if (!s->udp)
        return -ENOMEM;
    udp_recv(s->udp, on_recv, s);
    return 0;
}

int ig_udp_bind(struct ig_sock *s, const ip_addr_t *ip, uint16_t port)
{
    if (s->udp->local_port != 0)
        return -EINVAL;
    return ig_sock_err(udp_bind(s->udp, ip, port));
}

int ig_udp_connect(struct ig_sock *s, const ip_addr_t *ip, uint16_t port)
{
    if (ip_addr_isany(ip) && port == 0) {
        udp_disconnect(s->udp); /* AF_UNSPEC: dissolve the association */
        s->state = IG_SOCK_NEW;
        return 0;
    }
    err_t err = udp_connect(s->udp, ip, port);
    if (err != ERR_OK)
        return ig_sock_err(err);
    s->state = IG_SOCK_CONNECTED;
    return 0;
}

long ig_udp_try_send(struct ig_sock *s, const void *buf, size_t len,
                     const ip_addr_t *ip, uint16_t port)
{
    err_t err;

    if (s->shut_wr)
        return -EPIPE;
    if (!ip && s->state != IG_SOCK_CONNECTED)
        return -EDESTADDRREQ;
    if (len > DGRAM_MAX)
        return -EMSGSIZE;
    struct pbuf *p = pbuf_alloc(PBUF_TRANSPORT, (u16_t)len, PBUF_RAM);
    if (!p)
        return -ENOBUFS;
    memcpy(p->payload, buf, len);
    err = ip ? udp_sendto(s->udp, p, ip, port) : udp_send(s->udp, p);
    pbuf_free(p);
    /* No route or no ARP answer yet is not the sender's fault: UDP is
     * unreliable and Linux reports success for a queued datagram. */
    if (err == ERR_RTE)
        return -ENETUNREACH;
    if (err != ERR_OK && err != ERR_MEM && err != ERR_IF)
        return ig_sock_err(err);
    return (long)len;
}

long ig_udp_try_recv(struct ig_sock *s, void *buf, size_t len, int peek,
                     ip_addr_t *ip, uint16_t *port, int *truncated)
{
    struct ig_sock_pkt *k = ig_sock_rx_first(s);

    if (!k)
        return s->shut_rd ? 0 : -EAGAIN;
    size_t n = k->p->tot_len < len ? k->p->tot_len : len;
    pbuf_copy_partial(k->p, buf, (u16_t)n, 0);
    *truncated = n < k->p->tot_len;
    if (ip)
        ip_addr_copy(*ip, k->addr);
    if (port)
        *port = k->port;
    if (!peek) {
        s->rx_bytes--;
        ig_sock_rx_drop(s);
    }
    return (long)n;
}

int ig_udp_name(struct ig_sock *s, int peer, ip_addr_t *ip, uint16_t *port)
{
    if (peer) {
        if (s->state != IG_SOCK_CONNECTED)
            return -ENOTCONN;
        ip_addr_copy(*ip, s->udp->remote_ip);
        *port = s->udp->remote_port;
    } else {
        ip_addr_copy(*ip, s->udp->local_ip);
        *port = s->udp->local_port;
    }
    return 0;
}

unsigned ig_udp_poll(struct ig_sock *s)
{
    return (!ig_list_empty(&s->rx) || s->shut_rd ? IG_POLL_IN : 0) |
           IG_POLL_OUT;
}

int ig_udp_setopt(struct ig_sock *s, int level, int name, int val)
{
    u8_t bit = 0;

    if (level == SOL_SOCKET && name == SO_BROADCAST)
        bit = SOF_BROADCAST;
    if (!bit)
        return -ENOPROTOOPT;
    if (val)
        ip_set_option(s->udp, bit);
    else
        ip_reset_option(s->udp, bit);
    return 0;
}

int ig_udp_getopt(struct ig_sock *s, int level, int name, int *val)
{
    if (level == SOL_SOCKET && name == SO_BROADCAST) {
        *val = ip_get_option(s->udp, SOF_BROADCAST) != 0;
        return 0;
    }
    return -ENOPROTOOPT;
}

void ig_udp_close(struct ig_sock *s)
{
    udp_remove(s->udp);
    s->udp = NULL;
    while (!ig_list_empty(&s->rx))
        ig_sock_rx_drop(s);
}
