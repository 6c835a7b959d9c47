/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* calib.S: a fixed amount of guest work, for timing KVM against TCG. */

/*
 * `ingot run --accel auto` boots this with each accelerator and keeps the
 * faster one.  It is a PVH ELF64 like real images (same loader path), but
 * stays in 32-bit protected mode: no page tables, no stack, no console.
 *
 * Why 20,000,000 iterations: a `dec; jnz` loop runs about one iteration
 * per cycle under hardware KVM (~7 ms at 3 GHz) and ~1.8 ns per iteration
 * under TCG (~37 ms measured on the development machines), so the gap
 * between the two is larger than the jitter of QEMU's own ~22 ms start and
 * stop, while neither run costs a user noticeable time.  A KVM that
 * emulates guest instructions (nested, ~1 us per iteration) needs ~19 s,
 * so the caller runs this under a timeout and treats expiry as "slow".
 *
 * Exit: 0x31 to isa-debug-exit makes QEMU exit with (0x31 << 1) | 1 = 99,
 * a status no failure of QEMU itself produces.
 */
#define XEN_ELFNOTE_PHYS32_ENTRY 18
#define ITERATIONS 20000000
#define DEBUG_EXIT 0xf4
#define CALIB_DONE 0x31

    /* Descriptor is 8 bytes for QEMU's ELF64 note reader (see pvh_start.S). */
    .section .note.calib, "a", @note
    .balign 4
    .long 4, 8, XEN_ELFNOTE_PHYS32_ENTRY
    .asciz "Xen"
    .quad calib_start

    .text
    .code32
    .globl calib_start
calib_start:
    cli
    movl $ITERATIONS, %ecx
1:  decl %ecx
    jnz 1b
    movb $CALIB_DONE, %al
    outb %al, $DEBUG_EXIT
2:  hlt
    jmp 2b

    .section .note.GNU-stack, "", @progbits
