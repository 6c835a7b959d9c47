/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* net_csum.c: Internet checksums for virtio-net offload (RFC 1071). */
#include "net_csum.h"

#define ETH_HLEN 14
#define ETHERTYPE_IPV4 0x0800
#define ETHERTYPE_IPV6 0x86dd
#define PROTO_TCP 6
#define PROTO_UDP 17
#define TCP_CSUM_OFF 16
#define UDP_CSUM_OFF 6
#define IPV6_HLEN 40

static unsigned be16(const uint8_t *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

uint32_t ig_csum_add(uint32_t sum, const uint8_t *p, size_t len)
{
    uint64_t s = sum;

    for (; len >= 2; p += 2, len -= 2)
        s += be16(p);
    if (len)
        s += (unsigned)p[0] << 8;
    while (s >> 32)
        s = (s & 0xffffffffu) + (s >> 32);
    return (uint32_t)s;
}

uint16_t ig_csum_fold(uint32_t sum)
{
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)sum;
}

int ig_csum_offload_prepare(uint8_t *f, size_t len, struct ig_csum_place *pl)
{
    unsigned proto, l4, l4len;
    uint32_t sum;

    if (len < ETH_HLEN + 1)
        return 0;
    if (be16(f + 12) == ETHERTYPE_IPV4) {
        const uint8_t *ip = f + ETH_HLEN;
        unsigned ihl = (ip[0] & 0xf) * 4u, total;

        if ((ip[0] >> 4) != 4 || ihl < 20 || len < ETH_HLEN + ihl)
            return 0;
        total = be16(ip + 2);
        if (be16(ip + 6) & 0x3fff) /* MF or an offset: a fragment */
            return 0;
        if (total < ihl || ETH_HLEN + total > len)
            return 0;
        proto = ip[9];
        l4 = ETH_HLEN + ihl;
        l4len = total - ihl;
        sum = ig_csum_add(0, ip + 12, 8); /* source, destination */
    } else if (be16(f + 12) == ETHERTYPE_IPV6) {
        const uint8_t *ip = f + ETH_HLEN;

        if (len < ETH_HLEN + IPV6_HLEN || (ip[0] >> 4) != 6)
            return 0;
        proto = ip[6]; /* extension headers are not followed */
        l4 = ETH_HLEN + IPV6_HLEN;
        l4len = be16(ip + 4);
        if (l4 + l4len > len)
            return 0;
        sum = ig_csum_add(0, ip + 8, 32);
    } else {
        return 0;
    }
    if (proto == PROTO_TCP)
        pl->offset = TCP_CSUM_OFF;
    else if (proto == PROTO_UDP)
        pl->offset = UDP_CSUM_OFF;
    else
        return 0;
    if (l4len < pl->offset + 2u)
        return 0;
    pl->start = (uint16_t)l4;
    sum += proto + l4len;
    uint16_t ph = ig_csum_fold(sum);
    f[l4 + pl->offset] = (uint8_t)(ph >> 8);
    f[l4 + pl->offset + 1] = (uint8_t)ph;
    return 1;
}

int ig_csum_complete(uint8_t *f, size_t len, unsigned start, unsigned offset)
{
    uint16_t c;

    if (start > len || offset + 2 > len - start)
        return -1;
    c = (uint16_t)~ig_csum_fold(ig_csum_add(0, f + start, len - start));
    f[start + offset] = (uint8_t)(c >> 8);
    f[start + offset + 1] = (uint8_t)c;
    return 0;
}
