/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* virtio_net.c: ARP and DHCP with QEMU's user network through ig_plat_net_*. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Test hooks: the platform's network devices (<ingot/plat.h>), which apps
 * do not otherwise see, and the kvm platform's count of interrupts. */
struct ig_plat_iov {
    void *base;
    size_t len;
};
struct ig_plat_net_info {
    uint8_t mac[6];
    uint16_t mtu;
    unsigned features;
};
int ig_plat_dev_count(int kind); /* 1 is IG_PLAT_DEV_NET */
int ig_plat_net_info(int dev, struct ig_plat_net_info *out);
int ig_plat_net_send(int dev, const struct ig_plat_iov *iov, int n);
long ig_plat_net_recv(int dev, void *buf, size_t cap);
void ig_plat_idle(uint64_t deadline);
uint64_t ig_plat_clock_monotonic(void);
uint64_t ig_kvm_irq_taken(void);

static const uint8_t bcast[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
/* Our address and the peer's: QEMU user networking's unless given. */
static uint8_t me_ip[4] = {10, 0, 2, 15}, gw_ip[4] = {10, 0, 2, 2};
static uint8_t mac[6];
static uint8_t frame[2048];
static int failed;

static void fail(const char *what, long v)
{
    printf("FAIL: %s (%ld)\n", what, v);
    failed = 1;
}

static void arp_request(uint8_t *f)
{
    memcpy(f, bcast, 6);
    memcpy(f + 6, mac, 6);
    f[12] = 0x08, f[13] = 0x06;
    const uint8_t fixed[8] = {0, 1, 8, 0,
                              6, 4, 0, 1}; /* Ethernet/IPv4, request */
    memcpy(f + 14, fixed, 8);
    memcpy(f + 22, mac, 6);
    memcpy(f + 28, me_ip, 4);
    memset(f + 32, 0, 6);
    memcpy(f + 38, gw_ip, 4);
}

/* An ARP reply from the gateway to us. */
static int is_arp_reply(const uint8_t *f, long n)
{
    return n >= 42 && f[12] == 0x08 && f[13] == 0x06 && f[21] == 2 &&
           memcmp(f, mac, 6) == 0 && memcmp(f + 28, gw_ip, 4) == 0 &&
           memcmp(f + 32, mac, 6) == 0;
}

/* Receives until (match) accepts a frame or (ms) pass, halting in between.
 * Returns the frame's length, or 0 on timeout. */
static long wait_frame(int (*match)(const uint8_t *, long), unsigned ms)
{
    uint64_t deadline = ig_plat_clock_monotonic() + ms * 1000000ull;

    while (ig_plat_clock_monotonic() < deadline) {
        long n;

        while ((n = ig_plat_net_recv(0, frame, sizeof(frame))) != 0) {
            if (n < 0)
                fail("recv", n);
            else if (match(frame, n))
                return n;
        }
        /* No deadline: only an interrupt (or the platform's 1 s cap)
         * ends the halt. */
        ig_plat_idle(UINT64_MAX);
    }
    return 0;
}

static uint32_t xid = 0x1a2b3c4d;

static int is_dhcp_offer(const uint8_t *f, long n)
{
    return n >= 42 + 240 && f[12] == 0x08 && f[13] == 0x00 && f[23] == 17 &&
           f[36] == 0 && f[37] == 68 && f[42] == 2 &&
           (uint32_t)(f[46] << 24 | f[47] << 16 | f[48] << 8 | f[49]) == xid;
}

static uint16_t ip_csum(const uint8_t *p, int len)
{
    uint32_t s = 0;

    for (int i = 0; i < len; i += 2)
        s += (uint32_t)(p[i] << 8 | p[i + 1]);
    while (s >> 16)
        s = (s & 0xffff) + (s >> 16);
    return (uint16_t)~s;
}

/* DHCPDISCOVER in three pieces: Ethernet, IPv4 + UDP, the BOOTP body. */
static void dhcp(void)
{
    uint8_t eth[14], ipudp[28], body[300];
    uint16_t iplen = sizeof(ipudp) + sizeof(body), c;

    memcpy(eth, bcast, 6);
    memcpy(eth + 6, mac, 6);
    eth[12] = 0x08, eth[13] = 0x00;
    memset(ipudp, 0, sizeof(ipudp));
    ipudp[0] = 0x45;
    ipudp[2] = (uint8_t)(iplen >> 8), ipudp[3] = (uint8_t)iplen;
    ipudp[8] = 64, ipudp[9] = 17;
    memset(ipudp + 16, 0xff, 4); /* to 255.255.255.255 from 0.0.0.0 */
    c = ip_csum(ipudp, 20);
    ipudp[10] = (uint8_t)(c >> 8), ipudp[11] = (uint8_t)c;
    ipudp[21] = 68, ipudp[23] = 67; /* ports 68 -> 67; checksum 0: none */
    ipudp[24] = (uint8_t)((iplen - 20) >> 8), ipudp[25] = (uint8_t)(iplen - 20);
    memset(body, 0, sizeof(body));
    body[0] = 1, body[1] = 1, body[2] = 6; /* request, Ethernet */
    for (int i = 0; i < 4; i++)
        body[4 + i] = (uint8_t)(xid >> (24 - 8 * i));
    memcpy(body + 28, mac, 6);
    const uint8_t opts[] = {99, 130, 83, 99, 53, 1, 1, 255}; /* DISCOVER */
    memcpy(body + 236, opts, sizeof(opts));
    struct ig_plat_iov v[3] = {{eth, 14}, {ipudp, 28}, {body, 300}};
    long r = ig_plat_net_send(0, v, 3);
    if (r != 0)
        fail("send DHCPDISCOVER", r);
    long n = wait_frame(is_dhcp_offer, 5000);
    if (!n) {
        fail("no DHCPOFFER", 0);
        return;
    }
    printf("dhcp offer: %u.%u.%u.%u\n", frame[58], frame[59], frame[60],
           frame[61]);
}

/* More requests than the transmit ring has room for: -EAGAIN is retried
 * after an idle, every reply arrives through refilled receive buffers. */
static void burst(int count)
{
    int sent = 0, replies = 0, again = 0;
    uint8_t f[42];
    uint64_t t0 = ig_plat_clock_monotonic(), deadline = t0 + 20000000000ull;

    arp_request(f);
    while (replies < count && ig_plat_clock_monotonic() < deadline) {
        long n;

        while (sent < count) {
            struct ig_plat_iov v = {f, sizeof(f)};
            int r = ig_plat_net_send(0, &v, 1);

            if (r == -EAGAIN) {
                again++;
                break;
            }
            if (r != 0) {
                fail("burst send", r);
                return;
            }
            sent++;
        }
        while ((n = ig_plat_net_recv(0, frame, sizeof(frame))) != 0)
            replies += n > 0 && is_arp_reply(frame, n);
        if (replies < count)
            ig_plat_idle(UINT64_MAX);
    }
    printf("burst: %d sent, %d replies\n", sent, replies);
    printf("burst: %llu us per round trip\n",
           (unsigned long long)((ig_plat_clock_monotonic() - t0) / 1000 /
                                (count ? count : 1)));
    printf("burst: transmit ring full %d times\n", again);
    if (replies != count)
        fail("burst replies", replies);
}

static unsigned syn_port;

/* A TCP SYN to us on (syn_port): slirp forwarding a host connection. */
static int is_syn(const uint8_t *f, long n)
{
    unsigned ihl = (f[14] & 0xf) * 4u;

    return n >= 14 + 20 + 20 && f[12] == 0x08 && f[13] == 0x00 && f[23] == 6 &&
           memcmp(f + 30, me_ip, 4) == 0 && n >= (long)(14 + ihl + 20) &&
           (unsigned)(f[14 + ihl + 2] << 8 | f[14 + ihl + 3]) == syn_port &&
           (f[14 + ihl + 13] & 0x12) == 0x02;
}

static unsigned udp_port;

/* A UDP datagram to us on (udp_port). */
static int is_udp(const uint8_t *f, long n)
{
    unsigned ihl = (f[14] & 0xf) * 4u;

    return n >= 14 + 20 + 8 && f[12] == 0x08 && f[13] == 0x00 && f[23] == 17 &&
           memcmp(f + 30, me_ip, 4) == 0 && n >= (long)(14 + ihl + 8) &&
           (unsigned)(f[14 + ihl + 2] << 8 | f[14 + ihl + 3]) == udp_port;
}

/* Checks the UDP checksum of the datagram in (frame) the slow way: the
 * pseudo-header and the segment must sum to 0xffff. */
static int udp_csum_ok(long n)
{
    unsigned ihl = (frame[14] & 0xf) * 4u, l4 = 14 + ihl;
    unsigned len = (unsigned)(frame[l4 + 4] << 8 | frame[l4 + 5]);
    uint32_t s = 17 + len;

    if (l4 + len > (unsigned long)n)
        return 0;
    for (int i = 0; i < 8; i += 2)
        s += (uint32_t)(frame[26 + i] << 8 | frame[27 + i]);
    for (unsigned i = 0; i < len; i += 2)
        s += (uint32_t)(frame[l4 + i] << 8 |
                        (i + 1 < len ? frame[l4 + i + 1] : 0));
    while (s >> 16)
        s = (s & 0xffff) + (s >> 16);
    return s == 0xffff;
}

static int parse_ip(const char *s, uint8_t *ip)
{
    unsigned a, b, c, d;

    if (sscanf(s, "%u.%u.%u.%u", &a, &b, &c, &d) != 4)
        return -1;
    ip[0] = (uint8_t)a, ip[1] = (uint8_t)b, ip[2] = (uint8_t)c,
    ip[3] = (uint8_t)d;
    return 0;
}

int main(int argc, char **argv)
{
    struct ig_plat_net_info info;
    int n = ig_plat_dev_count(1);
    uint8_t f[1600];

    printf("net devices: %d\n", n);
    if (n < 1 || ig_plat_net_info(0, &info) != 0) {
        printf("FAIL: no network device\n");
        return 1;
    }
    memcpy(mac, info.mac, 6);
    char m[18];
    snprintf(m, sizeof(m), "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1],
             mac[2], mac[3], mac[4], mac[5]);
    printf("mac: %s, mtu %u, csum offload %s\n", m, info.mtu,
           info.features & 1 ? "yes" : "no");
    /* Options: mac=EXPECTED burst=N dhcp=0 syn=PORT udp=PORT self=IP
     * peer=IP. */
    const char *want_mac = NULL;
    int burst_n = 300, do_dhcp = 1;
    for (int i = 1; i < argc; i++) {
        if (strncmp(argv[i], "mac=", 4) == 0)
            want_mac = argv[i] + 4;
        else if (strncmp(argv[i], "burst=", 6) == 0)
            burst_n = atoi(argv[i] + 6);
        else if (strcmp(argv[i], "dhcp=0") == 0)
            do_dhcp = 0;
        else if (strncmp(argv[i], "syn=", 4) == 0)
            syn_port = (unsigned)atoi(argv[i] + 4);
        else if (strncmp(argv[i], "udp=", 4) == 0)
            udp_port = (unsigned)atoi(argv[i] + 4);
        else if (strncmp(argv[i], "self=", 5) == 0)
            parse_ip(argv[i] + 5, me_ip);
        else if (strncmp(argv[i], "peer=", 5) == 0)
            parse_ip(argv[i] + 5, gw_ip);
        else
            fail(argv[i], 0);
    }
    if (want_mac && strcmp(want_mac, m) != 0)
        fail("MAC is not the one given to the device", 0);
    if (ig_plat_net_info(n, &info) != -ENODEV ||
        ig_plat_net_send(-1, NULL, 0) != -ENODEV ||
        ig_plat_net_recv(n, f, sizeof(f)) != -ENODEV)
        fail("a missing device answers", 0);
    struct ig_plat_iov big = {f, 1515};
    if (ig_plat_net_send(0, &big, 1) != -EMSGSIZE)
        fail("1515-byte frame accepted", 0);

    uint64_t irqs = ig_kvm_irq_taken(), t0, ms;
    arp_request(f);
    struct ig_plat_iov v = {f, 42};
    long r = ig_plat_net_send(0, &v, 1);
    if (r != 0)
        fail("send ARP request", r);
    /* Halt at once, without looking for the reply: with no deadline only
     * an interrupt ends the halt before the platform's 1 s cap, and the
     * reply's interrupt is pending already or comes soon. */
    t0 = ig_plat_clock_monotonic();
    ig_plat_idle(UINT64_MAX);
    ms = (ig_plat_clock_monotonic() - t0) / 1000000;
    printf("arp: halt ended after %llu ms by %llu interrupt(s)\n",
           (unsigned long long)ms,
           (unsigned long long)(ig_kvm_irq_taken() - irqs));
    if (ms >= 500 || ig_kvm_irq_taken() == irqs)
        fail("the reply did not interrupt the halt", (long)ms);
    r = wait_frame(is_arp_reply, 5000);
    if (!r)
        fail("no ARP reply", 0);
    else
        printf("arp: %u.%u.%u.%u is at %02x:%02x:%02x:%02x:%02x:%02x\n",
               gw_ip[0], gw_ip[1], gw_ip[2], gw_ip[3], frame[22], frame[23],
               frame[24], frame[25], frame[26], frame[27]);
    if (do_dhcp)
        dhcp();
    if (burst_n > 0)
        burst(burst_n);

    /* A frame bigger than the caller's buffer is dropped with -EMSGSIZE. */
    r = ig_plat_net_send(0, &v, 1);
    long got = 0;
    for (int i = 0; i < 50 && got == 0; i++) {
        got = ig_plat_net_recv(0, f, 10);
        if (got == 0)
            ig_plat_idle(UINT64_MAX);
    }
    if (r != 0 || got != -EMSGSIZE)
        fail("short buffer", got);
    /* -p HOST:GUEST: the test connects to HOST once this line appears
     * (slirp learned our address from the ARP requests). */
    if (syn_port) {
        printf("waiting for a connection to port %u\n", syn_port);
        fflush(stdout);
        if (wait_frame(is_syn, 30000))
            printf("tcp: SYN to port %u from %u.%u.%u.%u\n", syn_port,
                   frame[26], frame[27], frame[28], frame[29]);
        else
            fail("no SYN", 0);
    }
    /* udp=PORT: the host sends a datagram once this line appears. */
    if (udp_port) {
        printf("waiting for a datagram to port %u\n", udp_port);
        fflush(stdout);
        long n = wait_frame(is_udp, 30000);
        if (!n) {
            fail("no datagram", 0);
        } else {
            unsigned l4 = 14 + (frame[14] & 0xf) * 4u;
            unsigned len = (unsigned)(frame[l4 + 4] << 8 | frame[l4 + 5]);
            printf("udp: \"%.*s\" from %u.%u.%u.%u, checksum %s\n",
                   (int)(len - 8), (const char *)frame + l4 + 8, frame[26],
                   frame[27], frame[28], frame[29],
                   udp_csum_ok(n) ? "ok" : "WRONG");
        }
    }
    printf("net: %s\n", failed ? "FAIL" : "PASS");
    return failed;
}
