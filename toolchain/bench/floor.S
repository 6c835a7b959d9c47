/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* floor.S: a do-nothing PVH kernel: the VMM's own boot-to-exit floor. */

/* PVH entry note: owner "Xen", type 18 (XEN_ELFNOTE_PHYS32_ENTRY). */
    .section .note.Xen, "a", @note
    .p2align 2
    .long 4, 4, 18
    .asciz "Xen"
    .long floor_start

/* Entered in 32-bit protected mode.  Writing to isa-debug-exit stops QEMU at
 * once, so the measured time is the VMM and firmware alone. */
    .text
    .code32
    .globl floor_start
floor_start:
    mov $0xf4, %dx
    xor %eax, %eax
    outl %eax, %dx
1:  hlt
    jmp 1b
