/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* virtio_rng.c: the virtio entropy device as the source of random bytes. */
#include <errno.h>
#include <string.h>

#include "kvm_internal.h"
#include "virtio.h"

#define RNG_QSIZE 4
#define RNG_TIMEOUT_NS 1000000000ull

static struct ig_virtio_dev rng;
static struct ig_virtq rq;
static int rng_ok;
static unsigned char bounce[IG_KVM_PAGE] __attribute__((aligned(IG_KVM_PAGE)));

void ig_virtio_rng_probe(const struct ig_virtio_dev *d)
{
    if (rng_ok)
        return; /* one source is enough */
    rng = *d;
    if (ig_virtio_start(&rng, 0, &rq, 1, RNG_QSIZE) < 0)
        return;
    rng_ok = 1;
}

int ig_kvm_virtio_rng_present(void)
{
    return rng_ok;
}

long ig_kvm_virtio_rng_read(void *buf, size_t len)
{
    unsigned char *p = buf;
    size_t done = 0;

    if (!rng_ok)
        return -ENODEV;
    /* A bounce page: the caller's buffer may be a thread stack or span
     * pages; one request at a time, waiting with the interrupt. */
    while (done < len) {
        size_t want = len - done < sizeof(bounce) ? len - done : sizeof(bounce);
        struct ig_plat_iov in = {bounce, want};
        uint32_t got = 0;

        if (ig_virtq_add(&rq, NULL, 0, &in, 1, bounce) < 0)
            return -EIO;
        ig_virtq_kick(&rq);
        /* A device that keeps answering with nothing is broken. */
        if (!ig_virtq_wait(&rq, RNG_TIMEOUT_NS) ||
            ig_virtq_get(&rq, &got) != bounce || got == 0) {
            rng_ok = 0; /* the request may still be in the ring */
            return -EIO;
        }
        if (got > want)
            got = (uint32_t)want;
        memcpy(p + done, bounce, got);
        done += got;
    }
    return (long)len;
}
