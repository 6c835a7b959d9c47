/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* ifaddr.c: interface names, indexes and addresses from lwIP's netifs. */
#include <ingot/posix.h>

#include <errno.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lwip/netif.h"
#include "net_internal.h"

/* A strong reference: the interfaces exist once the stack has started,
 * which core/init.c only references weakly (as socket.c does). */
static int (*const net_init_ref)(void) __attribute__((used)) = ig_net_init;

/* Linux's names: "lo" for lwIP's loopback, "eth<N>" for the Ethernet
 * netifs in list order (lwIP calls them "en<num>"). */
static void if_name(const struct netif *nif, char *buf)
{
    if (nif->name[0] == 'l' && nif->name[1] == 'o') {
        strcpy(buf, "lo");
        return;
    }
    unsigned n = 0;
    const struct netif *o;
    NETIF_FOREACH(o)
    {
        if (o == nif)
            break;
        n += !(o->name[0] == 'l' && o->name[1] == 'o');
    }
    snprintf(buf, IF_NAMESIZE, "eth%u", n);
}

static struct netif *by_name(const char *name)
{
    char buf[IF_NAMESIZE];
    struct netif *nif;

    NETIF_FOREACH(nif)
    {
        if_name(nif, buf);
        if (strcmp(buf, name) == 0)
            return nif;
    }
    return NULL;
}

unsigned int if_nametoindex(const char *name)
{
    struct netif *nif = name ? by_name(name) : NULL;

    if (!nif) {
        ig_posix_failed(-ENODEV);
        return 0;
    }
    return netif_get_index(nif);
}

char *if_indextoname(unsigned int index, char *name)
{
    struct netif *nif;

    NETIF_FOREACH(nif)
    {
        if (netif_get_index(nif) == index) {
            if_name(nif, name);
            return name;
        }
    }
    ig_posix_failed(-ENXIO);
    return NULL;
}

struct if_nameindex *if_nameindex(void)
{
    struct netif *nif;
    size_t n = 0, i = 0;

    NETIF_FOREACH(nif)
    n++;
    /* The array, its terminator, then the names. */
    struct if_nameindex *list =
        calloc(1, (n + 1) * (sizeof(*list) + IF_NAMESIZE));
    if (!list) {
        ig_posix_failed(-ENOBUFS);
        return NULL;
    }
    char *names = (char *)(list + n + 1);
    NETIF_FOREACH(nif)
    {
        list[i].if_index = netif_get_index(nif);
        list[i].if_name = names + i * IF_NAMESIZE;
        if_name(nif, list[i].if_name);
        i++;
    }
    return list;
}

void if_freenameindex(struct if_nameindex *list)
{
    free(list);
}

static unsigned if_flags(const struct netif *nif)
{
    unsigned f = 0;

    if (netif_is_up(nif))
        f |= IFF_UP;
    if (netif_is_link_up(nif) && netif_is_up(nif))
        f |= IFF_RUNNING;
    if (nif->flags & NETIF_FLAG_BROADCAST)
        f |= IFF_BROADCAST;
    if (nif->name[0] == 'l' && nif->name[1] == 'o')
        f |= IFF_LOOPBACK;
    if (nif->flags & NETIF_FLAG_IGMP)
        f |= IFF_MULTICAST;
    return f;
}

/* One allocation per entry: the entry, its name and three addresses. */
struct ifa_block {
    struct ifaddrs ifa;
    char name[IF_NAMESIZE];
    struct sockaddr_in addr, mask, bcast;
};

static void set_in(struct sockaddr_in *sin, uint32_t addr)
{
    sin->sin_family = AF_INET;
    sin->sin_addr.s_addr = addr;
}

int getifaddrs(struct ifaddrs **out)
{
    struct ifaddrs *head = NULL, **tail = &head;
    struct netif *nif;

    if (!out) {
        return (int)ig_posix_ret(-EFAULT);
    }
    NETIF_FOREACH(nif)
    {
        struct ifa_block *b = calloc(1, sizeof(*b));
        if (!b) {
            freeifaddrs(head);
            return (int)ig_posix_ret(-ENOMEM);
        }
        if_name(nif, b->name);
        b->ifa.ifa_name = b->name;
        b->ifa.ifa_flags = if_flags(nif);
        uint32_t ip = ip4_addr_get_u32(netif_ip4_addr(nif));
        uint32_t mask = ip4_addr_get_u32(netif_ip4_netmask(nif));
        set_in(&b->addr, ip);
        set_in(&b->mask, mask);
        b->ifa.ifa_addr = (struct sockaddr *)&b->addr;
        b->ifa.ifa_netmask = (struct sockaddr *)&b->mask;
        if (b->ifa.ifa_flags & IFF_BROADCAST) {
            set_in(&b->bcast, ip | ~mask);
            b->ifa.ifa_broadaddr = (struct sockaddr *)&b->bcast;
        }
        *tail = &b->ifa;
        tail = &b->ifa.ifa_next;
    }
    *out = head;
    return 0;
}

void freeifaddrs(struct ifaddrs *list)
{
    while (list) {
        struct ifaddrs *next = list->ifa_next;
        free(list); /* the entry starts its block */
        list = next;
    }
}
