/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* virtio_ring.c: split virtqueues: chains, free list, rings, event index. */
#include <errno.h>

#include "kvm_internal.h"
#include "virtio.h"

#define DESC_F_NEXT 1u
#define DESC_F_WRITE 2u
#define AVAIL_F_NO_INTERRUPT 1u
#define USED_F_NO_NOTIFY 1u

/* Indexes into the avail and used rings seen as arrays of 16-bit words. */
#define AV_FLAGS 0
#define AV_IDX 1
#define AV_RING(i) (2 + (i))
#define AV_USED_EVENT(size) (2 + (size))
#define US_FLAGS 0
#define US_IDX 1
#define US_AVAIL_EVENT(size) (2 + 4 * (size))

static uint64_t up(uint64_t v, uint64_t a)
{
    return (v + a - 1) & ~(a - 1);
}

int ig_virtq_init(struct ig_virtq *q, struct ig_virtio_dev *d, unsigned index,
                  uint16_t size)
{
    /* Descriptors (16-byte aligned), avail (2), used (4): one block, each
     * part on a 64-byte boundary, then the token array. */
    uint64_t off_avail = 16ull * size;
    uint64_t off_used = up(off_avail + 6 + 2ull * size, 64);
    uint64_t off_tok = up(off_used + 6 + 8ull * size, 64);
    char *mem = ig_kvm_dma_alloc(off_tok + sizeof(void *) * size);

    q->dev = d;
    q->index = index;
    q->size = size;
    q->desc = (struct virtq_desc *)mem;
    q->avail = (volatile uint16_t *)(mem + off_avail);
    q->used = (volatile uint16_t *)(mem + off_used);
    q->token = (void **)(mem + off_tok);
    q->num_free = size;
    q->free_head = 0;
    q->last_used = q->avail_idx = q->kicked_idx = 0;
    q->event_idx = (d->features & IG_VIRTIO_F_EVENT_IDX) != 0;
    q->intr_on = 1;
    for (uint16_t i = 0; i < size; i++)
        q->desc[i].next = (uint16_t)(i + 1); /* the free list */
    return d->ops->queue_setup(d, index, size, (uintptr_t)q->desc,
                               (uintptr_t)q->avail, (uintptr_t)q->used);
}

static int pieces(const struct ig_plat_iov *v, int n)
{
    int c = 0;

    for (int i = 0; i < n; i++)
        c += v[i].len != 0;
    return c;
}

int ig_virtq_add(struct ig_virtq *q, const struct ig_plat_iov *out, int nout,
                 const struct ig_plat_iov *in, int nin, void *token)
{
    int total = pieces(out, nout) + pieces(in, nin), left;
    uint16_t head = q->free_head, cur = head;

    if (total == 0)
        return -EINVAL;
    if (total > q->size)
        return -EMSGSIZE;
    if (total > q->num_free)
        return -EAGAIN;
    left = total;
    /* The free list is linked through (next), so a chain simply takes
     * the first (total) free descriptors in list order. */
    for (int i = 0; i < nout + nin; i++) {
        const struct ig_plat_iov *v = i < nout ? &out[i] : &in[i - nout];
        struct virtq_desc *dsc = &q->desc[cur];

        if (v->len == 0)
            continue;
        dsc->addr = (uintptr_t)v->base;
        dsc->len = (uint32_t)v->len;
        dsc->flags = (uint16_t)((i >= nout ? DESC_F_WRITE : 0) |
                                (--left ? DESC_F_NEXT : 0));
        cur = dsc->next;
    }
    q->free_head = cur;
    q->num_free = (uint16_t)(q->num_free - total);
    q->token[head] = token;
    q->avail[AV_RING(q->avail_idx & (q->size - 1))] = head;
    /* The device must see the chain and the ring entry before the index. */
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    q->avail[AV_IDX] = ++q->avail_idx;
    return 0;
}

void ig_virtq_kick(struct ig_virtq *q)
{
    uint16_t now = q->avail_idx, before = q->kicked_idx;
    int need;

    if (now == before)
        return;
    /* The index must be visible before we read the device's wishes. */
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    if (q->event_idx) {
        uint16_t ev = q->used[US_AVAIL_EVENT(q->size)];

        /* Notify only if the device asked to hear about an index in
         * (before, now]. */
        need = (uint16_t)(now - ev - 1) < (uint16_t)(now - before);
    } else {
        need = !(q->used[US_FLAGS] & USED_F_NO_NOTIFY);
    }
    q->kicked_idx = now;
    if (need)
        q->dev->ops->notify(q->dev, q->index);
}

void *ig_virtq_get(struct ig_virtq *q, uint32_t *len)
{
    uint16_t slot, head, id, n = 1;
    const volatile uint32_t *e;

    if (q->used[US_IDX] == q->last_used)
        return NULL;
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    slot = q->last_used & (q->size - 1);
    e = (const volatile uint32_t *)((const volatile char *)q->used + 4 +
                                    8 * slot);
    head = (uint16_t)e[0];
    if (e[0] >= q->size)
        ig_kvm_die_hex("virtio: device returned descriptor ", e[0],
                       " beyond its queue");
    *len = e[1];
    q->last_used++;
    if (q->event_idx && q->intr_on) {
        q->avail[AV_USED_EVENT(q->size)] = q->last_used;
        /* The device must see the new used_event before we next read
         * used->idx, or an entry added in between would go unsignalled
         * (x86 may pass a load ahead of an earlier store). */
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
    }
    for (id = head; q->desc[id].flags & DESC_F_NEXT; n++)
        id = q->desc[id].next;
    q->desc[id].next = q->free_head;
    q->free_head = head;
    q->num_free = (uint16_t)(q->num_free + n);
    return q->token[head];
}

void ig_virtq_intr(struct ig_virtq *q, int on)
{
    q->intr_on = on;
    if (q->event_idx)
        /* Off: half the index space away, so the device almost never
         * reaches it; the driver reclaims whenever it runs anyway. */
        q->avail[AV_USED_EVENT(q->size)] =
            (uint16_t)(q->last_used + (on ? 0 : 0x8000));
    else
        q->avail[AV_FLAGS] = on ? 0 : AVAIL_F_NO_INTERRUPT;
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
}

int ig_virtq_wait(struct ig_virtq *q, uint64_t ns)
{
    uint64_t now = ig_plat_clock_monotonic(), deadline = now + ns;

    for (;;) {
        if (q->used[US_IDX] != q->last_used)
            return 1;
        now = ig_plat_clock_monotonic();
        if (now >= deadline)
            return 0;
        /* Interrupts are off outside the halt, so one that arrives
         * after the check above still ends the halt at once. */
        if (q->dev->has_irq)
            ig_plat_idle(deadline);
        else
            ig_plat_idle(now + 100000 < deadline ? now + 100000 : deadline);
    }
}
