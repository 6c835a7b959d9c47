/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* virtio.h: virtio-mmio transport and one split virtqueue, kvm-internal. */
#ifndef INGOT_KVM_VIRTIO_H
#define INGOT_KVM_VIRTIO_H

/*
 * Call order: ig_kvm_virtio_find() locates a device by its virtio device ID
 * among the microvm virtio-mmio slots; ig_kvm_virtio_start() resets it,
 * negotiates VIRTIO_F_VERSION_1 (and nothing else) and sets up queue 0;
 * ig_kvm_virtio_xfer() then hands one device-writable buffer to the device
 * and polls the used ring for its completion.  No interrupts yet: the first
 * driver (virtio-rng) is happy to poll; virtio-net will bring them.
 */

#include <stddef.h>
#include <stdint.h>

#define IG_VIRTIO_ID_ENTROPY 4

#define IG_VIRTQ_SIZE 8

struct ig_virtio_dev {
    volatile uint32_t *regs; /* the 0x200-byte mmio window */
    uint16_t qsize;          /* negotiated queue size */
    uint16_t last_used;      /* next used-ring index to consume */
    uint16_t avail_idx;      /* our copy of avail->idx */
    void *ring;              /* one page: descriptors, avail, used */
};

/* Stores in (dev->regs) the first virtio-mmio v2 device whose device ID is
 * (id).  Returns 0, -ENODEV when there is none. */
int ig_kvm_virtio_find(struct ig_virtio_dev *dev, uint32_t id);

/* Brings (dev) to DRIVER_OK with queue 0 in (ring), a zeroed page-aligned
 * page.  Returns 0, -EIO when the device refuses the features or has no
 * queue 0 (the device is then marked FAILED). */
int ig_kvm_virtio_start(struct ig_virtio_dev *dev, void *ring);

/* Gives (len) bytes at (buf) (physical == virtual) to the device as one
 * device-writable descriptor on queue 0 and waits for it.  Returns the
 * number of bytes the device wrote, or -EIO after a second without
 * completion. */
long ig_kvm_virtio_xfer(struct ig_virtio_dev *dev, void *buf, uint32_t len);

#endif /* INGOT_KVM_VIRTIO_H */
