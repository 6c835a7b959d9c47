/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* virtio_mmio.c: virtio 1.x over mmio: discovery, handshake, one queue. */
#include <errno.h>

#include "kvm_internal.h"
#include "virtio.h"
#include "x86_64/x86.h"

/* QEMU microvm: 24 transports of 0x200 bytes from 0xfeb00000 (mapped
 * uncached by paging.c, which maps the whole hole below 4 GiB). */
#define MMIO_BASE 0xfeb00000ull
#define MMIO_STRIDE 0x200u
#define MMIO_SLOTS 24

/* Register offsets of the virtio-mmio v2 (non-legacy) layout, in bytes. */
#define R_MAGIC 0x000
#define R_VERSION 0x004
#define R_DEVICE_ID 0x008
#define R_DEV_FEATURES 0x010
#define R_DEV_FEATURES_SEL 0x014
#define R_DRV_FEATURES 0x020
#define R_DRV_FEATURES_SEL 0x024
#define R_QUEUE_SEL 0x030
#define R_QUEUE_NUM_MAX 0x034
#define R_QUEUE_NUM 0x038
#define R_QUEUE_READY 0x044
#define R_QUEUE_NOTIFY 0x050
#define R_STATUS 0x070
#define R_QUEUE_DESC_LO 0x080
#define R_QUEUE_DESC_HI 0x084
#define R_QUEUE_AVAIL_LO 0x090
#define R_QUEUE_AVAIL_HI 0x094
#define R_QUEUE_USED_LO 0x0a0
#define R_QUEUE_USED_HI 0x0a4

#define MAGIC 0x74726976u /* "virt" */

#define S_ACKNOWLEDGE 1u
#define S_DRIVER 2u
#define S_DRIVER_OK 4u
#define S_FEATURES_OK 8u
#define S_FAILED 128u

#define F_VERSION_1_HI (1u << 0) /* feature bit 32 */

#define DESC_F_WRITE 2u

struct virtq_desc {
    uint64_t addr;
    uint32_t len;
    uint16_t flags, next;
};

struct virtq_avail {
    uint16_t flags, idx;
    uint16_t ring[IG_VIRTQ_SIZE];
};

struct virtq_used {
    uint16_t flags;
    volatile uint16_t idx;
    struct {
        uint32_t id, len;
    } ring[IG_VIRTQ_SIZE];
};

/* Layout inside the ring page; each part is more aligned than the spec asks
 * (descriptors 16, avail 2, used 4). */
#define OFF_AVAIL 0x400
#define OFF_USED 0x800

static uint32_t rd(struct ig_virtio_dev *d, unsigned off)
{
    return d->regs[off / 4];
}

static void wr(struct ig_virtio_dev *d, unsigned off, uint32_t v)
{
    d->regs[off / 4] = v;
}

int ig_kvm_virtio_find(struct ig_virtio_dev *dev, uint32_t id)
{
    for (int i = 0; i < MMIO_SLOTS; i++) {
        dev->regs =
            (volatile uint32_t *)(uintptr_t)(MMIO_BASE + i * MMIO_STRIDE);
        /* Empty slots answer with the magic and device ID 0; legacy
         * (version 1) transports are not supported. */
        if (rd(dev, R_MAGIC) == MAGIC && rd(dev, R_VERSION) == 2 &&
            rd(dev, R_DEVICE_ID) == id)
            return 0;
    }
    dev->regs = NULL;
    return -ENODEV;
}

static int fail(struct ig_virtio_dev *d)
{
    wr(d, R_STATUS, rd(d, R_STATUS) | S_FAILED);
    return -EIO;
}

int ig_kvm_virtio_start(struct ig_virtio_dev *d, void *ring)
{
    uint64_t pa = (uintptr_t)ring;

    wr(d, R_STATUS, 0); /* reset */
    while (rd(d, R_STATUS) != 0)
        ig_arch_pause();
    wr(d, R_STATUS, S_ACKNOWLEDGE);
    wr(d, R_STATUS, S_ACKNOWLEDGE | S_DRIVER);

    wr(d, R_DEV_FEATURES_SEL, 1);
    if (!(rd(d, R_DEV_FEATURES) & F_VERSION_1_HI))
        return fail(d);
    wr(d, R_DRV_FEATURES_SEL, 0);
    wr(d, R_DRV_FEATURES, 0);
    wr(d, R_DRV_FEATURES_SEL, 1);
    wr(d, R_DRV_FEATURES, F_VERSION_1_HI);
    wr(d, R_STATUS, S_ACKNOWLEDGE | S_DRIVER | S_FEATURES_OK);
    if (!(rd(d, R_STATUS) & S_FEATURES_OK))
        return fail(d);

    wr(d, R_QUEUE_SEL, 0);
    uint32_t max = rd(d, R_QUEUE_NUM_MAX);
    if (max == 0 || rd(d, R_QUEUE_READY) != 0)
        return fail(d);
    d->qsize = max < IG_VIRTQ_SIZE ? (uint16_t)max : IG_VIRTQ_SIZE;
    d->ring = ring;
    d->last_used = d->avail_idx = 0;
    wr(d, R_QUEUE_NUM, d->qsize);
    wr(d, R_QUEUE_DESC_LO, (uint32_t)pa);
    wr(d, R_QUEUE_DESC_HI, (uint32_t)(pa >> 32));
    wr(d, R_QUEUE_AVAIL_LO, (uint32_t)(pa + OFF_AVAIL));
    wr(d, R_QUEUE_AVAIL_HI, (uint32_t)((pa + OFF_AVAIL) >> 32));
    wr(d, R_QUEUE_USED_LO, (uint32_t)(pa + OFF_USED));
    wr(d, R_QUEUE_USED_HI, (uint32_t)((pa + OFF_USED) >> 32));
    wr(d, R_QUEUE_READY, 1);

    wr(d, R_STATUS, S_ACKNOWLEDGE | S_DRIVER | S_FEATURES_OK | S_DRIVER_OK);
    return 0;
}

long ig_kvm_virtio_xfer(struct ig_virtio_dev *d, void *buf, uint32_t len)
{
    char *page = d->ring;
    struct virtq_desc *desc = (struct virtq_desc *)page;
    struct virtq_avail *avail = (struct virtq_avail *)(page + OFF_AVAIL);
    struct virtq_used *used = (struct virtq_used *)(page + OFF_USED);
    uint16_t slot = d->avail_idx % d->qsize;

    /* One request in flight at a time, so descriptor (slot) is free. */
    desc[slot].addr = (uintptr_t)buf;
    desc[slot].len = len;
    desc[slot].flags = DESC_F_WRITE;
    desc[slot].next = 0;
    avail->ring[slot] = slot;
    /* The device must see the descriptor and ring entry before the index,
     * and the index before the notification. */
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    avail->idx = ++d->avail_idx;
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    wr(d, R_QUEUE_NOTIFY, 0);

    uint64_t deadline = ig_plat_clock_monotonic() + 1000000000ull;
    /* The device writes used->idx behind the compiler's back. */
    while (*(volatile uint16_t *)&used->idx == d->last_used) {
        if (ig_plat_clock_monotonic() > deadline)
            return -EIO;
        ig_arch_pause();
    }
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    uint32_t got = used->ring[d->last_used % d->qsize].len;
    d->last_used++;
    return got > len ? (long)len : (long)got;
}
