/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* timers.c: lwIP's timers (LWIP_TIMERS_CUSTOM), silent while the stack is. */
#include <ingot/console.h>
#include <ingot/plat.h>
#include <stdlib.h>

#include "lwip/dhcp.h"
#include "lwip/netif.h"
#include "lwip/priv/tcp_priv.h"
#include "lwip/prot/dhcp.h"
#include "lwip/timeouts.h"
#include "netif/ppp/ppp_opts.h" /* PPP_NUM_TIMEOUTS, in lwIP's count */

#include "../net_internal.h"
#include "tmr.h"

/*
 * lwIP's own timer list runs every cyclic timer (ARP, IP reassembly, DNS,
 * DHCP's two) forever, so an idle guest woke up to four times a second:
 * with thousands of instances on one host, those wake-ups alone kept the
 * cores busy.  Here:
 *   - TCP's timer runs while a connection is open or in TIME-WAIT, as in
 *     lwIP (listening sockets need none);
 *   - DHCP's timers run while DHCP manages an interface (the fine one only
 *     while a request is outstanding), since lease renewals must happen on
 *     time;
 *   - the other cyclic timers keep the stack awake only for BUSY_MS after
 *     the last frame sent or received; after that the guest sleeps until
 *     something happens, and the first look at the stack then runs every
 *     tick they missed (ARP entries age, reassembly buffers expire and
 *     DNS retries count down as if the guest had been woken for each).
 */
#define BUSY_MS 10000u
#define CATCH_UP_MAX 1000u /* ticks; ARP's entries expire after 300 */
#define NCYCLIC LWIP_NUM_SYS_TIMEOUT_INTERNAL /* at least lwIP's count */

static struct ig_tmr tcp_tmr_t = {.interval_ms = TCP_TMR_INTERVAL};
static struct ig_tmr cyclic_t[NCYCLIC]; /* indexed as lwip_cyclic_timers */
static int ncyclic;
static uint64_t last_frame_ms;
static int seen_frame;

struct oneshot {
    struct oneshot *next;
    uint64_t due_ms;
    sys_timeout_handler h;
    void *arg;
};
static struct oneshot *oneshots;

static uint64_t now_ms(void)
{
    return ig_plat_clock_monotonic() / 1000000u;
}

void ig_net_timers_frame(void)
{
    last_frame_ms = now_ms();
    seen_frame = 1;
}

/* 2: DHCP is waiting for an answer on some interface; 1: it holds a lease
 * (or is renewing one) there; 0: no interface uses DHCP. */
static int dhcp_use(void)
{
    int use = 0;
    struct netif *nif;

    NETIF_FOREACH(nif)
    {
        struct dhcp *d = netif_dhcp_data(nif);
        if (!d || d->state == DHCP_STATE_OFF)
            continue;
        if (d->state != DHCP_STATE_BOUND)
            return 2;
        use = 1;
    }
    return use;
}

/* Whether cyclic timer (i) must wake the guest at its next tick. */
static int must_wake(int i, uint64_t now)
{
    lwip_cyclic_timer_handler h = lwip_cyclic_timers[i].handler;

    if (h == dhcp_coarse_tmr)
        return dhcp_use() >= 1;
    if (h == dhcp_fine_tmr)
        return dhcp_use() == 2;
    return seen_frame && now - last_frame_ms < BUSY_MS;
}

static int tcp_needed(void)
{
    return tcp_active_pcbs != NULL || tcp_tw_pcbs != NULL;
}

void sys_timeouts_init(void)
{
    uint64_t now = now_ms();

    LWIP_ASSERT("cyclic timers", lwip_num_cyclic_timers <= NCYCLIC);
    ncyclic = lwip_num_cyclic_timers;
    for (int i = 0; i < ncyclic; i++) {
        cyclic_t[i].interval_ms = lwip_cyclic_timers[i].interval_ms;
        cyclic_t[i].armed = 0;
        if (lwip_cyclic_timers[i].handler != tcp_tmr) /* on demand, below */
            ig_tmr_arm(&cyclic_t[i], now);
    }
}

void sys_timeout(u32_t msecs, sys_timeout_handler h, void *arg)
{
    struct oneshot *o = malloc(sizeof(*o)), **pp = &oneshots;

    if (!o) {
        ig_printk("ingot: net: no memory for a timeout; dropped\n");
        return;
    }
    o->due_ms = now_ms() + msecs;
    o->h = h;
    o->arg = arg;
    while (*pp && (*pp)->due_ms <= o->due_ms)
        pp = &(*pp)->next;
    o->next = *pp;
    *pp = o;
}

void sys_untimeout(sys_timeout_handler h, void *arg)
{
    for (struct oneshot **pp = &oneshots; *pp; pp = &(*pp)->next) {
        if ((*pp)->h == h && (*pp)->arg == arg) {
            struct oneshot *o = *pp;
            *pp = o->next;
            free(o);
            return;
        }
    }
}

void sys_restart_timeouts(void)
{
    uint64_t now = now_ms();

    for (int i = 0; i < ncyclic; i++)
        if (cyclic_t[i].armed)
            ig_tmr_arm(&cyclic_t[i], now);
    tcp_tmr_t.armed = 0;
}

void sys_check_timeouts(void)
{
    uint64_t now = now_ms();

    if (tcp_needed()) {
        if (!tcp_tmr_t.armed)
            ig_tmr_arm(&tcp_tmr_t, now);
        /* No catching up: TCP's retransmission clock counts real ticks. */
        if (ig_tmr_take(&tcp_tmr_t, now, 1))
            tcp_tmr();
    } else {
        tcp_tmr_t.armed = 0;
    }
    for (int i = 0; i < ncyclic; i++) {
        unsigned n = ig_tmr_take(&cyclic_t[i], now, CATCH_UP_MAX);
        while (n--)
            lwip_cyclic_timers[i].handler();
    }
    while (oneshots && oneshots->due_ms <= now) {
        struct oneshot *o = oneshots;
        oneshots = o->next;
        o->h(o->arg); /* may add timeouts of its own */
        free(o);
    }
}

u32_t sys_timeouts_sleeptime(void)
{
    uint64_t now = now_ms(), left = UINT64_MAX;

    if (tcp_needed()) {
        if (!tcp_tmr_t.armed)
            ig_tmr_arm(&tcp_tmr_t, now);
        left = ig_tmr_left(&tcp_tmr_t, now);
    }
    for (int i = 0; i < ncyclic; i++) {
        uint64_t l;
        if (!cyclic_t[i].armed || !must_wake(i, now))
            continue;
        l = ig_tmr_left(&cyclic_t[i], now);
        if (l < left)
            left = l;
    }
    if (oneshots) {
        uint64_t l = oneshots->due_ms > now ? oneshots->due_ms - now : 0;
        if (l < left)
            left = l;
    }
    if (left >= SYS_TIMEOUTS_SLEEPTIME_INFINITE)
        return SYS_TIMEOUTS_SLEEPTIME_INFINITE;
    return (u32_t)left;
}
