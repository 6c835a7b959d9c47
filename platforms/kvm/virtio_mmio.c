/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* virtio_mmio.c: the virtio-mmio transport (QEMU microvm, Firecracker). */
#include "kvm_internal.h"
#include "virtio.h"

/*
 * QEMU 7.2 microvm with acpi=off has one I/O APIC and 8 transports of
 * 0x200 bytes from 0xfeb00000, transport i wired to I/O APIC pin 5 + i
 * (with ACPI it would be 24 transports on a second I/O APIC, described
 * only in ACPI tables).  The window is mapped uncached by paging.c.
 */
#define MMIO_BASE 0xfeb00000ull
#define MMIO_STRIDE 0x200u
#define MMIO_SLOTS 8
#define MMIO_IRQ_BASE 5

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
#define R_INTERRUPT_STATUS 0x060
#define R_INTERRUPT_ACK 0x064
#define R_STATUS 0x070
#define R_QUEUE_DESC_LO 0x080
#define R_QUEUE_DESC_HI 0x084
#define R_QUEUE_AVAIL_LO 0x090
#define R_QUEUE_AVAIL_HI 0x094
#define R_QUEUE_USED_LO 0x0a0
#define R_QUEUE_USED_HI 0x0a4
#define R_CONFIG 0x100

#define MAGIC 0x74726976u /* "virt" */

struct mmio {
    volatile uint32_t *regs;
    unsigned slot;
};

static struct mmio slots[MMIO_SLOTS];

static uint32_t rd(struct ig_virtio_dev *d, unsigned off)
{
    return ((struct mmio *)d->tr)->regs[off / 4];
}

static void wr(struct ig_virtio_dev *d, unsigned off, uint32_t v)
{
    ((struct mmio *)d->tr)->regs[off / 4] = v;
}

static uint64_t features(struct ig_virtio_dev *d)
{
    uint64_t f;

    wr(d, R_DEV_FEATURES_SEL, 1);
    f = (uint64_t)rd(d, R_DEV_FEATURES) << 32;
    wr(d, R_DEV_FEATURES_SEL, 0);
    return f | rd(d, R_DEV_FEATURES);
}

static void set_features(struct ig_virtio_dev *d, uint64_t f)
{
    wr(d, R_DRV_FEATURES_SEL, 0);
    wr(d, R_DRV_FEATURES, (uint32_t)f);
    wr(d, R_DRV_FEATURES_SEL, 1);
    wr(d, R_DRV_FEATURES, (uint32_t)(f >> 32));
}

static uint8_t status(struct ig_virtio_dev *d)
{
    return (uint8_t)rd(d, R_STATUS);
}

static void set_status(struct ig_virtio_dev *d, uint8_t s)
{
    wr(d, R_STATUS, s);
}

static uint8_t config8(struct ig_virtio_dev *d, unsigned off)
{
    volatile uint8_t *c = (volatile uint8_t *)((struct mmio *)d->tr)->regs;

    return c[R_CONFIG + off];
}

static uint16_t queue_max(struct ig_virtio_dev *d, unsigned q)
{
    wr(d, R_QUEUE_SEL, q);
    if (rd(d, R_QUEUE_READY) != 0)
        return 0; /* in use already: not a fresh device */
    uint32_t max = rd(d, R_QUEUE_NUM_MAX);
    return max > 0xffff ? 0x8000 : (uint16_t)max;
}

static int queue_setup(struct ig_virtio_dev *d, unsigned q, uint16_t size,
                       uint64_t desc, uint64_t avail, uint64_t used)
{
    wr(d, R_QUEUE_SEL, q);
    wr(d, R_QUEUE_NUM, size);
    wr(d, R_QUEUE_DESC_LO, (uint32_t)desc);
    wr(d, R_QUEUE_DESC_HI, (uint32_t)(desc >> 32));
    wr(d, R_QUEUE_AVAIL_LO, (uint32_t)avail);
    wr(d, R_QUEUE_AVAIL_HI, (uint32_t)(avail >> 32));
    wr(d, R_QUEUE_USED_LO, (uint32_t)used);
    wr(d, R_QUEUE_USED_HI, (uint32_t)(used >> 32));
    wr(d, R_QUEUE_READY, 1);
    return rd(d, R_QUEUE_READY) == 1 ? 0 : -1;
}

static void notify(struct ig_virtio_dev *d, unsigned q)
{
    wr(d, R_QUEUE_NOTIFY, q);
}

/* The line stays up while InterruptStatus has bits set: acknowledge them
 * all before the EOI (irq.c). */
static void irq_ack(void *arg)
{
    struct mmio *m = arg;

    m->regs[R_INTERRUPT_ACK / 4] = m->regs[R_INTERRUPT_STATUS / 4];
}

static int irq_setup(struct ig_virtio_dev *d)
{
    struct mmio *m = d->tr;
    int vec = ig_kvm_irq_alloc(irq_ack, m);

    if (vec < 0)
        return -1;
    return ig_arch_ioapic_route(MMIO_IRQ_BASE + m->slot, (unsigned)vec);
}

static const struct ig_virtio_ops ops = {
    .features = features,
    .set_features = set_features,
    .status = status,
    .set_status = set_status,
    .config8 = config8,
    .queue_max = queue_max,
    .queue_setup = queue_setup,
    .notify = notify,
    .irq_setup = irq_setup,
};

void ig_virtio_mmio_scan(void)
{
    for (unsigned i = 0; i < MMIO_SLOTS; i++) {
        struct ig_virtio_dev d = {
            .ops = &ops, .tr = &slots[i], .where = "virtio-mmio"};

        slots[i].regs =
            (volatile uint32_t *)(uintptr_t)(MMIO_BASE + i * MMIO_STRIDE);
        slots[i].slot = i;
        /* Empty slots answer with the magic and device ID 0; legacy
         * (version 1) transports are not supported.  Outside microvm the
         * window reads as all ones or zeros. */
        if (rd(&d, R_MAGIC) != MAGIC || rd(&d, R_VERSION) != 2)
            continue;
        d.id = rd(&d, R_DEVICE_ID);
        if (d.id != 0)
            ig_virtio_found(&d);
    }
}
