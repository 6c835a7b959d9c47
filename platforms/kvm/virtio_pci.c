/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* virtio_pci.c: the modern virtio-pci transport (q35, Cloud Hypervisor). */
#include "kvm_internal.h"
#include "pci.h"
#include "virtio.h"

#define VENDOR_VIRTIO 0x1af4
#define DEV_TRANSITIONAL_FIRST 0x1000
#define DEV_TRANSITIONAL_LAST 0x103f
#define DEV_MODERN_FIRST 0x1040
#define DEV_MODERN_LAST 0x107f

#define CAP_MSIX 0x11
#define CAP_VENDOR 0x09
#define CFG_COMMON 1
#define CFG_NOTIFY 2
#define CFG_DEVICE 4

/* struct virtio_pci_common_cfg, byte offsets. */
#define C_DFSELECT 0
#define C_DF 4
#define C_GFSELECT 8
#define C_GF 12
#define C_MSIX_CONFIG 16
#define C_STATUS 20
#define C_Q_SELECT 22
#define C_Q_SIZE 24
#define C_Q_MSIX 26
#define C_Q_ENABLE 28
#define C_Q_NOFF 30
#define C_Q_DESC 32
#define C_Q_AVAIL 40
#define C_Q_USED 48

#define NO_VECTOR 0xffff
#define MSIX_ENABLE 0x8000u
#define MSIX_MASKALL 0x4000u
#define MSI_ADDR 0xfee00000u /* fixed delivery to APIC ID 0 */
#define MAX_DEVS 24
#define MAX_QUEUES 4

struct vpci {
    struct ig_pci_fn *fn;
    volatile uint8_t *common, *notify, *device;
    uint32_t notify_mult;
    uint16_t notify_off[MAX_QUEUES]; /* read once at queue setup */
    volatile uint32_t *msix;         /* the MSI-X table, or NULL */
    unsigned msix_cap;               /* its capability's offset */
};

static struct vpci devs[MAX_DEVS];
static int ndevs;

static volatile uint8_t *cc(struct ig_virtio_dev *d, unsigned off)
{
    return ((struct vpci *)d->tr)->common + off;
}

#define C8(d, o) (*(volatile uint8_t *)cc(d, o))
#define C16(d, o) (*(volatile uint16_t *)cc(d, o))
#define C32(d, o) (*(volatile uint32_t *)cc(d, o))

static uint64_t features(struct ig_virtio_dev *d)
{
    uint64_t f;

    C32(d, C_DFSELECT) = 1;
    f = (uint64_t)C32(d, C_DF) << 32;
    C32(d, C_DFSELECT) = 0;
    return f | C32(d, C_DF);
}

static void set_features(struct ig_virtio_dev *d, uint64_t f)
{
    C32(d, C_GFSELECT) = 0;
    C32(d, C_GF) = (uint32_t)f;
    C32(d, C_GFSELECT) = 1;
    C32(d, C_GF) = (uint32_t)(f >> 32);
}

static uint8_t status(struct ig_virtio_dev *d)
{
    return C8(d, C_STATUS);
}

static void set_status(struct ig_virtio_dev *d, uint8_t s)
{
    C8(d, C_STATUS) = s;
}

static uint8_t config8(struct ig_virtio_dev *d, unsigned off)
{
    struct vpci *p = d->tr;

    return p->device ? p->device[off] : 0;
}

static uint16_t queue_max(struct ig_virtio_dev *d, unsigned q)
{
    C16(d, C_Q_SELECT) = (uint16_t)q;
    if (C16(d, C_Q_ENABLE))
        return 0;
    return C16(d, C_Q_SIZE);
}

/* 64-bit fields are written as two 32-bit halves, low first. */
static void w64(struct ig_virtio_dev *d, unsigned off, uint64_t v)
{
    C32(d, off) = (uint32_t)v;
    C32(d, off + 4) = (uint32_t)(v >> 32);
}

static int queue_setup(struct ig_virtio_dev *d, unsigned q, uint16_t size,
                       uint64_t desc, uint64_t avail, uint64_t used)
{
    uint16_t vec = d->has_irq ? 0 : NO_VECTOR;

    if (q >= MAX_QUEUES)
        return -1;
    C16(d, C_Q_SELECT) = (uint16_t)q;
    ((struct vpci *)d->tr)->notify_off[q] = C16(d, C_Q_NOFF);
    C16(d, C_Q_SIZE) = size;
    w64(d, C_Q_DESC, desc);
    w64(d, C_Q_AVAIL, avail);
    w64(d, C_Q_USED, used);
    C16(d, C_Q_MSIX) = vec;
    if (C16(d, C_Q_MSIX) != vec)
        return -1; /* the device could not take the vector */
    C16(d, C_Q_ENABLE) = 1;
    return 0;
}

static void notify(struct ig_virtio_dev *d, unsigned q)
{
    struct vpci *p = d->tr;

    *(volatile uint16_t *)(p->notify + (uint32_t)p->notify_off[q] *
                                           p->notify_mult) = (uint16_t)q;
}

/* MSI-X table entry 0 sends the device's vector straight to the local
 * APIC, edge-triggered: nothing to acknowledge in the device (irq.c
 * sends the EOI).  Configuration changes get no interrupt. */
static int irq_setup(struct ig_virtio_dev *d)
{
    struct vpci *p = d->tr;
    int vec;
    uint16_t ctl;

    if (!p->msix || (vec = ig_kvm_irq_alloc(NULL, NULL)) < 0)
        return -1;
    p->msix[0] = MSI_ADDR;
    p->msix[1] = 0;
    p->msix[2] = (uint32_t)vec;
    p->msix[3] = 0; /* unmasked */
    ctl = ig_pci_read16(p->fn, p->msix_cap + 2);
    ig_pci_write16(p->fn, p->msix_cap + 2,
                   (uint16_t)((ctl | MSIX_ENABLE) & ~MSIX_MASKALL));
    C16(d, C_MSIX_CONFIG) = NO_VECTOR;
    return 0;
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

/* The address (BAR + offset) a capability at (cap) points to, or NULL
 * when its BAR is not a memory BAR. */
static volatile uint8_t *cap_addr(struct ig_pci_fn *f, unsigned cap)
{
    unsigned bar = ig_pci_read8(f, cap + 4);

    if (bar > 5 || f->bar[bar] == 0)
        return NULL;
    return (volatile uint8_t *)(uintptr_t)(f->bar[bar] +
                                           ig_pci_read32(f, cap + 8));
}

static void probe(struct ig_pci_fn *f)
{
    struct vpci *p = &devs[ndevs];
    struct ig_virtio_dev d = {.ops = &ops, .tr = p, .where = "virtio-pci"};
    unsigned cap;
    int guard = 48;

    p->fn = f;
    d.id = f->device >= DEV_MODERN_FIRST
               ? (uint32_t)(f->device - DEV_MODERN_FIRST)
               : ig_pci_read16(f, IG_PCI_SUBSYS_ID);
    if (!(ig_pci_read16(f, IG_PCI_STATUS) & IG_PCI_STATUS_CAPS))
        return;
    for (cap = ig_pci_read8(f, IG_PCI_CAP_PTR) & 0xfc; cap && guard--;
         cap = ig_pci_read8(f, cap + 1) & 0xfc) {
        unsigned id = ig_pci_read8(f, cap);

        if (id == CAP_MSIX) {
            uint32_t t = ig_pci_read32(f, cap + 4);

            if (f->bar[t & 7] && (t & 7) < 6) {
                p->msix =
                    (volatile uint32_t *)(uintptr_t)(f->bar[t & 7] + (t & ~7u));
                p->msix_cap = cap;
            }
        } else if (id == CAP_VENDOR) {
            /* The first capability of each type is the one to use. */
            switch (ig_pci_read8(f, cap + 3)) {
            case CFG_COMMON:
                if (!p->common)
                    p->common = cap_addr(f, cap);
                break;
            case CFG_NOTIFY:
                if (!p->notify) {
                    p->notify = cap_addr(f, cap);
                    p->notify_mult = ig_pci_read32(f, cap + 16);
                }
                break;
            case CFG_DEVICE:
                if (!p->device)
                    p->device = cap_addr(f, cap);
                break;
            default:
                break;
            }
        }
    }
    if (!p->common || !p->notify)
        return; /* legacy only: not supported */
    /* Memory decoding and DMA on; the legacy interrupt line off. */
    ig_pci_write16(f, IG_PCI_COMMAND,
                   (uint16_t)(ig_pci_read16(f, IG_PCI_COMMAND) |
                              IG_PCI_COMMAND_MEM | IG_PCI_COMMAND_MASTER |
                              IG_PCI_COMMAND_INTX_OFF));
    ndevs++;
    ig_virtio_found(&d);
}

void ig_virtio_pci_scan(void)
{
    int n;
    struct ig_pci_fn *fns = ig_kvm_pci_fns(&n);

    for (int i = 0; i < n && ndevs < MAX_DEVS; i++)
        if (fns[i].vendor == VENDOR_VIRTIO &&
            ((fns[i].device >= DEV_TRANSITIONAL_FIRST &&
              fns[i].device <= DEV_TRANSITIONAL_LAST) ||
             (fns[i].device >= DEV_MODERN_FIRST &&
              fns[i].device <= DEV_MODERN_LAST)))
            probe(&fns[i]);
}
