/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* ifaces.c: interface names, indexes and addresses of the loopback; the
 * output must be identical on Ingot and on Linux (a differential test). */
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>

#include "ename.h"

int main(void)
{
    char name[IF_NAMESIZE];
    struct ifaddrs *list;

    printf("if_nametoindex(lo): %u\n", if_nametoindex("lo"));
    printf("if_indextoname(1): %s\n", if_indextoname(1, name));
    unsigned idx = if_nametoindex("nope0");
    printf("if_nametoindex(nope0): %u %s\n", idx, ename(errno));
    const char *nm = if_indextoname(9999, name);
    printf("if_indextoname(9999): %s %s\n", nm ? "found" : "NULL",
           ename(errno));
    struct if_nameindex *ni = if_nameindex();
    int lo = 0;
    for (struct if_nameindex *p = ni; p && p->if_index; p++)
        lo += strcmp(p->if_name, "lo") == 0 && p->if_index == 1;
    printf("if_nameindex lists lo as 1: %d\n", lo);
    if_freenameindex(ni);
    T(getifaddrs(&list));
    for (struct ifaddrs *a = list; a; a = a->ifa_next) {
        if (strcmp(a->ifa_name, "lo") || !a->ifa_addr ||
            a->ifa_addr->sa_family != AF_INET)
            continue;
        char ip[16], mask[16];
        inet_ntop(AF_INET, &((struct sockaddr_in *)a->ifa_addr)->sin_addr, ip,
                  sizeof(ip));
        inet_ntop(AF_INET, &((struct sockaddr_in *)a->ifa_netmask)->sin_addr,
                  mask, sizeof(mask));
        printf("lo: %s/%s up %d loopback %d running %d\n", ip, mask,
               (a->ifa_flags & IFF_UP) != 0, (a->ifa_flags & IFF_LOOPBACK) != 0,
               (a->ifa_flags & IFF_RUNNING) != 0);
    }
    freeifaddrs(list);
    printf("ifaces: done\n");
    return 0;
}
