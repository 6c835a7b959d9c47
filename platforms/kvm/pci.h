/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* pci.h: PCI functions on bus 0 and their configuration space, kvm-internal. */
#ifndef INGOT_KVM_PCI_H
#define INGOT_KVM_PCI_H

#include <stdint.h>

#define IG_PCI_MAX_FNS 64

#define IG_PCI_COMMAND 0x04
#define IG_PCI_COMMAND_MEM 0x2u
#define IG_PCI_COMMAND_MASTER 0x4u
#define IG_PCI_COMMAND_INTX_OFF 0x400u
#define IG_PCI_STATUS 0x06
#define IG_PCI_STATUS_CAPS 0x10u
#define IG_PCI_SUBSYS_ID 0x2e
#define IG_PCI_CAP_PTR 0x34

struct ig_pci_fn {
    uint8_t bus, dev, fn;
    uint16_t vendor, device;
    uint64_t bar[6];      /* memory BAR addresses as assigned; 0 for io */
    uint64_t bar_size[6]; /* 0 for none */
};

/* Configuration space of (f) at byte offset (off), naturally aligned. */
uint32_t ig_pci_read32(const struct ig_pci_fn *f, unsigned off);
uint16_t ig_pci_read16(const struct ig_pci_fn *f, unsigned off);
uint8_t ig_pci_read8(const struct ig_pci_fn *f, unsigned off);
void ig_pci_write32(const struct ig_pci_fn *f, unsigned off, uint32_t v);
void ig_pci_write16(const struct ig_pci_fn *f, unsigned off, uint16_t v);

#endif /* INGOT_KVM_PCI_H */
