/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* console.c: the console ring xenconsoled reads, and port 0xe9 before it. */
#include <errno.h>
#include <ingot/plat.h>

#include "x86_64/x86.h"
#include "xen_internal.h"

/* Xen copies bytes written to this port into its own log ("(dN) ..."). */
#define DEBUG_PORT 0xe9
/* How long exit waits for xenconsoled to read the ring, in ns. */
#define DRAIN_NS 3000000000ull

static volatile struct xen_cons_interface *ring;
static uint32_t port;

void ig_xen_console_init(void)
{
    uint64_t pfn, evtchn;

    if (ig_xen_hvm_param(XEN_HVM_PARAM_CONSOLE_PFN, &pfn) < 0 || pfn == 0 ||
        ig_xen_hvm_param(XEN_HVM_PARAM_CONSOLE_EVTCHN, &evtchn) < 0) {
        ig_kvm_puts("xen: no console ring; output goes to Xen's log\n");
        return;
    }
    port = (uint32_t)evtchn;
    /* The ring page lies above RAM, in the hole paging.c maps. */
    ring = (volatile struct xen_cons_interface *)(uintptr_t)(pfn << 12);
}

static void debug_write(const char *buf, size_t len)
{
    for (size_t i = 0; i < len; i++)
        ig_arch_outb(DEBUG_PORT, (uint8_t)buf[i]);
}

long ig_plat_console_write(const char *buf, size_t len)
{
    size_t i = 0;

    if (!ring) {
        debug_write(buf, len);
        return (long)len;
    }
    while (i < len) {
        uint32_t cons = ring->out_cons, prod = ring->out_prod;

        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        if (prod - cons >= sizeof(ring->out)) {
            /* Full: let xenconsoled (in dom0) run and empty it. */
            ig_xen_evtchn_notify(port);
            ig_xen_hc2(XEN_HC_SCHED_OP, XEN_SCHEDOP_YIELD, 0);
            continue;
        }
        while (i < len && prod - cons < sizeof(ring->out))
            ring->out[prod++ % sizeof(ring->out)] = buf[i++];
        /* The bytes before the index that publishes them. */
        __atomic_thread_fence(__ATOMIC_RELEASE);
        ring->out_prod = prod;
        ig_xen_evtchn_notify(port);
    }
    return (long)len;
}

void ig_xen_console_drain(void)
{
    uint64_t end = ig_xen_time_ns() + DRAIN_NS;

    if (!ring)
        return;
    for (unsigned n = 0; ring->out_cons != ring->out_prod; n++) {
        /* Without a clock (a crash before it is up) count yields. */
        if (ig_xen_time_ns() != 0 ? ig_xen_time_ns() > end : n > 100000)
            return;
        ig_xen_evtchn_notify(port);
        ig_xen_hc2(XEN_HC_SCHED_OP, XEN_SCHEDOP_YIELD, 0);
    }
}

/* Standard error is framed on the ring like kvm's (frame.c).  The console's
 * input ring is not read yet, so standard input is at its end; the
 * toolstack cannot signal the guest (docs/platforms.md, xen). */
long ig_plat_stdin_read(void *buf, size_t len)
{
    (void)buf, (void)len;
    return 0;
}

/* The console reaches `ingot run` through xenconsoled and xl. */
int ig_plat_isatty(int fd)
{
    (void)fd;
    return 0;
}

int ig_plat_signal_take(void)
{
    return 0;
}

/* ingot run refuses -t for xen images: there is never a host terminal. */
int ig_plat_tty_set(int when, const struct ig_plat_termios *t)
{
    (void)when, (void)t;
    return -ENOTTY;
}

int ig_plat_tty_winsize(struct ig_plat_winsize *w)
{
    (void)w;
    return -ENOTTY;
}
