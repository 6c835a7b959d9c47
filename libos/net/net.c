/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* net.c: network options, stack start-up and the polling loop. */
#include <ingot/component.h>
#include <ingot/console.h>
#include <ingot/plat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lwip/dhcp.h"
#include "lwip/dns.h"
#include "lwip/init.h"
#include "lwip/ip4_addr.h"
#include "lwip/netif.h"
#include "lwip/priv/tcp_priv.h"
#include "lwip/tcp.h"
#include "lwip/timeouts.h"

#include "net_internal.h"
#include "sock_internal.h"

#define NETDEV_MAX 4
#define DRAIN_MAX 256 /* frames per device per poll, for fairness */
#define NS_PER_MS 1000000ull
#define LINGER_NS (1000 * NS_PER_MS) /* at exit, for TCP data in flight */

static struct {
    ip4_addr_t ip, mask, gw, dns[DNS_MAX_SERVERS];
    int have_ip, have_gw, ndns;
    unsigned dhcp_wait_ms;
} cfg = {.dhcp_wait_ms = 10000};

static struct netif *netdevs[NETDEV_MAX];
static int nnetdevs;

/* Parses "A.B.C.D" strictly (lwIP's parser accepts shorthand forms). */
static int parse_ip(const char *s, ip4_addr_t *out)
{
    unsigned long part[4];
    char *end;

    for (int i = 0; i < 4; i++) {
        if (*s < '0' || *s > '9')
            return -EINVAL;
        part[i] = strtoul(s, &end, 10);
        if (part[i] > 255 || end - s > 3)
            return -EINVAL;
        s = end;
        if (i < 3 && *s++ != '.')
            return -EINVAL;
    }
    if (*s)
        return -EINVAL;
    IP4_ADDR(out, part[0], part[1], part[2], part[3]);
    return 0;
}

int ig_net_option(const char *opt)
{
    const char *v;
    char buf[32];

    if (strncmp(opt, "net.ip=", 7) == 0) {
        v = opt + 7;
        const char *slash = strchr(v, '/');
        if (!slash || (size_t)(slash - v) >= sizeof(buf))
            return -EINVAL;
        memcpy(buf, v, (size_t)(slash - v));
        buf[slash - v] = '\0';
        char *end;
        unsigned long len = strtoul(slash + 1, &end, 10);
        if (parse_ip(buf, &cfg.ip) < 0 || end == slash + 1 || *end || len > 32)
            return -EINVAL;
        ip4_addr_set_u32(&cfg.mask,
                         len ? lwip_htonl(0xffffffffu << (32 - len)) : 0);
        cfg.have_ip = 1;
        return 0;
    }
    if (strncmp(opt, "net.gw=", 7) == 0) {
        cfg.have_gw = 1;
        return parse_ip(opt + 7, &cfg.gw);
    }
    if (strncmp(opt, "net.dns=", 8) == 0) {
        if (cfg.ndns == DNS_MAX_SERVERS)
            return -EINVAL;
        return parse_ip(opt + 8, &cfg.dns[cfg.ndns++]);
    }
    if (strncmp(opt, "net.dhcp_wait=", 14) == 0) {
        char *end;
        unsigned long ms = strtoul(opt + 14, &end, 10);
        if (end == opt + 14 || *end || ms > 600000)
            return -EINVAL;
        cfg.dhcp_wait_ms = (unsigned)ms;
        return 0;
    }
    return -EINVAL;
}

uint64_t ig_net_poll(void)
{
    uint64_t now;
    int left = IG_NETIF_EMPTY;

    for (int i = 0; i < nnetdevs; i++) {
        int r = ig_netif_drain(netdevs[i], DRAIN_MAX);
        if (r > left)
            left = r;
    }
    /* Loopback traffic is queued on the interface; answers to it (ACKs)
     * queue more, so run it until it settles. */
    for (int i = 0; i < 8; i++) {
        int pending = 0;
        struct netif *nif;
        NETIF_FOREACH(nif)
        {
            if (nif->loop_first)
                pending = 1;
        }
        if (!pending)
            break;
        netif_poll_all();
    }
    sys_check_timeouts();
    now = ig_plat_clock_monotonic();
    /* Frames left in a device raise no interrupt of their own: come back
     * for them at once, or after a millisecond when memory ran out (the
     * program must run and free some first). */
    if (left == IG_NETIF_MORE)
        return now;
    struct netif *nif;
    NETIF_FOREACH(nif)
    {
        if (nif->loop_first)
            return now;
    }
    u32_t ms = sys_timeouts_sleeptime();
    if (left == IG_NETIF_NOMEM && ms > 1)
        ms = 1;
    if (ms == SYS_TIMEOUTS_SLEEPTIME_INFINITE)
        return UINT64_MAX;
    return now + (uint64_t)ms * NS_PER_MS;
}

static void print_addr(struct netif *nif, const char *how)
{
    char ip[16], mask[16], gw[16];

    ip4addr_ntoa_r(netif_ip4_addr(nif), ip, sizeof(ip));
    ip4addr_ntoa_r(netif_ip4_netmask(nif), mask, sizeof(mask));
    ip4addr_ntoa_r(netif_ip4_gw(nif), gw, sizeof(gw));
    ig_printk("ingot: net: %c%c%u %s netmask %s gateway %s (%s)\n",
              nif->name[0], nif->name[1], nif->num, ip, mask, gw, how);
}

/* Waits, letting the idle hook run the stack, until DHCP has bound (nif)
 * or the configured time has passed. */
static void wait_dhcp(struct netif *nif)
{
    uint64_t end = ig_plat_clock_monotonic() + cfg.dhcp_wait_ms * NS_PER_MS;

    while (!dhcp_supplied_address(nif)) {
        uint64_t now = ig_plat_clock_monotonic();
        if (now >= end) {
            ig_printk("ingot: net: no DHCP lease after %u ms; starting "
                      "without an address (give net.ip=)\n",
                      cfg.dhcp_wait_ms);
            return;
        }
        ig_net_poll();
        ig_sched_sleep_until(now + 5 * NS_PER_MS < end ? now + 5 * NS_PER_MS
                                                       : end);
    }
    print_addr(nif, "dhcp");
}

/* Does any connection still have data or a FIN the peer has not
 * acknowledged? */
static int tcp_in_flight(void)
{
    for (struct tcp_pcb *p = tcp_active_pcbs; p; p = p->next)
        if (p->unsent || p->unacked || p->state == FIN_WAIT_1 ||
            p->state == CLOSING || p->state == LAST_ACK)
            return 1;
    return 0;
}

/*
 * Exit switches the machine off, and with it the stack: an answer written
 * just before exit() would be lost with the frames still queued (in lwIP,
 * or in a device's transmit ring), and connections the program left open
 * would never end for their peers.  A process on Linux leaves both to the
 * kernel, which closes its sockets and finishes sending; here exit closes
 * them the same way, then waits, at most a second, until the peers have
 * acknowledged everything sent, the closing FINs included.  (The
 * program's own atexit handlers ran before: they may still use sockets.)
 */
static void linger_at_exit(void)
{
    uint64_t end;

    ig_sock_close_all();
    end = ig_plat_clock_monotonic() + LINGER_NS;

    for (;;) {
        uint64_t next = ig_net_poll(), now = ig_plat_clock_monotonic();
        if (!tcp_in_flight() || now >= end)
            return;
        ig_plat_idle(next < end ? next : end);
    }
}

int ig_net_init(void)
{
    int ndev = ig_plat_dev_count(IG_PLAT_DEV_NET);

    lwip_init();
    for (int d = 0; d < ndev && nnetdevs < NETDEV_MAX; d++) {
        struct netif *nif = ig_netif_add(d);
        if (nif)
            netdevs[nnetdevs++] = nif;
    }
    for (int i = 0; i < cfg.ndns; i++)
        dns_setserver((u8_t)i, &cfg.dns[i]);
    ig_sched_set_idle_hook(ig_net_poll);
    atexit(linger_at_exit);
    if (nnetdevs == 0)
        return 0;
    struct netif *nif = netdevs[0];
    netif_set_default(nif);
    if (cfg.have_ip)
        netif_set_addr(nif, &cfg.ip, &cfg.mask,
                       cfg.have_gw ? &cfg.gw : IP4_ADDR_ANY4);
    netif_set_up(nif);
    for (int i = 1; i < nnetdevs; i++)
        netif_set_up(netdevs[i]);
    if (cfg.have_ip)
        return 0;
    if (dhcp_start(nif) != ERR_OK)
        return -ENOMEM;
    wait_dhcp(nif);
    return 0;
}

IG_COMPONENT(net, .prefix = "net.", .option = ig_net_option,
             .init = ig_net_init, .order = IG_ORDER_NET);
