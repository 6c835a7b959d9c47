/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_virtio_ring.c: the split virtqueue against a device played by the test.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kvm_internal.h"
#include "unit.h"
#include "virtio.h"

/* What virtio_ring.c needs from the rest of the platform.  Rings live
 * for the life of an image; here they are freed at the end. */
static void *allocs[16];
static int nallocs;

void *ig_kvm_dma_alloc(uint64_t len)
{
    void *p = aligned_alloc(4096, (size_t)((len + 4095) & ~4095ull));

    if (!p || nallocs == 16)
        abort();
    memset(p, 0, (size_t)len);
    return allocs[nallocs++] = p;
}

_Noreturn void ig_kvm_die_hex(const char *before, uint64_t v, const char *after)
{
    fprintf(stderr, "die: %s%llx%s\n", before, (unsigned long long)v, after);
    abort();
}

static uint64_t fake_now;

uint64_t ig_plat_clock_monotonic(void)
{
    return fake_now;
}

void ig_plat_idle(uint64_t deadline)
{
    fake_now = deadline; /* nothing ever arrives while "halted" */
}

/* The transport: records registrations and notifications. */
static int notifies;

static int queue_setup(struct ig_virtio_dev *d, unsigned q, uint16_t size,
                       uint64_t desc, uint64_t avail, uint64_t used)
{
    (void)d, (void)q, (void)size;
    CHECK(desc % 16 == 0 && avail % 2 == 0 && used % 4 == 0);
    return 0;
}

static void notify(struct ig_virtio_dev *d, unsigned q)
{
    (void)d, (void)q;
    notifies++;
}

static const struct ig_virtio_ops ops = {.queue_setup = queue_setup,
                                         .notify = notify};

/* The device side: its own index into the avail ring and the used ring. */
struct fake {
    struct ig_virtq *q;
    uint16_t last_avail, used_idx;
};

/* Takes the next chain; stores its descriptors' lengths and write flags
 * in (lens)/(wr) and returns its head, or -1 when none is available. */
static int dev_pop(struct fake *f, uint32_t *lens, int *wr, int *n)
{
    struct ig_virtq *q = f->q;
    uint16_t head, i;

    if (q->avail[1] == f->last_avail)
        return -1;
    head = q->avail[2 + (f->last_avail++ & (q->size - 1))];
    *n = 0;
    for (i = head;; i = q->desc[i].next) {
        lens[*n] = q->desc[i].len;
        wr[(*n)++] = (q->desc[i].flags & 2) != 0;
        if (!(q->desc[i].flags & 1))
            break;
        CHECK(*n < q->size);
    }
    return head;
}

static void dev_push(struct fake *f, int head, uint32_t len)
{
    struct ig_virtq *q = f->q;
    volatile uint32_t *e =
        (volatile uint32_t *)((volatile char *)q->used + 4 +
                              8 * (f->used_idx & (q->size - 1)));

    e[0] = (uint32_t)head;
    e[1] = len;
    q->used[1] = ++f->used_idx;
}

static void test_chains(void)
{
    struct ig_virtio_dev d = {.ops = &ops};
    struct ig_virtq q;
    struct fake f = {&q, 0, 0};
    char a[10], b[20], c[30];
    struct ig_plat_iov out[2] = {{a, sizeof(a)}, {b, 0}},
                       in[2] = {{b, sizeof(b)}, {c, sizeof(c)}};
    uint32_t lens[8], len;
    int wr[8], n, head;

    CHECK_INT(ig_virtq_init(&q, &d, 0, 8), 0);
    CHECK_INT(q.num_free, 8);
    /* Readable then writable, the empty piece skipped. */
    CHECK_INT(ig_virtq_add(&q, out, 2, in, 2, a), 0);
    CHECK_INT(q.num_free, 5);
    head = dev_pop(&f, lens, wr, &n);
    CHECK_INT(n, 3);
    CHECK(lens[0] == 10 && lens[1] == 20 && lens[2] == 30);
    CHECK(!wr[0] && wr[1] && wr[2]);
    CHECK(ig_virtq_get(&q, &len) == NULL);
    dev_push(&f, head, 25);
    CHECK(ig_virtq_get(&q, &len) == a);
    CHECK_INT(len, 25);
    CHECK_INT(q.num_free, 8);

    /* Errors: nothing to send, more pieces than the queue, too few free. */
    CHECK_INT(ig_virtq_add(&q, out + 1, 1, NULL, 0, a), -EINVAL);
    struct ig_plat_iov many[9];
    for (int i = 0; i < 9; i++)
        many[i] = (struct ig_plat_iov){a, 1};
    CHECK_INT(ig_virtq_add(&q, many, 9, NULL, 0, a), -EMSGSIZE);
    CHECK_INT(ig_virtq_add(&q, many, 6, NULL, 0, a), 0);
    CHECK_INT(ig_virtq_add(&q, many, 3, NULL, 0, b), -EAGAIN);
    CHECK_INT(ig_virtq_add(&q, many, 2, NULL, 0, b), 0);
    CHECK_INT(q.num_free, 0);

    /* Completions out of order give every descriptor back. */
    int h1 = dev_pop(&f, lens, wr, &n), h2 = dev_pop(&f, lens, wr, &n);
    CHECK_INT(n, 2);
    dev_push(&f, h2, 0);
    dev_push(&f, h1, 0);
    CHECK(ig_virtq_get(&q, &len) == b);
    CHECK(ig_virtq_get(&q, &len) == a);
    CHECK_INT(q.num_free, 8);
    CHECK_INT(ig_virtq_add(&q, many, 8, NULL, 0, c), 0);
    CHECK_INT(q.num_free, 0);
}

/* 70000 single-piece chains through a queue of 4: the 16-bit indexes
 * wrap, in flight up to the queue size, with and without event index. */
static void test_wrap(int event_idx)
{
    struct ig_virtio_dev d = {.ops = &ops};
    struct ig_virtq q;
    struct fake f = {&q, 0, 0};
    uint32_t lens[4], len;
    int wr[4], n, heads[5], done = 0, sent = 0;
    char buf[4];

    d.features = event_idx ? IG_VIRTIO_F_EVENT_IDX : 0;
    CHECK_INT(ig_virtq_init(&q, &d, 0, 4), 0);
    CHECK_INT(q.event_idx, event_idx);
    while (done < 70000) {
        int k = 0;

        while (sent - done < 4) {
            struct ig_plat_iov v = {buf + (sent & 3), 1};
            if (ig_virtq_add(&q, NULL, 0, &v, 1, buf + (sent & 3)) != 0)
                break;
            sent++;
        }
        ig_virtq_kick(&q);
        while ((heads[k] = dev_pop(&f, lens, wr, &n)) >= 0)
            k++;
        CHECK_INT(k, 4);
        for (int i = 0; i < k; i++)
            dev_push(&f, heads[i], 1);
        for (int i = 0; i < k; i++) {
            void *t = ig_virtq_get(&q, &len);
            CHECK(t == buf + (done & 3));
            done++;
        }
    }
    CHECK(ig_virtq_get(&q, &len) == NULL);
    CHECK_INT(q.num_free, 4);
}

/* Notifications: always without event index (unless the device sets
 * NO_NOTIFY); with it, only when the device's avail_event was passed. */
static void test_kick(void)
{
    struct ig_virtio_dev d = {.ops = &ops, .features = IG_VIRTIO_F_EVENT_IDX};
    struct ig_virtq q;
    char x;
    struct ig_plat_iov v = {&x, 1};

    CHECK_INT(ig_virtq_init(&q, &d, 0, 8), 0);
    volatile uint16_t *avail_event = q.used + 2 + 4 * 8;
    notifies = 0;
    ig_virtq_kick(&q); /* nothing added: no notification */
    CHECK_INT(notifies, 0);
    *avail_event = 0; /* the device wants to hear about index 0 -> 1 */
    ig_virtq_add(&q, NULL, 0, &v, 1, &x);
    ig_virtq_kick(&q);
    CHECK_INT(notifies, 1);
    /* The device has not caught up (still waits for the first one). */
    ig_virtq_add(&q, NULL, 0, &v, 1, &x);
    ig_virtq_kick(&q);
    CHECK_INT(notifies, 1);
    *avail_event = 2; /* it wants to hear when index 3 appears */
    ig_virtq_add(&q, NULL, 0, &v, 1, &x);
    ig_virtq_kick(&q);
    CHECK_INT(notifies, 2);

    /* used_event follows the driver's consumption while interrupts are
     * wanted, and is parked far ahead when they are not. */
    volatile uint16_t *used_event = q.avail + 2 + 8;
    ig_virtq_intr(&q, 0);
    CHECK_INT(*used_event, 0x8000);
    ig_virtq_intr(&q, 1);
    CHECK_INT(*used_event, 0);

    struct ig_virtio_dev d2 = {.ops = &ops};
    struct ig_virtq q2;
    CHECK_INT(ig_virtq_init(&q2, &d2, 0, 8), 0);
    notifies = 0;
    q2.used[0] = 1; /* VIRTQ_USED_F_NO_NOTIFY */
    ig_virtq_add(&q2, NULL, 0, &v, 1, &x);
    ig_virtq_kick(&q2);
    CHECK_INT(notifies, 0);
    q2.used[0] = 0;
    ig_virtq_add(&q2, NULL, 0, &v, 1, &x);
    ig_virtq_kick(&q2);
    CHECK_INT(notifies, 1);
    ig_virtq_intr(&q2, 0);
    CHECK_INT(q2.avail[0], 1); /* VIRTQ_AVAIL_F_NO_INTERRUPT */

    /* Waiting without a completion times out (the fake idle jumps to
     * the deadline); with one it returns at once. */
    CHECK_INT(ig_virtq_wait(&q2, 1000), 0);
}

int main(void)
{
    test_chains();
    test_wrap(0);
    test_wrap(1);
    test_kick();
    while (nallocs > 0)
        free(allocs[--nallocs]);
    return unit_done();
}
