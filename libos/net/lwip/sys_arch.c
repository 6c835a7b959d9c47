/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys_arch.c: lwIP's clock and random numbers on the platform interface. */
#include <ingot/plat.h>

#include "lwip/sys.h"

u32_t sys_now(void)
{
    return (u32_t)(ig_plat_clock_monotonic() / 1000000u);
}

/* xorshift64*, seeded once from the platform's entropy source (or the
 * clock where there is none): TCP sequence numbers and DNS ids need to be
 * unpredictable to off-path attackers, not cryptographically strong. */
uint32_t ig_net_rand(void)
{
    static uint64_t s;

    if (s == 0) {
        if (ig_plat_entropy(&s, sizeof(s)) != (long)sizeof(s) || s == 0)
            s = ig_plat_clock_monotonic() ^ 0x9e3779b97f4a7c15ull;
    }
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    return (uint32_t)((s * 0x2545f4914f6cdd1dull) >> 32);
}
