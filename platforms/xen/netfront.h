/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* netfront.h: the netif shared rings (io/netif.h, io/ring.h) and a vif. */
#ifndef INGOT_XEN_NETFRONT_H
#define INGOT_XEN_NETFRONT_H

#include <stdint.h>

/* Entries per ring: the largest power of two fitting a page after the
 * 64-byte header (12-byte tx entries: 336 -> 256; 8-byte rx: 504 -> 256). */
#define IG_XEN_NETIF_RING 256u

struct ig_xen_netif_tx_req {
    uint32_t gref;
    uint16_t offset, flags, id, size;
};
struct ig_xen_netif_tx_rsp {
    uint16_t id;
    int16_t status;
};
struct ig_xen_netif_rx_req {
    uint16_t id, pad;
    uint32_t gref;
};
#define IG_XEN_NETRXF_CSUM_BLANK 2u /* checksum not filled in yet */
struct ig_xen_netif_rx_rsp {
    uint16_t id, offset, flags;
    int16_t status; /* bytes received, or negative on error */
};

struct ig_xen_tx_sring {
    uint32_t req_prod, req_event, rsp_prod, rsp_event;
    uint8_t pad[48];
    union {
        struct ig_xen_netif_tx_req req;
        struct ig_xen_netif_tx_rsp rsp;
    } ring[IG_XEN_NETIF_RING];
};
struct ig_xen_rx_sring {
    uint32_t req_prod, req_event, rsp_prod, rsp_event;
    uint8_t pad[48];
    union {
        struct ig_xen_netif_rx_req req;
        struct ig_xen_netif_rx_rsp rsp;
    } ring[IG_XEN_NETIF_RING];
};

struct ig_xen_vif {
    char backend[96];
    uint16_t backend_id;
    uint8_t mac[6];
    uint32_t port;
    volatile struct ig_xen_tx_sring *tx;
    volatile struct ig_xen_rx_sring *rx;
    int tx_gref, rx_ring_gref;
    uint32_t tx_req_prod, tx_rsp_cons, rx_req_prod, rx_rsp_cons;
    uint8_t *tx_buf[64];
    int tx_buf_gref[64];
    uint8_t tx_free[64];
    uint8_t *rx_buf[128];
    int rx_gref[128];
};

#endif /* INGOT_XEN_NETFRONT_H */
