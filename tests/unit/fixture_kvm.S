/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fixture_kvm.S: a tiny PVH guest that plays an Ingot kvm image in tests. */

/*
 * Built in several variants (-D...) for the CLI tests of `ingot run`; none
 * needs the library OS.  Every variant but CALIB prints a greeting, its
 * command line and two crash-report frame lines, then:
 *   STATUS=n   writes the exit record for n and stops via isa-debug-exit
 *   NORECORD   stops via isa-debug-exit without a record
 *   TRIPLE     triple-faults (QEMU -no-reboot ends)
 *   CALIB      only counts to 20M and exits QEMU with status 99, like
 *              <libdir>/kvm/calib.elf
 * PLATFORM="name" sets the platform note (default "kvm").
 */

#ifndef PLATFORM
#define PLATFORM "kvm"
#endif

#define XEN_ELFNOTE_PHYS32_ENTRY 18
#define COM1 0x3f8
#define DEBUG_EXIT 0xf4

    .section .note.Xen, "a", @note
    .balign 4
    .long 4, 4, XEN_ELFNOTE_PHYS32_ENTRY
    .asciz "Xen"
    .long pvh_start

    .section .note.ingot, "a", @note
    .balign 4
    .long 6, pe - ps, 1         /* IG_NOTE_PLATFORM */
    .asciz "Ingot"
    .balign 4
ps: .asciz PLATFORM
pe: .balign 4
    .long 6, 4, 2               /* IG_NOTE_ABI */
    .asciz "Ingot"
    .balign 4
    .long 1

    .text
    .code32
    .globl pvh_start
    .type pvh_start, @function
pvh_start:
    mov $stack_top, %esp
#ifdef CALIB
    mov $20000000, %ecx
1:  dec %ecx
    jnz 1b
    mov $0x31, %al              /* QEMU exits (0x31 << 1) | 1 = 99 */
    outb %al, $DEBUG_EXIT
    hlt
#else
    mov %ebx, %ebp              /* struct hvm_start_info */
    mov $hello, %esi
    call puts
    mov 24(%ebp), %esi          /* cmdline_paddr */
    test %esi, %esi
    jz 1f
    call puts
1:  mov $newline, %esi
    call puts
    mov $frame0, %esi
    call puts
    mov $fixture_fn + 3, %eax
    call puthex
    mov $frame1, %esi
    call puts
    mov $fixture_fn + 0x10, %eax
    call puthex
    mov $notframe, %esi
    call puts
#if defined(STATUS)
    mov $record, %esi
    call puts
    mov $0, %al
    outb %al, $DEBUG_EXIT
#elif defined(NORECORD)
    mov $0x10, %al
    outb %al, $DEBUG_EXIT
#elif defined(TRIPLE)
    lidt idt0
    int3
#endif
    hlt
#endif
    .size pvh_start, . - pvh_start

/* Writes the NUL-terminated string at %esi to COM1. */
puts:
    mov $COM1, %dx
1:  lodsb
    test %al, %al
    jz 2f
    outb %al, %dx
    jmp 1b
2:  ret

/* Writes %eax as 8 hex digits and a newline to COM1. */
puthex:
    mov $hexbuf, %edi
    mov $8, %ecx
1:  rol $4, %eax
    mov %eax, %ebx
    and $0xf, %ebx
    mov digits(%ebx), %bl
    mov %bl, (%edi)
    inc %edi
    loop 1b
    mov $hexbuf, %esi
    jmp puts

    .globl fixture_fn
    .type fixture_fn, @function
fixture_fn:
    .fill 32, 1, 0x90
    ret
    .size fixture_fn, . - fixture_fn

    .section .rodata
hello:    .asciz "hello from the fixture\ncmdline: "
newline:  .asciz "\n"
frame0:   .asciz "  #0 0x"
frame1:   .asciz "  #1 0x"
notframe: .asciz "  #x 0x12\n"
digits:   .ascii "0123456789abcdef"
#ifdef STATUS
#define STR2(x) #x
#define STR(x) STR2(x)
record:   .ascii "\033_ingot-exit:"
          .ascii STR(STATUS)
          .asciz "\033\\"
#endif
idt0:     .word 0
          .long 0

    .data
hexbuf:   .asciz "00000000\n"

    .bss
    .balign 16
    .skip 4096
stack_top:
