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
#define IG_KVM_SIGWINCH 28 /* Linux's number */

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
static enum { SYNC, SYNC_ESCAPED, DATA, ESCAPED, SIGNO, WINSIZE, CLOCK } state;
static uint64_t clock_ns; /* the host clock message, bytes so far */
static unsigned clock_got;
static unsigned char winsize[IG_KVM_WINSIZE_LEN];
static unsigned winsize_got; /* bytes of the message in (winsize) */
static int winsize_known;    /* a whole message arrived since boot */
static int rx_irq;           /* the receive interrupt is routed */

/*
 * ingot run -t (ESC 'T'): where each of its reads of the terminal ended
 * (ESC 'D'), as counts of bytes put into the ring, oldest first.  A read
 * here returns bytes up to the first boundary only, and none before it
 * arrived: a line of a canonical terminal comes whole, and ^D's empty
 * read is one read of 0 bytes, as natively.
 */
#define NBOUNDS 256
static uint64_t bounds[NBOUNDS];
static unsigned bhead, nbounds;
static uint64_t put_total, taken_total;
static int bounded;

static void put(unsigned char b)
{
    ring[(head + count) % sizeof(ring)] = b;
    count++;
    put_total++;
}

/* A boundary; with the queue full it is dropped (two reads merge). */
static void bound(void)
{
    bounded = 1;
    if (nbounds < NBOUNDS)
        bounds[(bhead + nbounds++) % NBOUNDS] = put_total;
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
            else if (b == IG_KVM_IN_EOT)
                bound();
            else if (b == IG_KVM_IN_TTY)
                bounded = 1;
            else if (b == IG_KVM_IN_SIGNAL)
                state = SIGNO;
            else if (b == IG_KVM_IN_WINSIZE)
                state = WINSIZE, winsize_got = 0;
            else if (b == IG_KVM_IN_CLOCK)
                state = CLOCK, clock_got = 0, clock_ns = 0;
            break;
        case CLOCK:
            clock_ns |= (uint64_t)b << (8 * clock_got++);
            if (clock_got == IG_KVM_CLOCK_LEN) {
                state = DATA;
                ig_kvm_wall_host(clock_ns);
            }
            break;
        case SIGNO:
            state = DATA;
            if (b >= 1 && b <= 64)
                signals |= 1ull << (b - 1);
            break;
        case WINSIZE: /* the size first, then the signal that reports it */
            winsize[winsize_got++] = b;
            if (winsize_got == sizeof(winsize)) {
                state = DATA;
                winsize_known = 1;
                signals |= 1ull << (IG_KVM_SIGWINCH - 1);
            }
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
    int at_bound = nbounds > 0;
    size_t limit = at_bound             ? (size_t)(bounds[bhead] - taken_total)
                   : bounded && !in_end ? 0
                                        : count;
    while (n < len && n < limit) {
        p[n++] = ring[head];
        head = (head + 1) % sizeof(ring);
        count--;
    }
    taken_total += n;
    if (at_bound && taken_total == bounds[bhead]) {
        bhead = (bhead + 1) % NBOUNDS;
        nbounds--;
        if (n == 0)
            return 0; /* the terminal's read was empty: ^D */
    }
    if (n) {
        drain(); /* room again: the interrupt may go back on */
        return (long)n;
    }
    return in_end ? 0 : -EAGAIN;
}

int ig_kvm_winsize(struct ig_plat_winsize *w)
{
    drain();
    if (!winsize_known)
        return -EAGAIN;
    uint16_t v[4];
    for (int i = 0; i < 4; i++)
        v[i] = (uint16_t)(winsize[2 * i] | winsize[2 * i + 1] << 8);
    *w = (struct ig_plat_winsize){v[0], v[1], v[2], v[3]};
    return 0;
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
