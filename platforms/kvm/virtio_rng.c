/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* virtio_rng.c: the virtio entropy device as the source of random bytes. */
#include <errno.h>
#include <string.h>

#include "kvm_internal.h"
#include "virtio.h"

static struct ig_virtio_dev rng;
static int rng_ok;
static char ring[IG_KVM_PAGE] __attribute__((aligned(IG_KVM_PAGE)));
static unsigned char bounce[IG_KVM_PAGE] __attribute__((aligned(IG_KVM_PAGE)));

void ig_kvm_virtio_rng_init(void)
{
    if (ig_kvm_virtio_find(&rng, IG_VIRTIO_ID_ENTROPY) < 0)
        return;
    if (ig_kvm_virtio_start(&rng, ring) < 0) {
        ig_kvm_puts("kvm: virtio-rng: device refused, using RDRAND\n");
        return;
    }
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
     * pages, and the device needs one physically contiguous range. */
    while (done < len) {
        size_t want = len - done < sizeof(bounce) ? len - done : sizeof(bounce);
        long got = ig_kvm_virtio_xfer(&rng, bounce, (uint32_t)want);

        /* A device that keeps answering with nothing is broken. */
        if (got <= 0)
            return -EIO;
        memcpy(p + done, bounce, (size_t)got);
        done += (size_t)got;
    }
    return (long)len;
}
