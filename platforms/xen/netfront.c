/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* netfront.c: Xen virtual network interfaces (vif) as plat.h net devices. */
#include <errno.h>
#include <ingot/plat.h>
#include <string.h>

#include "net_csum.h"
#include "netfront.h"
#include "xen_internal.h"

#define MAX_VIFS 4
#define TX_BUFS 64  /* frames in flight, each in a page of its own */
#define RX_BUFS 128 /* receive pages posted to the backend */
#define FLUSH_NS 200000000ull
/* How long a vif's backend may take to connect: dom0's hotplug script and
 * netback, slow when dom0 is busy (5 s was not enough under nested TCG on
 * a loaded machine); Linux's netfront waits longer still. */
#define BACKEND_WAIT_NS 30000000000ull

static struct ig_xen_vif vifs[MAX_VIFS];
static int vif_count;

int ig_xen_netfront_count(void)
{
    return vif_count;
}

/* Parses "00:16:3e:01:02:03" into (mac); returns 0 or -1. */
static int parse_mac(const char *s, uint8_t mac[6])
{
    for (int i = 0; i < 6; i++) {
        unsigned v = 0;

        for (int k = 0; k < 2; k++, s++) {
            char c = *s;
            int d = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
            if (d < 0)
                return -1;
            v = v * 16 + (unsigned)d;
        }
        mac[i] = (uint8_t)v;
        if (*s != (i < 5 ? ':' : '\0'))
            return -1;
        s += i < 5;
    }
    return 0;
}

static int xs_write_fmt(const char *dir, const char *key, unsigned long v)
{
    char path[96], val[24];
    int n = 0;

    if (strlen(dir) + strlen(key) + 2 > sizeof(path))
        return -ERANGE;
    strcpy(path, dir);
    strcat(path, "/");
    strcat(path, key);
    do
        val[n++] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    for (int i = 0; i < n / 2; i++) {
        char t = val[i];
        val[i] = val[n - 1 - i];
        val[n - 1 - i] = t;
    }
    val[n] = '\0';
    return ig_xen_xs_write(path, val);
}

static long xs_read_key(const char *dir, const char *key, char *buf, size_t cap)
{
    char path[160];

    if (strlen(dir) + strlen(key) + 2 > sizeof(path))
        return -ERANGE;
    strcpy(path, dir);
    strcat(path, "/");
    strcat(path, key);
    return ig_xen_xs_read(path, buf, cap);
}

static unsigned long to_ulong(const char *s)
{
    unsigned long v = 0;

    while (*s >= '0' && *s <= '9')
        v = v * 10 + (unsigned long)(*s++ - '0');
    return v;
}

/* A frame from dom0's own stack may come with its TCP/UDP checksum only
 * started (the pseudo-header sum in the field): finish it here, over IPv4,
 * where the transport header is found from the IP header. */
static void complete_csum(uint8_t *f, size_t len)
{
    size_t ihl, total;

    if (len < 34 || f[12] != 0x08 || f[13] != 0x00 || (f[14] >> 4) != 4)
        return;
    ihl = (size_t)(f[14] & 0xf) * 4;
    total = (size_t)f[16] << 8 | f[17];
    if (ihl < 20 || total < ihl || 14 + total > len)
        return;
    if (f[23] == 6)
        ig_csum_complete(f, 14 + total, 14 + (unsigned)ihl, 16);
    else if (f[23] == 17)
        ig_csum_complete(f, 14 + total, 14 + (unsigned)ihl, 6);
}

/* Posts receive buffer (i) at the ring's producer index. */
static void rx_post(struct ig_xen_vif *v, unsigned i)
{
    volatile struct ig_xen_netif_rx_req *req =
        &v->rx->ring[v->rx_req_prod % IG_XEN_NETIF_RING].req;

    req->id = (uint16_t)i;
    req->gref = (uint32_t)v->rx_gref[i];
    v->rx_req_prod++;
}

static int vif_connect(struct ig_xen_vif *v, int index)
{
    char dir[32] = "device/vif/", val[128];
    long r;
    int ref;

    dir[11] = (char)('0' + index);
    dir[12] = '\0';
    if (xs_read_key(dir, "backend-id", val, sizeof(val)) < 0 ||
        xs_read_key(dir, "backend", v->backend, sizeof(v->backend)) < 0 ||
        xs_read_key(dir, "mac", val, sizeof(val)) < 0 ||
        parse_mac(val, v->mac) < 0)
        return -1;
    xs_read_key(dir, "backend-id", val, sizeof(val));
    v->backend_id = (uint16_t)to_ulong(val);

    v->tx = ig_kvm_dma_alloc(4096);
    v->rx = ig_kvm_dma_alloc(4096);
    v->tx->rsp_event = v->tx->req_event = 1;
    v->rx->rsp_event = v->rx->req_event = 1;
    v->tx_gref = ig_xen_grant(v->backend_id, (uintptr_t)v->tx, 0);
    v->rx_ring_gref = ig_xen_grant(v->backend_id, (uintptr_t)v->rx, 0);
    r = ig_xen_evtchn_alloc_unbound(v->backend_id);
    if (v->tx_gref < 0 || v->rx_ring_gref < 0 || r < 0)
        return -1;
    v->port = (uint32_t)r;
    ig_xen_evtchn_unmask(v->port);

    for (unsigned i = 0; i < TX_BUFS; i++) {
        v->tx_buf[i] = ig_kvm_dma_alloc(4096);
        ref = ig_xen_grant(v->backend_id, (uintptr_t)v->tx_buf[i], 1);
        if (ref < 0)
            return -1;
        v->tx_buf_gref[i] = ref;
        v->tx_free[i] = 1;
    }
    for (unsigned i = 0; i < RX_BUFS; i++) {
        v->rx_buf[i] = ig_kvm_dma_alloc(4096);
        ref = ig_xen_grant(v->backend_id, (uintptr_t)v->rx_buf[i], 0);
        if (ref < 0)
            return -1;
        v->rx_gref[i] = ref;
        rx_post(v, i);
    }
    v->rx->req_prod = v->rx_req_prod;

    /* One queue, copying receive path, checksums filled by the backend. */
    if (xs_write_fmt(dir, "tx-ring-ref", (unsigned long)v->tx_gref) < 0 ||
        xs_write_fmt(dir, "rx-ring-ref", (unsigned long)v->rx_ring_gref) < 0 ||
        xs_write_fmt(dir, "event-channel", v->port) < 0 ||
        xs_write_fmt(dir, "request-rx-copy", 1) < 0 ||
        xs_write_fmt(dir, "feature-rx-notify", 1) < 0 ||
        xs_write_fmt(dir, "feature-no-csum-offload", 1) < 0 ||
        xs_write_fmt(dir, "state", XEN_BUS_CONNECTED) < 0)
        return -1;

    /* The backend answers by moving to Connected. */
    uint64_t end = ig_xen_time_ns() + BACKEND_WAIT_NS;
    for (;;) {
        if (xs_read_key(v->backend, "state", val, sizeof(val)) >= 0 &&
            to_ulong(val) == XEN_BUS_CONNECTED)
            break;
        if (ig_xen_time_ns() > end)
            return -1;
        ig_plat_idle(ig_xen_time_ns() + 1000000);
    }
    ig_xen_evtchn_notify(v->port);
    return 0;
}

void ig_xen_netfront_init(void)
{
    for (int i = 0; i < MAX_VIFS; i++) {
        char val[16], dir[16] = "device/vif/";

        dir[11] = (char)('0' + i);
        dir[12] = '\0';
        if (xs_read_key(dir, "state", val, sizeof(val)) < 0)
            break;
        if (vif_connect(&vifs[vif_count], i) < 0) {
            ig_kvm_puts("xen: vif ");
            ig_kvm_put_hex((uint64_t)i);
            ig_kvm_puts(" did not connect; continuing without it\n");
            break;
        }
        vif_count++;
    }
}

static struct ig_xen_vif *vif(int dev)
{
    return dev >= 0 && dev < vif_count ? &vifs[dev] : NULL;
}

int ig_plat_net_info(int dev, struct ig_plat_net_info *out)
{
    struct ig_xen_vif *v = vif(dev);

    if (!v)
        return -ENODEV;
    memcpy(out->mac, v->mac, 6);
    out->mtu = 1500;
    out->features = 0;
    return 0;
}

/* Takes back the transmit buffers the backend is done with. */
static void tx_reap(struct ig_xen_vif *v)
{
    uint32_t prod = v->tx->rsp_prod;

    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    while (v->tx_rsp_cons != prod) {
        volatile struct ig_xen_netif_tx_rsp *rsp =
            &v->tx->ring[v->tx_rsp_cons % IG_XEN_NETIF_RING].rsp;

        if (rsp->id < TX_BUFS)
            v->tx_free[rsp->id] = 1;
        v->tx_rsp_cons++;
    }
}

int ig_plat_net_send(int dev, const struct ig_plat_iov *iov, int n)
{
    struct ig_xen_vif *v = vif(dev);
    volatile struct ig_xen_netif_tx_req *req;
    size_t len = 0;
    unsigned id;

    if (!v)
        return -ENODEV;
    for (int i = 0; i < n; i++)
        len += iov[i].len;
    if (len > 1500 + 14)
        return -EMSGSIZE;
    tx_reap(v);
    for (id = 0; id < TX_BUFS && !v->tx_free[id]; id++)
        ;
    if (id == TX_BUFS || v->tx_req_prod - v->tx_rsp_cons >= IG_XEN_NETIF_RING)
        return -EAGAIN;
    for (int i = 0, off = 0; i < n; off += (int)iov[i].len, i++)
        memcpy(v->tx_buf[id] + off, iov[i].base, iov[i].len);
    v->tx_free[id] = 0;
    req = &v->tx->ring[v->tx_req_prod % IG_XEN_NETIF_RING].req;
    req->gref = (uint32_t)v->tx_buf_gref[id];
    req->offset = 0;
    req->flags = 0;
    req->id = (uint16_t)id;
    req->size = (uint16_t)len;
    v->tx_req_prod++;
    /* The request before the index that publishes it. */
    __atomic_thread_fence(__ATOMIC_RELEASE);
    v->tx->req_prod = v->tx_req_prod;
    ig_xen_evtchn_notify(v->port);
    return 0;
}

long ig_plat_net_recv(int dev, void *buf, size_t cap)
{
    struct ig_xen_vif *v = vif(dev);
    struct ig_xen_netif_rx_rsp rsp;
    long ret;

    if (!v)
        return -ENODEV;
    if (v->rx_rsp_cons == v->rx->rsp_prod) {
        /* Ask for an event on the next response, then look once more. */
        v->rx->rsp_event = v->rx_rsp_cons + 1;
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
        if (v->rx_rsp_cons == v->rx->rsp_prod)
            return 0;
    }
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    rsp = v->rx->ring[v->rx_rsp_cons % IG_XEN_NETIF_RING].rsp;
    v->rx_rsp_cons++;
    if (rsp.id >= RX_BUFS)
        return 0; /* a broken backend; nothing to repost */
    if (rsp.status <= 0 || rsp.offset + (unsigned)rsp.status > 4096)
        ret = -EAGAIN; /* an error slot: dropped below */
    else if ((size_t)rsp.status > cap)
        ret = -EMSGSIZE;
    else {
        memcpy(buf, v->rx_buf[rsp.id] + rsp.offset, (size_t)rsp.status);
        ret = rsp.status;
        if (rsp.flags & IG_XEN_NETRXF_CSUM_BLANK)
            complete_csum(buf, (size_t)ret);
    }
    rx_post(v, rsp.id);
    __atomic_thread_fence(__ATOMIC_RELEASE);
    v->rx->req_prod = v->rx_req_prod;
    ig_xen_evtchn_notify(v->port);
    if (ret == -EAGAIN)
        return ig_plat_net_recv(dev, buf, cap);
    return ret;
}

void ig_xen_netfront_flush(void)
{
    uint64_t end = ig_xen_time_ns() + FLUSH_NS;

    for (int i = 0; i < vif_count; i++) {
        struct ig_xen_vif *v = &vifs[i];

        for (tx_reap(v); v->tx_rsp_cons != v->tx_req_prod; tx_reap(v)) {
            if (ig_xen_time_ns() > end)
                return;
            ig_plat_idle(ig_xen_time_ns() + 1000000);
        }
    }
}
