/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_net_csum.c: checksum offload preparation against a reference sum. */
#include <stdint.h>
#include <string.h>

#include "net_csum.h"
#include "unit.h"

/* The RFC 1071 sum done the slow, obvious way, for comparison. */
static uint16_t ref_sum(const uint8_t *p, size_t len)
{
    uint32_t s = 0;

    for (size_t i = 0; i < len; i++)
        s += i % 2 ? p[i] : (uint32_t)p[i] << 8;
    while (s >> 16)
        s = (s & 0xffff) + (s >> 16);
    return (uint16_t)s;
}

/* An Ethernet + IPv4 + (proto) frame with (plen) payload bytes after the
 * transport header (UDP 8 bytes, TCP 20). */
static size_t ipv4_frame(uint8_t *f, int proto, size_t plen)
{
    size_t th = proto == 6 ? 20 : 8, total = 20 + th + plen;

    memset(f, 0, 14 + total);
    f[12] = 0x08;
    f[14] = 0x45;
    f[16] = (uint8_t)(total >> 8);
    f[17] = (uint8_t)total;
    f[22] = 64;
    f[23] = (uint8_t)proto;
    const uint8_t addrs[8] = {10, 0, 2, 15, 93, 184, 216, 34};
    memcpy(f + 26, addrs, 8);
    f[34] = 0x30, f[35] = 0x39, f[36] = 0x00, f[37] = 0x50; /* ports */
    if (proto == 17) {
        f[38] = (uint8_t)((8 + plen) >> 8);
        f[39] = (uint8_t)(8 + plen);
    }
    for (size_t i = 0; i < plen; i++)
        f[14 + 20 + th + i] = (uint8_t)(i * 7 + 3);
    return 14 + total;
}

/* What the device does with NEEDS_CSUM, then what a receiver checks: the
 * pseudo-header plus the segment sums to 0xffff. */
static int verifies(uint8_t *f, size_t len, const struct ig_csum_place *pl,
                    int proto)
{
    uint8_t pseudo[12];
    size_t l4len = len - pl->start;
    uint32_t s;

    CHECK_INT(ig_csum_complete(f, len, pl->start, pl->offset), 0);
    memcpy(pseudo, f + 26, 8);
    pseudo[8] = 0;
    pseudo[9] = (uint8_t)proto;
    pseudo[10] = (uint8_t)(l4len >> 8);
    pseudo[11] = (uint8_t)l4len;
    s = (uint32_t)ref_sum(pseudo, 12) + ref_sum(f + pl->start, l4len);
    while (s >> 16)
        s = (s & 0xffff) + (s >> 16);
    return s == 0xffff;
}

static void test_sum(void)
{
    uint8_t b[301];

    for (size_t i = 0; i < sizeof(b); i++)
        b[i] = (uint8_t)(i * 131 + 17);
    for (size_t len = 0; len <= sizeof(b); len += 37)
        CHECK_INT(ig_csum_fold(ig_csum_add(0, b, len)), ref_sum(b, len));
    /* RFC 1071's example words. */
    const uint8_t ex[8] = {0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7};
    CHECK_INT(ig_csum_fold(ig_csum_add(0, ex, 8)), 0xddf2);
}

static void test_offload(void)
{
    uint8_t f[1600];
    struct ig_csum_place pl;
    size_t len;

    len = ipv4_frame(f, 6, 100);
    f[14 + 20 + 16] = 0xab; /* whatever the stack left in the field */
    CHECK_INT(ig_csum_offload_prepare(f, len, &pl), 1);
    CHECK_INT(pl.start, 34);
    CHECK_INT(pl.offset, 16);
    CHECK(verifies(f, len, &pl, 6));

    len = ipv4_frame(f, 17, 33); /* odd length */
    CHECK_INT(ig_csum_offload_prepare(f, len, &pl), 1);
    CHECK_INT(pl.offset, 6);
    CHECK(verifies(f, len, &pl, 17));

    /* Not offloaded: fragments, ICMP, ARP, truncated or lying headers. */
    len = ipv4_frame(f, 17, 33);
    f[20] = 0x20; /* more fragments */
    CHECK_INT(ig_csum_offload_prepare(f, len, &pl), 0);
    len = ipv4_frame(f, 1, 40);
    CHECK_INT(ig_csum_offload_prepare(f, len, &pl), 0);
    len = ipv4_frame(f, 6, 10);
    f[12] = 0x08, f[13] = 0x06;
    CHECK_INT(ig_csum_offload_prepare(f, len, &pl), 0);
    len = ipv4_frame(f, 6, 10);
    CHECK_INT(ig_csum_offload_prepare(f, len - 1, &pl), 0);
    CHECK_INT(ig_csum_offload_prepare(f, 20, &pl), 0);

    /* IPv6 + UDP. */
    memset(f, 0, 14 + 40 + 8 + 20);
    f[12] = 0x86, f[13] = 0xdd, f[14] = 0x60;
    f[18] = 0, f[19] = 28, f[20] = 17;
    for (int i = 0; i < 32; i++)
        f[22 + i] = (uint8_t)(i + 1);
    CHECK_INT(ig_csum_offload_prepare(f, 14 + 40 + 28, &pl), 1);
    CHECK_INT(pl.start, 54);
    CHECK_INT(ig_csum_complete(f, 14 + 40 + 28, pl.start, pl.offset), 0);
    uint32_t s = ref_sum(f + 22, 32) + 28 + 17 + ref_sum(f + 54, 28);
    while (s >> 16)
        s = (s & 0xffff) + (s >> 16);
    CHECK_INT(s, 0xffff);

    /* A place outside the frame is refused. */
    CHECK_INT(ig_csum_complete(f, 60, 59, 6), -1);
    CHECK_INT(ig_csum_complete(f, 60, 70, 0), -1);
}

int main(void)
{
    test_sum();
    test_offload();
    return unit_done();
}
