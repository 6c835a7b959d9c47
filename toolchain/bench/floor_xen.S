/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* floor_xen.S: a do-nothing PVH domU: Xen's own creation-to-exit floor. */

/* PVH entry note: owner "Xen", type 18 (XEN_ELFNOTE_PHYS32_ENTRY). */
    .section .note.Xen, "a", @note
    .p2align 2
    .long 4, 4, 18
    .asciz "Xen"
    .long floor_start

/*
 * Entered in 32-bit protected mode without a stack.  Installs the
 * hypercall page (the MSR CPUID leaf base + 2 names) and shuts the domain
 * down with reason poweroff: the least a guest can do on Xen.  A 32-bit
 * HVM hypercall takes its arguments in %ebx, %ecx.
 */
    .text
    .code32
    .globl floor_start
floor_start:
    mov $stack_top, %esp
    mov $0x40000000, %esi
1:  mov %esi, %eax
    cpuid
    cmp $0x566e6558, %ebx /* "XenV" */
    je 2f
    add $0x100, %esi
    cmp $0x40010000, %esi
    jb 1b
3:  hlt /* not on Xen */
    jmp 3b
2:  lea 2(%esi), %eax
    cpuid
    mov %ebx, %ecx
    mov $hypercall_page, %eax
    xor %edx, %edx
    wrmsr
    mov $2, %ebx /* SCHEDOP_shutdown */
    mov $reason, %ecx
    call hypercall_page + 29 * 32 /* sched_op */
    jmp 3b

    .balign 4096
hypercall_page:
    .fill 4096, 1, 0xcc
reason:
    .long 0 /* SHUTDOWN_poweroff */
    .balign 16
    .fill 256, 1, 0
stack_top:
