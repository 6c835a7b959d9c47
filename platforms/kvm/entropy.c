/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* entropy.c: random bytes from virtio-rng, else RDRAND or RDSEED. */
#include <errno.h>
#include <ingot/plat.h>

#include "kvm_internal.h"
#include "x86_64/x86.h"

/*
 * RDRAND can fail transiently when the DRNG is drained; Intel's guidance is
 * that 10 retries make a failure of healthy hardware vanishingly unlikely.
 * RDSEED runs dry much more often (it waits for fresh conditioner output),
 * so it gets more attempts with a pause between them.
 */
#define RDRAND_TRIES 10
#define RDSEED_TRIES 1000

enum source { UNKNOWN, NONE, RDRAND, RDSEED };

static enum source source;

static enum source detect(void)
{
    if (ig_arch_cpuid(1, 0).ecx & (1u << 30))
        return RDRAND;
    if (ig_arch_cpuid_max(0) >= 7 && (ig_arch_cpuid(7, 0).ebx & (1u << 18)))
        return RDSEED;
    return NONE;
}

static int word(uint64_t *v)
{
    unsigned char ok;

    if (source == RDRAND) {
        for (int i = 0; i < RDRAND_TRIES; i++) {
            __asm__ volatile("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok)::"cc");
            if (ok)
                return 0;
        }
        return -1;
    }
    for (int i = 0; i < RDSEED_TRIES; i++) {
        __asm__ volatile("rdseed %0; setc %1" : "=r"(*v), "=qm"(ok)::"cc");
        if (ok)
            return 0;
        ig_arch_pause();
    }
    return -1;
}

long ig_plat_entropy(void *buf, size_t len)
{
    unsigned char *p = buf;
    size_t done = 0;

    /* The VMM's device first: it draws on the host's pool (getrandom()),
     * which a CPU without RDRAND, or one we distrust, cannot offer. */
    if (ig_kvm_virtio_rng_present())
        return ig_kvm_virtio_rng_read(buf, len);
    if (source == UNKNOWN)
        source = detect();
    if (source == NONE)
        return -ENOSYS;
    while (done < len) {
        uint64_t v;

        /* Broken hardware: say so rather than hand out predictable bytes. */
        if (word(&v) < 0)
            return -EIO;
        for (int i = 0; i < 8 && done < len; i++, v >>= 8)
            p[done++] = (unsigned char)v;
    }
    return (long)len;
}
