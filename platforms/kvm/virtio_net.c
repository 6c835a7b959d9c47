/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* virtio_net.c: virtio-net as the network devices of plat.h (ig_plat_net_*). */
#include <errno.h>
#include <string.h>

#include "kvm_internal.h"
#include "net_csum.h"
#include "virtio.h"

#define F_CSUM (1ull << 0)
#define F_GUEST_CSUM (1ull << 1)
#define F_MAC (1ull << 5)
#define CFG_MAC 0

#define HDR_F_NEEDS_CSUM 1u
#define HDR_LEN 12 /* struct virtio_net_hdr with num_buffers (version 1) */

#define MAX_DEVS 4
#define QCAP 128
#define MTU 1500
#define FRAME_MAX (MTU + 14)
/* Without VIRTIO_NET_F_MRG_RXBUF every receive buffer must hold a whole
 * frame after its header (at least 1526 bytes); 2 KiB keeps them aligned. */
#define BUF 2048

struct net_hdr {
    uint8_t flags, gso_type;
    uint16_t hdr_len, gso_size, csum_start, csum_offset, num_buffers;
};

static struct vnet {
    struct ig_virtio_dev dev;
    struct ig_virtq q[2]; /* receiveq1, transmitq1 */
    uint8_t mac[6];
    uint8_t *rxbuf, *txbuf; /* q.size buffers of BUF bytes each */
    uint16_t *txfree;       /* a stack of free transmit buffer numbers */
    unsigned ntxfree;
} devs[MAX_DEVS];
static int ndevs;

static struct vnet *get(int dev)
{
    return dev >= 0 && dev < ndevs ? &devs[dev] : NULL;
}

static int post_rx(struct vnet *n, uint8_t *buf)
{
    struct ig_plat_iov in = {buf, BUF};

    return ig_virtq_add(&n->q[0], NULL, 0, &in, 1, buf);
}

void ig_virtio_net_probe(const struct ig_virtio_dev *d)
{
    struct vnet *n = &devs[ndevs];
    uint16_t rsize, tsize;

    if (ndevs == MAX_DEVS) {
        ig_kvm_puts("kvm: more than 4 virtio-net devices; the rest skipped\n");
        return;
    }
    n->dev = *d;
    if (ig_virtio_start(&n->dev, F_CSUM | F_GUEST_CSUM | F_MAC, n->q, 2, QCAP) <
        0)
        return;
    if (n->dev.features & F_MAC) {
        for (unsigned i = 0; i < 6; i++)
            n->mac[i] = n->dev.ops->config8(&n->dev, CFG_MAC + i);
    } else {
        /* Locally administered, unicast, different on every boot. */
        uint64_t t = ig_kvm_tsc_ns() ^ (uint64_t)ndevs << 40;

        for (unsigned i = 0; i < 6; i++)
            n->mac[i] = (uint8_t)(t >> (8 * i));
        n->mac[0] = (uint8_t)((n->mac[0] & 0xfc) | 0x02);
    }
    rsize = n->q[0].size;
    tsize = n->q[1].size;
    n->rxbuf = ig_kvm_dma_buffers((uint64_t)rsize * BUF);
    n->txbuf = ig_kvm_dma_buffers((uint64_t)tsize * BUF);
    n->txfree = ig_kvm_dma_alloc(sizeof(uint16_t) * tsize);
    for (uint16_t i = 0; i < tsize; i++)
        n->txfree[i] = i;
    n->ntxfree = tsize;
    /* Every receive descriptor holds a buffer; each frame taken is
     * replaced at once.  Interrupts: on for receive, off for transmit
     * (completions are reclaimed on the next send) until the ring fills. */
    for (uint16_t i = 0; i < rsize; i++)
        post_rx(n, n->rxbuf + (size_t)i * BUF);
    ig_virtq_intr(&n->q[0], 1);
    ig_virtq_intr(&n->q[1], 0);
    ig_virtq_kick(&n->q[0]);
    ndevs++;
}

int ig_kvm_virtio_net_count(void)
{
    return ndevs;
}

int ig_plat_net_info(int dev, struct ig_plat_net_info *out)
{
    struct vnet *n = get(dev);

    if (!n)
        return -ENODEV;
    memcpy(out->mac, n->mac, 6);
    out->mtu = MTU;
    out->features = (n->dev.features & F_CSUM) ? IG_PLAT_NET_F_CSUM : 0;
    return 0;
}

static void reclaim_tx(struct vnet *n)
{
    uint32_t len;
    uint8_t *b;

    while ((b = ig_virtq_get(&n->q[1], &len)) != NULL)
        n->txfree[n->ntxfree++] = (uint16_t)((size_t)(b - n->txbuf) / BUF);
}

void ig_kvm_virtio_net_flush(uint64_t ns)
{
    uint64_t end = 0;

    for (int i = 0; i < ndevs; i++) {
        struct vnet *n = &devs[i];
        reclaim_tx(n);
        while (n->ntxfree < n->q[1].size) {
            /* Only now the clock: its first use calibrates the TSC, which
             * costs milliseconds that an image without traffic must not
             * pay at exit. */
            uint64_t now = ig_plat_clock_monotonic();
            if (end == 0)
                end = now + ns;
            if (now >= end)
                return;
            ig_virtq_intr(&n->q[1], 1);
            ig_virtq_wait(&n->q[1], end - now);
            reclaim_tx(n);
        }
        ig_virtq_intr(&n->q[1], 0);
    }
}

int ig_plat_net_send(int dev, const struct ig_plat_iov *iov, int niov)
{
    struct vnet *n = get(dev);
    size_t total = 0;
    struct net_hdr *h;
    struct ig_plat_iov piece;
    struct ig_csum_place pl;
    uint8_t *b;

    if (!n)
        return -ENODEV;
    for (int i = 0; i < niov; i++)
        total += iov[i].len;
    if (total > FRAME_MAX || niov < 0)
        return -EMSGSIZE;
    reclaim_tx(n);
    if (n->ntxfree == 0) {
        /* Full: ask for an interrupt so the caller's idle ends when a
         * buffer comes back, then look once more (one may have). */
        ig_virtq_intr(&n->q[1], 1);
        reclaim_tx(n);
        if (n->ntxfree == 0)
            return -EAGAIN;
    }
    ig_virtq_intr(&n->q[1], 0);
    b = n->txbuf + (size_t)n->txfree[--n->ntxfree] * BUF;
    h = (struct net_hdr *)b;
    memset(h, 0, HDR_LEN);
    total = 0;
    for (int i = 0; i < niov; i++) {
        memcpy(b + HDR_LEN + total, iov[i].base, iov[i].len);
        total += iov[i].len;
    }
    /* With offload the device computes TCP and UDP checksums from the
     * pseudo-header sum we leave in the field, whatever the stack put
     * there, which is what IG_PLAT_NET_F_CSUM promises the stack. */
    if ((n->dev.features & F_CSUM) &&
        ig_csum_offload_prepare(b + HDR_LEN, total, &pl)) {
        h->flags = HDR_F_NEEDS_CSUM;
        h->csum_start = pl.start;
        h->csum_offset = pl.offset;
    }
    piece.base = b;
    piece.len = HDR_LEN + total;
    if (ig_virtq_add(&n->q[1], &piece, 1, NULL, 0, b) < 0) {
        n->ntxfree++; /* cannot happen: one descriptor per buffer */
        return -EAGAIN;
    }
    ig_virtq_kick(&n->q[1]);
    return 0;
}

long ig_plat_net_recv(int dev, void *buf, size_t cap)
{
    struct vnet *n = get(dev);
    uint32_t len = 0;
    uint8_t *b;
    long r;

    if (!n)
        return -ENODEV;
    b = ig_virtq_get(&n->q[0], &len);
    if (!b)
        return 0;
    if (len < HDR_LEN || len > BUF) {
        r = 0; /* malformed by the device: dropped */
    } else {
        const struct net_hdr *h = (const struct net_hdr *)b;
        size_t flen = len - HDR_LEN;

        /* A partial checksum (from a host that offloads, with
         * VIRTIO_NET_F_GUEST_CSUM) is completed here: frames handed up
         * are always whole. */
        if ((h->flags & HDR_F_NEEDS_CSUM) &&
            ig_csum_complete(b + HDR_LEN, flen, h->csum_start, h->csum_offset) <
                0)
            r = 0;
        else if (flen > cap)
            r = -EMSGSIZE;
        else {
            memcpy(buf, b + HDR_LEN, flen);
            r = (long)flen;
        }
    }
    post_rx(n, b);
    ig_virtq_kick(&n->q[0]);
    /* A dropped malformed frame must not end the caller's drain loop
     * while others wait. */
    if (r == 0)
        return ig_plat_net_recv(dev, buf, cap);
    return r;
}
