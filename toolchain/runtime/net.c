/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* net.c: the guest takes over the engine's interface: tap + tc mirred. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rt.h"

/* Runs `(prog) -batch -` with (script) on its stdin: one exec for many
 * changes, which is most of what the takeover costs.  Returns 0, or -1
 * with the reason in (err). */
static int batch(const char *prog, const char *script, char *err, size_t errlen)
{
    int in[2];

    if (pipe2(in, O_CLOEXEC) < 0) {
        snprintf(err, errlen, "pipe: %s", strerror(errno));
        return -1;
    }
    pid_t pid = fork();
    if (pid == 0) {
        dup2(in[0], 0);
        execlp(prog, prog, "-batch", "-", (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    size_t len = strlen(script);
    ssize_t n = pid < 0 ? -1 : write(in[1], script, len);
    close(in[1]);
    int st = pid < 0 ? -1 : ig_proc_wait(pid, NULL);
    if (st == 0 && n == (ssize_t)len)
        return 0;
    snprintf(err, errlen, "%s -batch: %s", prog,
             st == 127 ? "not found (install iproute2)"
                       : "failed (see its message above)");
    return -1;
}

/* The first interface, other than loopback, with an IPv4 address: its
 * name, address/prefix and MAC. */
static int pick(struct ig_rt_net *n)
{
    struct ifaddrs *all, *a, *b;
    int found = 0;

    if (getifaddrs(&all) < 0)
        return -1;
    for (a = all; a && !found; a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET ||
            (a->ifa_flags & IFF_LOOPBACK) || !a->ifa_netmask)
            continue;
        for (b = all; b; b = b->ifa_next) {
            if (!b->ifa_addr || b->ifa_addr->sa_family != AF_PACKET ||
                strcmp(a->ifa_name, b->ifa_name) != 0)
                continue;
            const struct sockaddr_ll *ll = (void *)b->ifa_addr;
            if (ll->sll_halen != 6)
                break;
            const unsigned char *m = ll->sll_addr;
            char ip[INET_ADDRSTRLEN];
            uint32_t mask =
                ntohl(((struct sockaddr_in *)a->ifa_netmask)->sin_addr.s_addr);
            int len = 0;
            while (len < 32 && (mask & (0x80000000u >> len)))
                len++;
            inet_ntop(AF_INET, &((struct sockaddr_in *)a->ifa_addr)->sin_addr,
                      ip, sizeof(ip));
            snprintf(n->ifname, sizeof(n->ifname), "%s", a->ifa_name);
            snprintf(n->ip, sizeof(n->ip), "%s/%d", ip, len);
            snprintf(n->mac, sizeof(n->mac), "%02x:%02x:%02x:%02x:%02x:%02x",
                     m[0], m[1], m[2], m[3], m[4], m[5]);
            found = 1;
            break;
        }
    }
    freeifaddrs(all);
    return found;
}

/* The default route's gateway, from this namespace's /proc/net/route. */
static void default_gw(struct ig_rt_net *n)
{
    FILE *f = fopen("/proc/net/route", "re");
    char line[256], ifname[64];
    unsigned dst, gw, flags;

    n->gw[0] = '\0';
    while (f && fgets(line, sizeof(line), f))
        if (sscanf(line, "%63s %x %x %x", ifname, &dst, &gw, &flags) == 4 &&
            dst == 0 && (flags & 2 /* RTF_GATEWAY */)) {
            struct in_addr a = {.s_addr = gw};
            inet_ntop(AF_INET, &a, n->gw, sizeof(n->gw));
            break;
        }
    if (f)
        fclose(f);
}

int ig_rt_net_setup(struct ig_rt_net *n, char *err, size_t errlen)
{
    memset(n, 0, sizeof(*n));
    int r = pick(n);
    if (r < 0) {
        snprintf(err, errlen, "getifaddrs: %s", strerror(errno));
        return -1;
    }
    if (r == 0)
        return 0;
    default_gw(n);
    snprintf(n->tap, sizeof(n->tap), "ingottap0");
    /* The address goes: the guest answers for it now, and the host's
     * stack in this namespace would reset its connections. */
    char *ip = ig_xasprintf("tuntap add dev %s mode tap\n"
                            "link set dev %s up\n"
                            "addr del %s dev %s\n",
                            n->tap, n->tap, n->ip, n->ifname);
    /* Every frame both ways; u32 matching everything, since matchall is
     * missing from some kernels. */
    static const char redirect[] =
        "qdisc add dev %s ingress\n"
        "filter add dev %s parent ffff: protocol all u32 match u8 0 0 "
        "action mirred egress redirect dev %s\n";
    char *tc1 = ig_xasprintf(redirect, n->ifname, n->ifname, n->tap);
    char *tc2 = ig_xasprintf(redirect, n->tap, n->tap, n->ifname);
    char *tc = ig_xasprintf("%s%s", tc1, tc2);
    r = batch("ip", ip, err, errlen) < 0 || batch("tc", tc, err, errlen) < 0
            ? -1
            : 1;
    free(ip);
    free(tc1);
    free(tc2);
    free(tc);
    return r;
}

int ig_rt_net_save(const struct ig_rt_net *n, const char *path)
{
    json_t *o = json_pack("{ssssssssss}", "ifname", n->ifname, "tap", n->tap,
                          "ip", n->ip, "gw", n->gw, "mac", n->mac);
    int r = o ? json_dump_file(o, path, JSON_COMPACT) : -1;

    json_decref(o);
    return r < 0 ? -1 : 0;
}

void ig_rt_net_restore(const char *netns, const char *path)
{
    json_t *o = json_load_file(path, 0, NULL);
    const char *ifname = json_string_value(json_object_get(o, "ifname"));
    const char *tap = json_string_value(json_object_get(o, "tap"));
    const char *ip = json_string_value(json_object_get(o, "ip"));
    const char *gw = json_string_value(json_object_get(o, "gw"));

    if (!ifname || !tap || !ip || !gw) {
        json_decref(o);
        return;
    }
    char *script =
        ig_xasprintf("link del %s\naddr add %s dev %s\n%s%s%s", tap, ip, ifname,
                     *gw ? "route add default via " : "", gw, *gw ? "\n" : "");
    char *tc = ig_xasprintf("qdisc del dev %s ingress\n", ifname);
    /* In a child: setns() would move this process for good. */
    pid_t pid = fork();
    if (pid == 0) {
        char err[256];
        int fd = open(netns, O_RDONLY | O_CLOEXEC);
        if (fd < 0 || setns(fd, CLONE_NEWNET) < 0)
            _exit(1);
        int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (null >= 0) {
            dup2(null, 1);
            dup2(null, 2);
        }
        /* The tap goes first: with it goes the redirect into it. */
        batch("tc", tc, err, sizeof(err));
        _exit(batch("ip", script, err, sizeof(err)) < 0);
    }
    if (pid > 0)
        waitpid(pid, NULL, 0);
    free(script);
    free(tc);
    json_decref(o);
}
