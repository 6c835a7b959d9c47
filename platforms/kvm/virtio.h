/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* virtio.h: the virtio core (devices, transports, split virtqueues),
 * kvm-internal. */
#ifndef INGOT_KVM_VIRTIO_H
#define INGOT_KVM_VIRTIO_H

/*
 * Layers, bottom up:
 *   - transports (virtio_mmio.c, virtio_pci.c) find devices and implement
 *     struct ig_virtio_ops: feature and status registers, device config,
 *     queue registration, notification and interrupt routing;
 *   - virtio.c runs the device handshake over any transport
 *     (ig_virtio_start) and hands each device found to its driver;
 *   - virtio_ring.c is the split virtqueue: descriptor chains from a free
 *     list, the avail and used rings, VIRTIO_F_EVENT_IDX;
 *   - drivers (virtio_rng.c, virtio_net.c, virtio_9p.c) implement plat.h.
 * Guest physical addresses equal virtual ones on this platform (identity
 * paging), so any mapped buffer can be given to a device as it is.
 */

#include <stddef.h>
#include <stdint.h>

#include <ingot/plat.h>

#define IG_VIRTIO_ID_NET 1
#define IG_VIRTIO_ID_ENTROPY 4
#define IG_VIRTIO_ID_9P 9

#define IG_VIRTIO_F_EVENT_IDX (1ull << 29)
#define IG_VIRTIO_F_VERSION_1 (1ull << 32)

/* The largest queue the drivers use, whatever the device offers. */
#define IG_VIRTQ_MAX 256

struct ig_virtio_dev;

/* What a transport does for the core.  Config offsets are the device's
 * (virtio spec "device configuration layout"). */
struct ig_virtio_ops {
    uint64_t (*features)(struct ig_virtio_dev *d); /* the device's */
    void (*set_features)(struct ig_virtio_dev *d, uint64_t f);
    uint8_t (*status)(struct ig_virtio_dev *d);
    void (*set_status)(struct ig_virtio_dev *d, uint8_t s);
    uint8_t (*config8)(struct ig_virtio_dev *d, unsigned off);
    /* Largest size of queue (q), 0 when it does not exist. */
    uint16_t (*queue_max)(struct ig_virtio_dev *d, unsigned q);
    /* Registers queue (q) of (size) entries at the three addresses and
     * enables it, with its interrupt on the device's vector.  Returns 0
     * or -1. */
    int (*queue_setup)(struct ig_virtio_dev *d, unsigned q, uint16_t size,
                       uint64_t desc, uint64_t avail, uint64_t used);
    void (*notify)(struct ig_virtio_dev *d, unsigned q);
    /* Routes the device's interrupt to a new vector whose handler
     * acknowledges it.  Returns 0, or -1 (the driver then cannot wait). */
    int (*irq_setup)(struct ig_virtio_dev *d);
};

struct ig_virtio_dev {
    const struct ig_virtio_ops *ops;
    void *tr;          /* the transport's state */
    uint32_t id;       /* IG_VIRTIO_ID_* */
    uint64_t features; /* negotiated */
    const char *where; /* for messages: "virtio-mmio" or "virtio-pci" */
    int has_irq;       /* irq_setup succeeded: waits halt, else poll */
};

struct virtq_desc {
    uint64_t addr;
    uint32_t len;
    uint16_t flags, next;
};

struct ig_virtq {
    struct ig_virtio_dev *dev;
    unsigned index;
    uint16_t size, num_free, free_head, last_used, avail_idx, kicked_idx;
    int event_idx, intr_on;
    struct virtq_desc *desc;
    volatile uint16_t *avail; /* flags, idx, ring[size], used_event */
    volatile uint16_t
        *used;    /* flags, idx, {u32 id, u32 len}[size], avail_event */
    void **token; /* per chain head */
};

/* virtio.c: resets (d), negotiates VIRTIO_F_VERSION_1 (required) and those
 * of (want) the device offers, plus VIRTIO_F_EVENT_IDX when offered, sets
 * up queues 0 .. (nq) - 1 into (qs) with at most (cap) entries each,
 * routes the interrupt and sets DRIVER_OK.  Returns 0, or -1 after
 * printing why (no version 1, features refused, a queue missing) with the
 * device marked FAILED. */
int ig_virtio_start(struct ig_virtio_dev *d, uint64_t want, struct ig_virtq *qs,
                    int nq, uint16_t cap);

/* virtio.c: called by the transports for each device found; starts the
 * driver for its kind (a copy of (d) is kept when the driver takes it). */
void ig_virtio_found(const struct ig_virtio_dev *d);

/* Drivers: each takes a device of its kind that a transport found, starts
 * it and keeps a copy of (d); a device that fails to start is skipped
 * with a console message. */
void ig_virtio_rng_probe(const struct ig_virtio_dev *d);
void ig_virtio_net_probe(const struct ig_virtio_dev *d);
void ig_virtio_9p_probe(const struct ig_virtio_dev *d);

/* virtio_mmio.c / virtio_pci.c: find every device and pass each to
 * ig_virtio_found(). */
void ig_virtio_mmio_scan(void);
void ig_virtio_pci_scan(void);

/* virtio_ring.c: makes (q) a queue of (size) entries (a power of two, at
 * most IG_VIRTQ_MAX) in new zeroed memory and registers it as queue
 * (index) of (d).  Returns 0, or -1 when the transport refuses it. */
int ig_virtq_init(struct ig_virtq *q, struct ig_virtio_dev *d, unsigned index,
                  uint16_t size);

/* Adds one chain: the (nout) device-readable pieces (out), then the (nin)
 * device-writable pieces (in), remembered with (token), which
 * ig_virtq_get() returns when the device is done.  Empty pieces are
 * skipped.  Returns 0, -EAGAIN when too few descriptors are free (all of
 * them would not be enough: -EMSGSIZE), -EINVAL for no pieces at all. */
int ig_virtq_add(struct ig_virtq *q, const struct ig_plat_iov *out, int nout,
                 const struct ig_plat_iov *in, int nin, void *token);

/* Tells the device about the chains added since the last kick, unless it
 * asked not to be told (avail_event, or VIRTQ_USED_F_NO_NOTIFY). */
void ig_virtq_kick(struct ig_virtq *q);

/* Returns the token of the next chain the device finished, storing the
 * number of bytes it wrote in (*len), and frees its descriptors; NULL when
 * none is finished. */
void *ig_virtq_get(struct ig_virtq *q, uint32_t *len);

/* Asks for an interrupt when the next chain finishes (on), or for as few
 * as possible (off).  After turning them on, check ig_virtq_get() again:
 * a chain may have finished in between. */
void ig_virtq_intr(struct ig_virtq *q, int on);

/* Waits, halting in ig_plat_idle(), until the device finishes a chain of
 * (q) or (ns) nanoseconds pass.  Returns 1 when a chain is finished, 0 on
 * timeout. */
int ig_virtq_wait(struct ig_virtq *q, uint64_t ns);

#endif /* INGOT_KVM_VIRTIO_H */
