/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* virtio.c: device handshake over any transport, and drivers by device kind. */
#include "kvm_internal.h"
#include "virtio.h"
#include "x86_64/x86.h"

#define S_ACKNOWLEDGE 1u
#define S_DRIVER 2u
#define S_DRIVER_OK 4u
#define S_FEATURES_OK 8u
#define S_FAILED 128u

static int fail(struct ig_virtio_dev *d, const char *why)
{
    d->ops->set_status(d, (uint8_t)(d->ops->status(d) | S_FAILED));
    ig_kvm_puts("kvm: ");
    ig_kvm_puts(d->where);
    ig_kvm_puts(" device ");
    ig_kvm_put_hex(d->id);
    ig_kvm_puts(": ");
    ig_kvm_puts(why);
    ig_kvm_puts("; skipped\n");
    return -1;
}

int ig_virtio_start(struct ig_virtio_dev *d, uint64_t want, struct ig_virtq *qs,
                    int nq, uint16_t cap)
{
    uint64_t offered;

    d->ops->set_status(d, 0); /* reset */
    while (d->ops->status(d) != 0)
        ig_arch_pause();
    d->ops->set_status(d, S_ACKNOWLEDGE);
    d->ops->set_status(d, S_ACKNOWLEDGE | S_DRIVER);
    offered = d->ops->features(d);
    if (!(offered & IG_VIRTIO_F_VERSION_1))
        return fail(d, "no VIRTIO_F_VERSION_1 (legacy only)");
    d->features =
        offered & (want | IG_VIRTIO_F_VERSION_1 | IG_VIRTIO_F_EVENT_IDX);
    d->ops->set_features(d, d->features);
    d->ops->set_status(d, S_ACKNOWLEDGE | S_DRIVER | S_FEATURES_OK);
    if (!(d->ops->status(d) & S_FEATURES_OK))
        return fail(d, "features refused");

    /* Before the queues: on PCI each queue names its MSI-X entry. */
    d->has_irq = d->ops->irq_setup(d) == 0;
    if (!d->has_irq) {
        ig_kvm_puts("kvm: ");
        ig_kvm_puts(d->where);
        ig_kvm_puts(": no interrupt for a device; it will be polled\n");
    }
    for (int i = 0; i < nq; i++) {
        uint16_t max = d->ops->queue_max(d, (unsigned)i), size = 1;

        if (max == 0)
            return fail(d, "a queue is missing");
        /* A power of two (ring indexes wrap with a mask) within both. */
        while ((uint32_t)size * 2 <= max && size * 2 <= cap)
            size = (uint16_t)(size * 2);
        if (ig_virtq_init(&qs[i], d, (unsigned)i, size) < 0)
            return fail(d, "queue setup refused");
    }
    d->ops->set_status(d,
                       S_ACKNOWLEDGE | S_DRIVER | S_FEATURES_OK | S_DRIVER_OK);
    return 0;
}

void ig_virtio_found(const struct ig_virtio_dev *d)
{
    switch (d->id) {
    case IG_VIRTIO_ID_ENTROPY:
        ig_virtio_rng_probe(d);
        break;
    case IG_VIRTIO_ID_NET:
        ig_virtio_net_probe(d);
        break;
    case IG_VIRTIO_ID_9P:
        ig_virtio_9p_probe(d);
        break;
    default:
        break; /* not ours: left untouched, so it stays quiet */
    }
}

void ig_kvm_virtio_init(void)
{
    int npci;

    /* With a PCI bus (q35), 0xfeb00000 is in the window where firmware
     * puts BARs, so reading "virtio-mmio slots" there could touch another
     * device's registers: machines have one transport or the other. */
    ig_kvm_pci_fns(&npci);
    if (npci == 0)
        ig_virtio_mmio_scan();
    else
        ig_virtio_pci_scan();
}
