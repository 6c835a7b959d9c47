/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* exit.c: ending the image with a status the host can read (kvm_abi.h). */
#include <ingot/kvm_abi.h>
#include <ingot/plat.h>

#include "kvm_internal.h"
#include "x86_64/x86.h"

#define I8042_CMD 0x64
#define I8042_RESET 0xfe
/* Cloud Hypervisor's ACPI shutdown register: sleep type S5 (5 << 2) with
 * SLP_EN (1 << 5). */
#define CH_ACPI_SHUTDOWN 0x600
#define CH_ACPI_S5 0x34

_Noreturn void ig_plat_exit(int status)
{
    unsigned s = (unsigned)status & 0xff;

    /* Frames still in the transmit rings would be lost with the VM.  Not
     * after a crash: the rings themselves may be what went wrong. */
    if (s != IG_KVM_STATUS_CRASH)
        ig_kvm_virtio_net_flush(200000000ull);
    /* The record must not overtake console output still in the UART. */
    ig_kvm_serial_drain();
    ig_kvm_exit_record(s);
    /* Stopping the VM while bytes sit in the UART would lose them. */
    ig_kvm_serial_drain();
    ig_kvm_exit_hard((int)s);
}

_Noreturn void ig_kvm_exit_hard(int status)
{
    /* Tried in order; each VMM honours one of them (see kvm_abi.h). */
    static const struct {
        uint16_t limit;
        uint64_t base;
    } __attribute__((packed)) no_idt = {0, 0};

    ig_arch_outl(IG_KVM_DEBUG_EXIT_PORT, (uint32_t)status & 0xff);
    /* Cloud Hypervisor turns an i8042 reset or a triple fault into a
     * reboot, which would run the image again, so it gets its own request
     * first.  Elsewhere the port is unassigned or, on q35, the ACPI PM1
     * status register, where writing ones only clears status bits. */
    ig_arch_outb(CH_ACPI_SHUTDOWN, CH_ACPI_S5);
    ig_arch_outb(I8042_CMD, I8042_RESET);
    /* An exception with an empty IDT escalates to a triple fault, which
     * QEMU with -no-reboot turns into an exit. */
    __asm__ volatile("lidt %0\n\tint3" : : "m"(no_idt));
    for (;;)
        __asm__ volatile("cli; hlt");
}
