/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* netif.c: platform network devices as lwIP Ethernet interfaces. */
#include <errno.h>
#include <ingot/console.h>
#include <ingot/plat.h>
#include <stdlib.h>
#include <string.h>

#include "lwip/etharp.h"
#include "lwip/netif.h"
#include "lwip/pbuf.h"
#include "lwip/priv/tcp_priv.h"
#include "lwip/tcp.h"
#include "netif/ethernet.h"

#include "../net_internal.h"

#define ETH_HDR 14
#define IOV_MAX_PIECES 16
#define SEND_RETRIES 100
#define SEND_RETRY_NS 50000ull

struct netdev {
    struct netif nif;
    int dev;
    size_t frame_max; /* mtu + Ethernet header (+ a VLAN tag) */
};

static err_t send_frame(struct netdev *nd, const struct ig_plat_iov *iov, int n)
{
    for (int i = 0; i < SEND_RETRIES; i++) {
        int r = ig_plat_net_send(nd->dev, iov, n);
        if (r == 0)
            return ERR_OK;
        if (r != -EAGAIN)
            return ERR_IF;
        /* The transmit queue is full: give the device a moment to drain
         * it rather than drop the frame (TCP would recover, slowly). */
        ig_plat_idle(ig_plat_clock_monotonic() + SEND_RETRY_NS);
    }
    return ERR_IF;
}

static err_t linkoutput(struct netif *nif, struct pbuf *p)
{
    struct netdev *nd = nif->state;
    struct ig_plat_iov iov[IOV_MAX_PIECES];
    int n = 0;

    ig_net_timers_frame();
    for (struct pbuf *q = p; q; q = q->next) {
        if (n == IOV_MAX_PIECES) {
            /* A long chain (many small writes): flatten it. */
            static unsigned char flat[2048];
            if (p->tot_len > sizeof(flat))
                return ERR_IF;
            pbuf_copy_partial(p, flat, p->tot_len, 0);
            iov[0].base = flat;
            iov[0].len = p->tot_len;
            return send_frame(nd, iov, 1);
        }
        iov[n].base = q->payload;
        iov[n].len = q->len;
        n++;
    }
    return send_frame(nd, iov, n);
}

static err_t netdev_init(struct netif *nif)
{
    struct netdev *nd = nif->state;
    struct ig_plat_net_info info;

    if (ig_plat_net_info(nd->dev, &info) < 0)
        return ERR_IF;
    memcpy(nif->hwaddr, info.mac, 6);
    nif->hwaddr_len = 6;
    nif->mtu = info.mtu ? info.mtu : 1500;
    nd->frame_max = (size_t)nif->mtu + ETH_HDR + 4;
    nif->name[0] = 'e';
    nif->name[1] = 'n';
    nif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP |
                 NETIF_FLAG_ETHERNET | NETIF_FLAG_LINK_UP;
    nif->output = etharp_output;
    nif->linkoutput = linkoutput;
    return ERR_OK;
}

struct netif *ig_netif_add(int dev)
{
    struct netdev *nd = calloc(1, sizeof(*nd));

    if (!nd) {
        ig_printk("ingot: net: device %d: out of memory\n", dev);
        return NULL;
    }
    nd->dev = dev;
    if (!netif_add(&nd->nif, IP4_ADDR_ANY4, IP4_ADDR_ANY4, IP4_ADDR_ANY4, nd,
                   netdev_init, ethernet_input)) {
        ig_printk("ingot: net: device %d: cannot read its MAC and MTU\n", dev);
        free(nd);
        return NULL;
    }
    return &nd->nif;
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
           p[3];
}

/*
 * A server closes first, so its side of each connection waits in
 * TIME-WAIT for two minutes, while the client may reuse its port at once.
 * lwIP answers a new SYN on such a 4-tuple with an ACK that the client
 * resets and lwIP ignores (RFC 1337), so the connection never opens.
 * RFC 1122 4.2.2.13 lets a new SYN whose sequence number lies beyond the
 * old connection end TIME-WAIT early, as Linux and the BSDs do: drop the
 * old pcb before lwIP sees the SYN, which then reaches the listener.
 */
static void timewait_reuse(const unsigned char *f, size_t len)
{
    enum { ETH = 14 };

    if (len < ETH + 20 || f[12] != 0x08 || f[13] != 0x00)
        return;
    const unsigned char *ip = f + ETH;
    size_t ihl = (size_t)(ip[0] & 0x0f) * 4;
    if (ip[9] != 6 || ihl < 20 || ETH + ihl + 20 > len ||
        ((ip[6] & 0x3f) | ip[7]) != 0) /* TCP, not a fragment */
        return;
    const unsigned char *tcp = ip + ihl;
    if ((tcp[13] & (TCP_SYN | TCP_ACK | TCP_RST)) != TCP_SYN)
        return;
    uint16_t sport = (uint16_t)(tcp[0] << 8 | tcp[1]);
    uint16_t dport = (uint16_t)(tcp[2] << 8 | tcp[3]);
    uint32_t src, dst, seq = be32(tcp + 4);
    memcpy(&src, ip + 12, 4);
    memcpy(&dst, ip + 16, 4);
    for (struct tcp_pcb *pcb = tcp_tw_pcbs; pcb; pcb = pcb->next)
        if (pcb->local_port == dport && pcb->remote_port == sport &&
            ip4_addr_get_u32(ip_2_ip4(&pcb->remote_ip)) == src &&
            ip4_addr_get_u32(ip_2_ip4(&pcb->local_ip)) == dst) {
            if (TCP_SEQ_GT(seq, pcb->rcv_nxt))
                tcp_abort(pcb); /* TIME-WAIT: freed, no RST sent */
            return;
        }
}

/* Whether a received frame is one the IPv4 stack takes (IPv4, ARP, or
 * VLAN-tagged): the host's IPv6 chatter on the link (router
 * solicitations, MLD reports) must not keep an idle guest awake. */
static int for_ipv4(const unsigned char *f, size_t n)
{
    unsigned type = n >= ETH_HDR ? (unsigned)f[12] << 8 | f[13] : 0;

    return type == ETHTYPE_IP || type == ETHTYPE_ARP || type == ETHTYPE_VLAN;
}

int ig_netif_drain(struct netif *nif, int max)
{
    struct netdev *nd = nif->state;

    for (int i = 0; i < max; i++) {
        struct pbuf *p = pbuf_alloc(PBUF_RAW, (u16_t)nd->frame_max, PBUF_RAM);
        if (!p)
            return IG_NETIF_NOMEM; /* frames wait in the device */
        long n = ig_plat_net_recv(nd->dev, p->payload, nd->frame_max);
        if (n <= 0) {
            pbuf_free(p);
            if (n == -EMSGSIZE)
                continue; /* dropped by the platform; look at the next */
            return IG_NETIF_EMPTY;
        }
        pbuf_realloc(p, (u16_t)n);
        if (for_ipv4(p->payload, (size_t)n))
            ig_net_timers_frame();
        timewait_reuse(p->payload, (size_t)n);
        if (nif->input(p, nif) != ERR_OK)
            pbuf_free(p);
    }
    return IG_NETIF_MORE;
}
