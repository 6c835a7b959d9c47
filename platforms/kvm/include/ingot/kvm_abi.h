/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* kvm_abi.h: what a kvm guest and `ingot run` agree on, version 3. */
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
 *
 * Host to guest: the console's receive side (COM1's RBR, interrupt on ISA
 * IRQ 4) carries standard input and host signals, framed with one escape
 * byte, IG_KVM_IN_ESC (DLE, 0x10):
 *
 *     ESC 'B'          begin: the stream starts with it twice, and the
 *                      guest drops everything before the first (the UART
 *                      loses the one byte it held when the guest turns its
 *                      FIFO on); later ones mean nothing
 *     ESC ESC          one data byte 0x10
 *     ESC 'E'          end of standard input
 *     ESC 'T'          the input is a terminal's (ingot run -t), cut by
 *                      ESC 'D' from here on; sent after the begin marks
 *     ESC 'D'          one read of the host terminal ended here: the
 *                      guest's reads stop here too, so a canonical
 *                      terminal's lines arrive whole and an empty read
 *                      (^D) ends one read with 0 bytes
 *     ESC 'S' <n>      the host received signal n (Linux's number, one
 *                      byte): SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1,
 *                      SIGUSR2, which `ingot run` forwards this way
 *     ESC 'W' <8 bytes> the host terminal's window size changed (ingot run
 *                      -t): rows, columns, x and y pixels, each 16 bits
 *                      little-endian; the guest takes it as a SIGWINCH
 *     ESC 'C' <8 bytes> the host's CLOCK_REALTIME in nanoseconds, 64 bits
 *                      little-endian, read as the message is written
 *                      (ingot run sends one a second): the guest's wall
 *                      clock is never behind it once it arrives
 *
 * and every other byte is itself.  `ingot run` writes this stream into
 * QEMU's `-serial stdio`; the guest buffers up to IG_KVM_IN_BUFFER bytes
 * of input, so a signal that follows more unread input than that waits
 * until the program reads (the UART's FIFO and QEMU hold the rest).
 *
 * Standard error shares the console's transmit side, each piece framed as
 *
 *     ESC '_' "ingot-err:" <decimal length 1..IG_KVM_ERR_MAX> ESC '\\'
 *
 * followed by exactly that many bytes, which `ingot run` writes to its
 * standard error; everything else is standard output.
 *
 * With `ingot run -t` the guest's terminal attributes go to the host
 * terminal as
 *
 *     ESC '_' "ingot-tty:" <when: '0' now, '1' drain, '2' flush>
 *         <72 lowercase hex digits: struct ig_plat_termios> ESC '\\'
 *
 * which `ingot run` applies (tcsetattr) after writing the output before
 * it, and drops without -t.
 */

#define IG_KVM_ABI_VERSION 4
#define IG_KVM_COM1_PORT 0x3f8
#define IG_KVM_DEBUG_EXIT_PORT 0xf4
#define IG_KVM_EXIT_PREFIX "\033_ingot-exit:"
#define IG_KVM_EXIT_SUFFIX "\033\\"
#define IG_KVM_IN_ESC 0x10
#define IG_KVM_IN_BEGIN 'B'
#define IG_KVM_IN_EOF 'E'
#define IG_KVM_IN_EOT 'D'
#define IG_KVM_IN_TTY 'T'
#define IG_KVM_IN_SIGNAL 'S'
#define IG_KVM_IN_WINSIZE 'W'
#define IG_KVM_WINSIZE_LEN 8
#define IG_KVM_IN_CLOCK 'C'
#define IG_KVM_CLOCK_LEN 8
#define IG_KVM_IN_BUFFER 65536
#define IG_KVM_ERR_PREFIX "\033_ingot-err:"
#define IG_KVM_ERR_MAX 4096
#define IG_KVM_TTY_PREFIX "\033_ingot-tty:"
#define IG_KVM_TTY_HEX 72 /* 2 x sizeof(struct ig_plat_termios) */
#define IG_KVM_STATUS_CRASH 255
#define IG_KVM_STATUS_LOST 255

/* Load address of kvm images: 1 MiB, above the legacy BIOS areas. */
#define IG_KVM_LOAD_ADDR 0x100000

#endif /* INGOT_KVM_ABI_H */
