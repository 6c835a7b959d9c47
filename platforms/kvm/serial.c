/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* serial.c: the console, a polled 16550 UART on COM1: its transmit side. */
#include <ingot/kvm_abi.h>
#include <ingot/plat.h>

#include "kvm_internal.h"
#include "x86_64/x86.h"

#define COM1 IG_KVM_COM1_PORT
#define REG_THR 0 /* transmit holding; divisor low while DLAB */
#define REG_IER 1 /* interrupt enable; divisor high while DLAB */
#define REG_FCR 2 /* FIFO control (write) */
#define REG_IIR 2 /* interrupt identification (read) */
#define REG_LCR 3
#define REG_MCR 4
#define REG_LSR 5
#define LCR_8N1 0x03
#define LCR_DLAB 0x80
#define FCR_ENABLE_CLEAR 0x07 /* FIFOs on, both cleared */
#define IIR_FIFO_ON 0xc0
#define MCR_DTR_RTS 0x03
#define LSR_THRE 0x20 /* holding register (or whole TX FIFO) empty */
#define LSR_TEMT 0x40 /* ... and the shift register too */
#define FIFO_DEPTH 16

/* Bytes we may write after one THRE: 16 with a 16550 FIFO, else 1. */
static unsigned burst = 1;

void ig_kvm_serial_init(void)
{
    ig_arch_outb(COM1 + REG_IER, 0); /* polled: no interrupts */
    ig_arch_outb(COM1 + REG_LCR, LCR_DLAB);
    ig_arch_outb(COM1 + REG_THR, 1); /* 115200 / 1 = 115200 baud */
    ig_arch_outb(COM1 + REG_IER, 0);
    ig_arch_outb(COM1 + REG_LCR, LCR_8N1);
    ig_arch_outb(COM1 + REG_FCR, FCR_ENABLE_CLEAR);
    ig_arch_outb(COM1 + REG_MCR, MCR_DTR_RTS);
    /*
     * Every port access is a VM exit, so with a working FIFO we poll once
     * per 16 bytes instead of once per byte.  THRE in FIFO mode means the
     * whole FIFO is empty, so 16 writes cannot overrun it (QEMU drops the
     * oldest byte of a full FIFO).  A UART without FIFO keeps burst at 1.
     */
    if ((ig_arch_inb(COM1 + REG_IIR) & IIR_FIFO_ON) == IIR_FIFO_ON)
        burst = FIFO_DEPTH;
}

long ig_plat_console_write(const char *buf, size_t len)
{
    size_t i = 0;

    /* Bytes go out as they are: the host side is a pipe, not a terminal,
     * so there is no "\n" -> "\r\n" translation. */
    while (i < len) {
        while (!(ig_arch_inb(COM1 + REG_LSR) & LSR_THRE))
            ig_arch_pause();
        for (unsigned n = 0; n < burst && i < len; n++, i++)
            ig_arch_outb(COM1 + REG_THR, (uint8_t)buf[i]);
    }
    return (long)len; /* a serial line takes everything */
}

void ig_kvm_serial_drain(void)
{
    while (!(ig_arch_inb(COM1 + REG_LSR) & LSR_TEMT))
        ig_arch_pause();
}

/* The console reaches `ingot run` through pipes. */
int ig_plat_isatty(int fd)
{
    (void)fd;
    return 0;
}
