/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* virtio_9p.c: virtio-9p as the 9P channels of plat.h (ig_plat_9p_*). */
#include <errno.h>

#include "kvm_internal.h"
#include "virtio.h"

#define F_MOUNT_TAG (1ull << 0)
#define CFG_TAG_LEN 0 /* le16, then the tag's bytes (not NUL-terminated) */
#define CFG_TAG 2
#define TAG_MAX 64
#define MAX_DEVS 16
#define QCAP 128
/* The largest message: 128 KiB of data plus the headers of Rread/Twrite.
 * The device has no limit of its own beyond its queue of descriptors. */
#define MSIZE (128u * 1024 + 24)
/* A reply that takes this long means the VMM is gone or wedged. */
#define RPC_TIMEOUT_NS (120ull * 1000000000ull)

static struct v9p {
    struct ig_virtio_dev dev;
    struct ig_virtq q;
    char tag[TAG_MAX + 1];
    int broken;
} devs[MAX_DEVS];
static int ndevs;

void ig_virtio_9p_probe(const struct ig_virtio_dev *d)
{
    struct v9p *p = &devs[ndevs];
    unsigned len;

    if (ndevs == MAX_DEVS) {
        ig_kvm_puts("kvm: more than 16 virtio-9p devices; the rest skipped\n");
        return;
    }
    p->dev = *d;
    if (ig_virtio_start(&p->dev, F_MOUNT_TAG, &p->q, 1, QCAP) < 0)
        return;
    len = 0;
    if (p->dev.features & F_MOUNT_TAG)
        len = p->dev.ops->config8(&p->dev, CFG_TAG_LEN) |
              (unsigned)p->dev.ops->config8(&p->dev, CFG_TAG_LEN + 1) << 8;
    if (len > TAG_MAX)
        len = TAG_MAX; /* QEMU allows at most 31 bytes anyway */
    for (unsigned i = 0; i < len; i++)
        p->tag[i] = (char)p->dev.ops->config8(&p->dev, CFG_TAG + i);
    p->tag[len] = '\0';
    /* Every reply is awaited: interrupts stay on. */
    ig_virtq_intr(&p->q, 1);
    ndevs++;
}

int ig_kvm_virtio_9p_count(void)
{
    return ndevs;
}

int ig_plat_9p_tag(int dev, char *buf, size_t cap)
{
    size_t n = 0;

    if (dev < 0 || dev >= ndevs)
        return -ENODEV;
    while (devs[dev].tag[n])
        n++;
    if (n + 1 > cap)
        return -ERANGE;
    for (size_t i = 0; i <= n; i++)
        buf[i] = devs[dev].tag[i];
    return (int)n;
}

size_t ig_plat_9p_msize(int dev)
{
    if (dev < 0 || dev >= ndevs)
        return 0;
    return MSIZE;
}

long ig_plat_9p_rpc(int dev, const struct ig_plat_iov *out, int nout,
                    const struct ig_plat_iov *in, int nin)
{
    struct v9p *p;
    uint32_t len = 0;
    void *tok;

    if (dev < 0 || dev >= ndevs)
        return -ENODEV;
    p = &devs[dev];
    if (p->broken || nout < 0 || nin < 0)
        return -EIO;
    /* Zero copy: the pieces go to the device where they are (identity
     * paging makes every address physical).  Only this call uses the
     * queue, one request at a time, so it is empty here. */
    if (ig_virtq_add(&p->q, out, nout, in, nin, p) < 0)
        return -EIO; /* more pieces than the queue has descriptors */
    ig_virtq_kick(&p->q);
    if (!ig_virtq_wait(&p->q, RPC_TIMEOUT_NS)) {
        /* The device still owns the buffers: never touch the queue again. */
        p->broken = 1;
        ig_kvm_puts("kvm: virtio-9p: no reply in 120 s; device abandoned\n");
        return -EIO;
    }
    tok = ig_virtq_get(&p->q, &len);
    if (tok != p)
        return -EIO;
    return (long)len;
}
