/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* ioapic.c: routes I/O APIC input pins to local APIC vectors. */
#include "../kvm_internal.h"

/* The first I/O APIC, where QEMU (microvm, q35) and Firecracker put it;
 * mapped uncached with the rest of the hole below 4 GiB (paging.c). */
#define IOAPIC_BASE 0xfec00000ul
#define IOREGSEL 0x00
#define IOWIN 0x10
#define REG_VER 0x01
#define REG_REDTBL(pin) (0x10 + 2 * (pin))
#define RTE_LEVEL (1u << 15)
#define RTE_MASKED (1u << 16)

static uint32_t rd(unsigned reg)
{
    *(volatile uint32_t *)(IOAPIC_BASE + IOREGSEL) = reg;
    return *(volatile uint32_t *)(IOAPIC_BASE + IOWIN);
}

static void wr(unsigned reg, uint32_t v)
{
    *(volatile uint32_t *)(IOAPIC_BASE + IOREGSEL) = reg;
    *(volatile uint32_t *)(IOAPIC_BASE + IOWIN) = v;
}

int ig_arch_ioapic_route(unsigned pin, unsigned vector)
{
    uint32_t ver = rd(REG_VER);

    /* No I/O APIC answers all ones; bits 16..23 are the highest pin. */
    if (ver == 0xffffffffu || pin > ((ver >> 16) & 0xff))
        return -1;
    /* Level-triggered, active high, fixed delivery to APIC ID 0 (the one
     * CPU): the line stays up until the driver acknowledges the device,
     * so no interrupt is lost between two checks. */
    wr(REG_REDTBL(pin) + 1, 0);
    wr(REG_REDTBL(pin), RTE_LEVEL | (vector & 0xff));
    return 0;
}
