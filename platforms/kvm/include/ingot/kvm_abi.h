/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* kvm_abi.h: what a kvm guest and `ingot run` agree on, version 1. */
#ifndef INGOT_KVM_ABI_H
#define INGOT_KVM_ABI_H

/*
 * The guest's console is the first 16550 UART (COM1, I/O port 0x3f8).  The
 * host passes it through to `ingot run`'s standard output.
 *
 * Exit.  x86 VMMs have no common way to hand an 8-bit status to the host
 * (QEMU's isa-debug-exit can only produce odd codes), so the guest first
 * writes an exit record to the console and then asks the VMM to stop:
 *
 *     ESC '_' "ingot-exit:" <decimal status 0..255> ESC '\\'
 *
 * which is an ANSI "application program command" string, ignored by
 * terminals if it ever reaches one.  `ingot run` removes the record from the
 * stream and exits with the status.  The guest then writes to the
 * isa-debug-exit port (QEMU), then the ACPI shutdown register at port 0x600
 * (Cloud Hypervisor, which would treat the next two steps as a reboot), then
 * pulses the i8042 reset line (Firecracker), then triple-faults (QEMU runs
 * with -no-reboot): whichever the VMM honours first.
 * A VM that stops with no record was lost (triple fault, reset): `ingot run`
 * reports that and exits with IG_KVM_STATUS_LOST.
 */

#define IG_KVM_ABI_VERSION 1
#define IG_KVM_COM1_PORT 0x3f8
#define IG_KVM_DEBUG_EXIT_PORT 0xf4
#define IG_KVM_EXIT_PREFIX "\033_ingot-exit:"
#define IG_KVM_EXIT_SUFFIX "\033\\"
#define IG_KVM_STATUS_CRASH 255
#define IG_KVM_STATUS_LOST 255

/* Load address of kvm images: 1 MiB, above the legacy BIOS areas. */
#define IG_KVM_LOAD_ADDR 0x100000

#endif /* INGOT_KVM_ABI_H */
