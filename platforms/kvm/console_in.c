/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* console_in.c: the console's receive side: standard input, host signals. */
#include <errno.h>
#include <ingot/kvm_abi.h>
#include <ingot/plat.h>

#include "kvm_internal.h"
#include "x86_64/x86.h"

#define COM1 IG_KVM_COM1_PORT
#define REG_RBR 0
#define REG_IER 1
#define REG_LSR 5
#define IER_RX 0x01
#define LSR_DR 0x01
#define COM1_IRQ 4 /* ISA IRQ 4: I/O APIC pin 4 on QEMU and Firecracker */

/*
 * The framing of kvm_abi.h, decoded into a ring of input bytes, an end of
 * input flag and a set of signals.  Interrupts are enabled only while the
 * CPU halts in ig_plat_idle(), so the handler and the plat.h calls below
 * never run at the same time and need no locking.
 */
static unsigned char ring[IG_KVM_IN_BUFFER];
static size_t head, count;
static int in_end;
static uint64_t signals;
static enum { SYNC, SYNC_ESCAPED, DATA, ESCAPED, SIGNO } state;
static int rx_irq; /* the receive interrupt is routed */

static void put(unsigned char b)
{
    ring[(head + count) % sizeof(ring)] = b;
    count++;
}

/* Moves received bytes from the UART into the ring while it has room.
 * With the ring full the receive interrupt is turned off, so the line
 * does not stay up; the UART's FIFO and QEMU then hold the rest. */
static void drain(void)
{
    while (count < sizeof(ring) && (ig_arch_inb(COM1 + REG_LSR) & LSR_DR)) {
        unsigned char b = ig_arch_inb(COM1 + REG_RBR);
        switch (state) {
        case SYNC: /* until ESC 'B' */
            if (b == IG_KVM_IN_ESC)
                state = SYNC_ESCAPED;
            break;
        case SYNC_ESCAPED:
            if (b == IG_KVM_IN_BEGIN)
                state = DATA;
            else if (b != IG_KVM_IN_ESC)
                state = SYNC;
            break;
        case DATA:
            if (b == IG_KVM_IN_ESC)
                state = ESCAPED;
            else
                put(b);
            break;
        case ESCAPED:
            state = DATA;
            if (b == IG_KVM_IN_ESC)
                put(b);
            else if (b == IG_KVM_IN_EOF)
                in_end = 1;
            else if (b == IG_KVM_IN_SIGNAL)
                state = SIGNO;
            break;
        case SIGNO:
            state = DATA;
            if (b >= 1 && b <= 64)
                signals |= 1ull << (b - 1);
            break;
        }
    }
    if (rx_irq)
        ig_arch_outb(COM1 + REG_IER, count < sizeof(ring) ? IER_RX : 0);
}

static void rx_interrupt(void *arg)
{
    (void)arg;
    drain();
}

void ig_kvm_console_in_init(void)
{
    int vec = ig_kvm_irq_alloc(rx_interrupt, NULL);

    /* Without an interrupt input is still read, at each scheduling point
     * instead of at once. */
    if (vec < 0 || ig_arch_ioapic_route(COM1_IRQ, (unsigned)vec) < 0)
        return;
    rx_irq = 1;
    drain();
}

long ig_plat_stdin_read(void *buf, size_t len)
{
    unsigned char *p = buf;
    size_t n = 0;

    drain();
    while (n < len && count > 0) {
        p[n++] = ring[head];
        head = (head + 1) % sizeof(ring);
        count--;
    }
    if (n) {
        drain(); /* room again: the interrupt may go back on */
        return (long)n;
    }
    return in_end ? 0 : -EAGAIN;
}

int ig_plat_signal_take(void)
{
    drain();
    if (!signals)
        return 0;
    int sig = __builtin_ctzll(signals) + 1;
    signals &= ~(1ull << (sig - 1));
    return sig;
}
