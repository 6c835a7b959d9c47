/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* pci.c: PCI configuration space (ports 0xcf8/0xcfc) and the functions found.
 */
#include "kvm_internal.h"
#include "pci.h"
#include "x86_64/x86.h"

#define CONFIG_ADDRESS 0xcf8
#define CONFIG_DATA 0xcfc
#define BAR0 0x10
#define HEADER_TYPE 0x0e
#define BAR_IO 1u
#define BAR_MEM64 4u

static struct ig_pci_fn fns[IG_PCI_MAX_FNS];
static int nfns;

static void select(const struct ig_pci_fn *f, unsigned off)
{
    ig_arch_outl(CONFIG_ADDRESS, 0x80000000u | (unsigned)f->bus << 16 |
                                     (unsigned)f->dev << 11 |
                                     (unsigned)f->fn << 8 | (off & 0xfc));
}

uint32_t ig_pci_read32(const struct ig_pci_fn *f, unsigned off)
{
    select(f, off);
    return ig_arch_inl(CONFIG_DATA);
}

uint16_t ig_pci_read16(const struct ig_pci_fn *f, unsigned off)
{
    return (uint16_t)(ig_pci_read32(f, off) >> (8 * (off & 2)));
}

uint8_t ig_pci_read8(const struct ig_pci_fn *f, unsigned off)
{
    return (uint8_t)(ig_pci_read32(f, off) >> (8 * (off & 3)));
}

void ig_pci_write32(const struct ig_pci_fn *f, unsigned off, uint32_t v)
{
    select(f, off);
    ig_arch_outl(CONFIG_DATA, v);
}

void ig_pci_write16(const struct ig_pci_fn *f, unsigned off, uint16_t v)
{
    select(f, off);
    ig_arch_outw((uint16_t)(CONFIG_DATA + (off & 2)), v);
}

/* Records the memory BARs as the firmware (SeaBIOS) assigned them, and
 * their sizes (all ones written with decoding off, then restored), so
 * paging can map those above 4 GiB.  BARs are never moved. */
static void read_bars(struct ig_pci_fn *f)
{
    uint16_t cmd = ig_pci_read16(f, IG_PCI_COMMAND);

    ig_pci_write16(f, IG_PCI_COMMAND, (uint16_t)(cmd & ~IG_PCI_COMMAND_MEM));
    for (unsigned i = 0; i < 6; i++) {
        unsigned off = BAR0 + 4 * i;
        uint32_t lo = ig_pci_read32(f, off), hi = 0, slo, shi = 0xffffffffu;
        int is64 = !(lo & BAR_IO) && (lo & 6u) == BAR_MEM64 && i < 5;

        if (lo & BAR_IO)
            continue;
        ig_pci_write32(f, off, 0xffffffffu);
        slo = ig_pci_read32(f, off) & ~0xfu;
        ig_pci_write32(f, off, lo);
        if (is64) {
            hi = ig_pci_read32(f, off + 4);
            ig_pci_write32(f, off + 4, 0xffffffffu);
            shi = ig_pci_read32(f, off + 4);
            ig_pci_write32(f, off + 4, hi);
        }
        f->bar[i] = ((uint64_t)hi << 32) | (lo & ~0xfu);
        uint64_t mask = ((uint64_t)shi << 32) | slo;
        f->bar_size[i] = slo ? ~mask + 1 : 0;
        if (is64)
            i++;
    }
    ig_pci_write16(f, IG_PCI_COMMAND, cmd);
}

void ig_kvm_pci_init(void)
{
    /* Bus 0 only: QEMU q35 and Cloud Hypervisor put their devices there
     * (behind no bridge) unless told otherwise. */
    for (unsigned dev = 0; dev < 32; dev++) {
        for (unsigned fn = 0; fn < 8; fn++) {
            struct ig_pci_fn f = {
                .bus = 0, .dev = (uint8_t)dev, .fn = (uint8_t)fn};
            uint32_t id = ig_pci_read32(&f, 0);

            if ((id & 0xffff) == 0xffff) {
                if (fn == 0)
                    break; /* no device: no other functions either */
                continue;
            }
            if (nfns == IG_PCI_MAX_FNS)
                return;
            f.vendor = (uint16_t)id;
            f.device = (uint16_t)(id >> 16);
            read_bars(&f);
            fns[nfns++] = f;
            if (fn == 0 && !(ig_pci_read8(&f, HEADER_TYPE) & 0x80))
                break; /* single-function device */
        }
    }
}

struct ig_pci_fn *ig_kvm_pci_fns(int *count)
{
    *count = nfns;
    return fns;
}
