/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* pvh_start.S: image notes, 32-bit PVH entry, long mode, boot stacks. */
#include <ingot/elfnote.h>

#define XEN_ELFNOTE_PHYS32_ENTRY 18

/* The platform the image note names: the xen platform builds this same
 * entry with -DIG_PVH_PLATFORM=xen. */
#ifndef IG_PVH_PLATFORM
#define IG_PVH_PLATFORM kvm
#endif

#define COM1 0x3f8
#define DEBUG_EXIT 0xf4

#define CR0_PE (1 << 0)
#define CR0_MP (1 << 1)
#define CR0_EM (1 << 2)
#define CR0_NE (1 << 5)
#define CR0_WP (1 << 16)
#define CR0_NW (1 << 29)
#define CR0_CD (1 << 30)
#define CR0_PG (1 << 31)
#define CR4_PAE (1 << 5)
#define CR4_OSFXSR (1 << 9)
#define CR4_OSXMMEXCPT (1 << 10)
#define MSR_EFER 0xc0000080
#define EFER_LME (1 << 8)
#define EFER_NXE (1 << 11)

#define BOOT_STACK_SIZE 65536
#define TRAP_STACK_SIZE 16384

/*
 * Notes.  Host tools and VMMs find them through the PT_NOTE segment that
 * kvm.ld builds from this section.  The PVH note comes first: QEMU stops at
 * the first note of type 18 and walks the notes with the segment's p_align,
 * so the section (and thus PT_NOTE) must stay 4-byte aligned.  Its
 * descriptor holds the 32-bit entry address zero-extended to 8 bytes: QEMU
 * reads a host size_t from an ELF64 note, Firecracker and Cloud Hypervisor
 * read 4 bytes, Xen reads n_descsz bytes; 8 bytes satisfies all of them.
 */
    .section .note.ingot, "a", @note
    IG_NOTE "Xen", XEN_ELFNOTE_PHYS32_ENTRY
    .quad ig_kvm_pvh_start
    IG_ENDNOTE
    IG_INGOT_NOTES IG_PVH_PLATFORM

/*
 * Boot GDT for the switch to 64-bit mode; cpu.c loads the final one.
 * Accessed bits are preset so the CPU never writes to this (read-only) page.
 */
    .section .rodata.ig_kvm_boot_gdt, "a"
    .balign 16
boot_gdt:
    .quad 0
    .quad 0x00af9b000000ffff /* 0x08: 64-bit code, DPL 0 */
    .quad 0x00cf93000000ffff /* 0x10: flat data */
boot_gdt_end:
boot_gdt_ptr:
    .word boot_gdt_end - boot_gdt - 1
    .quad boot_gdt
boot_mxcsr:
    .long 0x1f80 /* all SSE exceptions masked, round to nearest */
no_lm_msg:
    .ascii "kvm: this CPU has no 64-bit long mode\n"
    .ascii "\033_ingot-exit:255\033\\"
no_lm_msg_end:

/*
 * PVH entry: 32-bit protected mode, flat segments, paging off, interrupts
 * off, %ebx = physical address of struct hvm_start_info.  There is no
 * stack, so nothing here pushes or calls.
 */
    .section .text.ig_kvm_pvh_entry, "ax"
    .code32
    .globl ig_kvm_pvh_start
    .type ig_kvm_pvh_start, @function
ig_kvm_pvh_start:
    cli
    cld
    movl %ebx, %esi /* %esi survives everything below */

    /* .bss first: the page tables and stacks live there. */
    movl $__bss_start, %edi
    movl $_end, %ecx
    subl %edi, %ecx
    shrl $2, %ecx
    xorl %eax, %eax
    rep stosl

    movl $0x80000000, %eax
    cpuid
    cmpl $0x80000001, %eax
    jb no_long_mode
    movl $0x80000001, %eax
    cpuid
    btl $29, %edx
    jnc no_long_mode
    movl %edx, %ebp /* bit 20: NX available */

    /*
     * Boot page tables: identity map of the low 4 GiB with 2 MiB pages,
     * read/write/executable.  Enough to run C, read start_info (which PVH
     * puts below 4 GiB) and build the final tables (paging.c).
     */
    movl $boot_pdpt + 0x3, ig_kvm_boot_pml4
    movl $boot_pdpt, %edi
    movl $boot_pd + 0x3, %eax
    movl $4, %ecx
1:  movl %eax, (%edi)
    addl $4096, %eax
    addl $8, %edi
    loop 1b
    movl $boot_pd, %edi
    movl $0x83, %eax /* present, writable, 2 MiB */
    movl $2048, %ecx
2:  movl %eax, (%edi)
    addl $0x200000, %eax
    addl $8, %edi
    loop 2b

    /* SSE is enabled here, not in C: the compiler may use it anywhere. */
    movl %cr4, %eax
    orl $(CR4_PAE | CR4_OSFXSR | CR4_OSXMMEXCPT), %eax
    movl %eax, %cr4
    movl $ig_kvm_boot_pml4, %eax
    movl %eax, %cr3

    movl $MSR_EFER, %ecx
    rdmsr
    orl $EFER_LME, %eax
    btl $20, %ebp
    jnc 3f
    orl $EFER_NXE, %eax
3:  wrmsr

    /*
     * Caches on (CD/NW may be left set by the VMM's reset state; KVM then
     * runs the guest uncached on some hosts), x87 emulation off, FPU
     * errors as exceptions, write protection honoured in ring 0.
     */
    movl %cr0, %eax
    andl $~(CR0_CD | CR0_NW | CR0_EM), %eax
    orl $(CR0_PE | CR0_MP | CR0_NE | CR0_WP | CR0_PG), %eax
    movl %eax, %cr0

    lgdt boot_gdt_ptr
    ljmp $0x08, $start64

/* Without long mode there is nothing to run: say so and stop. */
no_long_mode:
    movl $no_lm_msg, %esi
4:  movw $COM1 + 5, %dx
5:  inb %dx, %al
    testb $0x20, %al
    jz 5b
    movw $COM1, %dx
    movb (%esi), %al
    outb %al, %dx
    incl %esi
    cmpl $no_lm_msg_end, %esi
    jb 4b
    movl $255, %eax
    movw $DEBUG_EXIT, %dx
    outl %eax, %dx
6:  hlt
    jmp 6b

    .code64
start64:
    movl $0x10, %eax
    movl %eax, %ds
    movl %eax, %es
    movl %eax, %ss
    movl %eax, %fs
    movl %eax, %gs
    movq $ig_kvm_boot_stack_hi, %rsp
    xorl %ebp, %ebp /* frame-pointer walks stop here */
    fninit
    ldmxcsr boot_mxcsr(%rip)
    movl %esi, %edi
    call ig_kvm_main
7:  hlt /* ig_kvm_main never returns */
    jmp 7b
    .size ig_kvm_pvh_start, . - ig_kvm_pvh_start

/*
 * Page tables and stacks.  Each stack sits directly above a guard page that
 * paging.c leaves unmapped, so an overflow faults instead of silently
 * corrupting .bss; the trap stack (IST1) lets that fault still be reported.
 */
    .section .bss.ig_kvm_boot, "aw", @nobits
    .balign 4096
    .globl ig_kvm_boot_pml4
ig_kvm_boot_pml4:
    .skip 4096
boot_pdpt:
    .skip 4096
boot_pd:
    .skip 4 * 4096

    .globl ig_kvm_boot_guard, ig_kvm_boot_stack_lo, ig_kvm_boot_stack_hi
ig_kvm_boot_guard:
    .skip 4096
ig_kvm_boot_stack_lo:
    .skip BOOT_STACK_SIZE
ig_kvm_boot_stack_hi:

    .globl ig_kvm_trap_guard, ig_kvm_trap_stack_lo, ig_kvm_trap_stack_hi
ig_kvm_trap_guard:
    .skip 4096
ig_kvm_trap_stack_lo:
    .skip TRAP_STACK_SIZE
ig_kvm_trap_stack_hi:

    .section .note.GNU-stack, "", @progbits
