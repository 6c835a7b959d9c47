/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* virtio_9p.c: raw 9P2000.L over ig_plat_9p_rpc() reads a file from each
 * volume. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Test hooks: the platform's 9P channels (<ingot/plat.h>), which apps do
 * not otherwise see, and the kvm platform's count of device interrupts. */
struct ig_plat_iov {
    void *base;
    size_t len;
};
int ig_plat_dev_count(int kind); /* 3 is IG_PLAT_DEV_9P */
int ig_plat_9p_tag(int dev, char *buf, size_t cap);
size_t ig_plat_9p_msize(int dev);
long ig_plat_9p_rpc(int dev, const struct ig_plat_iov *out, int nout,
                    const struct ig_plat_iov *in, int nin);
uint64_t ig_kvm_irq_taken(void);
void ig_plat_idle(uint64_t deadline);
uint64_t ig_plat_clock_monotonic(void);

enum {
    RLERROR = 7,
    TLOPEN = 12,
    TVERSION = 100,
    TATTACH = 104,
    TWALK = 110,
    TREAD = 116,
    TCLUNK = 120,
};

/* A message being built: size[4] type[1] tag[2] then the fields. */
struct msg {
    uint8_t b[512];
    size_t n;
};

static void put(struct msg *m, uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        m->b[m->n++] = (uint8_t)(v >> (8 * i));
}

static void put_str(struct msg *m, const char *s)
{
    size_t len = strlen(s);

    put(m, len, 2);
    memcpy(m->b + m->n, s, len);
    m->n += len;
}

static void start(struct msg *m, int type)
{
    m->n = 0;
    put(m, 0, 4);
    put(m, (uint64_t)type, 1);
    put(m, 1, 2); /* tag */
}

static uint64_t get(const uint8_t *p, int bytes)
{
    uint64_t v = 0;

    for (int i = bytes - 1; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

static uint8_t reply[8192];
static int failed;
static int repeat; /* extra Treads of each file, for tests/bench/virtio.sh */

/* Sends (m) as one piece, receives into (reply); returns the reply type or
 * -1, printing the failure. */
static int rpc(int dev, struct msg *m, const char *what)
{
    struct ig_plat_iov out = {m->b, m->n}, in = {reply, sizeof(reply)};
    long r;

    m->b[0] = (uint8_t)m->n;
    m->b[1] = (uint8_t)(m->n >> 8);
    r = ig_plat_9p_rpc(dev, &out, 1, &in, 1);
    if (r < 7 || get(reply, 4) != (uint64_t)r) {
        printf("FAIL: %s: rpc returned %ld\n", what, r);
        failed = 1;
        return -1;
    }
    if (reply[4] == RLERROR)
        printf("%s: Rlerror %u\n", what, (unsigned)get(reply + 7, 4));
    return reply[4];
}

/* Reads (dir)/big in the largest pieces the channel carries: each Rread's
 * data lands in one heap buffer of msize bytes spanning many pages. */
static void read_big(int dev, const char *tag, const char *dir)
{
    size_t msize = ig_plat_9p_msize(dev);
    uint8_t *buf = malloc(msize), hdr[11];
    uint64_t off = 0, sum = 0;
    struct msg m;
    long r;

    start(&m, TWALK);
    put(&m, 0, 4);
    put(&m, 3, 4);
    put(&m, 2, 2);
    put_str(&m, dir);
    put_str(&m, "big");
    /* A walk that stops early answers with fewer qids, not an error. */
    if (rpc(dev, &m, "Twalk big") != TWALK + 1 || get(reply + 7, 2) != 2) {
        printf("9p %s: %s/big: absent\n", tag, dir);
        free(buf);
        return;
    }
    start(&m, TLOPEN);
    put(&m, 3, 4);
    put(&m, 0, 4);
    if (rpc(dev, &m, "Tlopen big") != TLOPEN + 1) {
        failed = 1;
        free(buf);
        return;
    }
    do {
        start(&m, TREAD);
        put(&m, 3, 4);
        put(&m, off, 8);
        put(&m, msize - 11, 4);
        m.b[0] = (uint8_t)m.n;
        struct ig_plat_iov out = {m.b, m.n};
        struct ig_plat_iov in[2] = {{hdr, sizeof(hdr)}, {buf, msize - 11}};
        r = ig_plat_9p_rpc(dev, &out, 1, in, 2);
        if (r < 11 || hdr[4] != TREAD + 1) {
            printf("FAIL: big Tread returned %ld, type %u\n", r, hdr[4]);
            failed = 1;
            break;
        }
        for (long i = 0; i < r - 11; i++)
            sum += buf[i];
        off += (uint64_t)(r - 11);
    } while (r > 11);
    printf("9p %s: %s/big: %llu bytes, sum %llu\n", tag, dir,
           (unsigned long long)off, (unsigned long long)sum);
    free(buf);
}

/* Reads (path) (two names at most) from the volume on (dev). */
static void read_file(int dev, const char *dir, const char *file)
{
    struct msg m;
    char tag[32];
    /* Tread in two pieces, Rread into two: the header lands in (hdr) on
     * the stack, the data in a heap buffer. */
    uint8_t hdr[11];
    char *data = calloc(1, 4096);

    if (ig_plat_9p_tag(dev, tag, sizeof(tag)) < 0 ||
        ig_plat_9p_tag(dev, tag, 2) != -ERANGE) {
        printf("FAIL: tag of %d\n", dev);
        failed = 1;
        return;
    }
    start(&m, TVERSION);
    put(&m, ig_plat_9p_msize(dev), 4);
    put_str(&m, "9P2000.L");
    if (rpc(dev, &m, "Tversion") != TVERSION + 1 ||
        memcmp(reply + 13, "9P2000.L", 8) != 0) {
        printf("FAIL: version not accepted\n");
        failed = 1;
        return;
    }
    start(&m, TATTACH);
    put(&m, 0, 4);          /* fid */
    put(&m, 0xffffffff, 4); /* afid: none */
    put_str(&m, "root");    /* uname */
    put_str(&m, "");        /* aname */
    put(&m, 0, 4);          /* n_uname */
    if (rpc(dev, &m, "Tattach") != TATTACH + 1) {
        failed = 1;
        return;
    }
    /* A name that is not there: Rlerror ENOENT. */
    start(&m, TWALK);
    put(&m, 0, 4);
    put(&m, 2, 4);
    put(&m, 1, 2);
    put_str(&m, "no-such-file");
    rpc(dev, &m, "Twalk no-such-file");
    start(&m, TWALK);
    put(&m, 0, 4);
    put(&m, 1, 4);
    put(&m, 2, 2);
    put_str(&m, dir);
    put_str(&m, file);
    if (rpc(dev, &m, "Twalk") != TWALK + 1 || get(reply + 7, 2) != 2) {
        printf("FAIL: walk to %s/%s\n", dir, file);
        failed = 1;
        return;
    }
    start(&m, TLOPEN);
    put(&m, 1, 4);
    put(&m, 0, 4); /* O_RDONLY */
    if (rpc(dev, &m, "Tlopen") != TLOPEN + 1) {
        failed = 1;
        return;
    }
    start(&m, TREAD);
    put(&m, 1, 4);
    put(&m, 0, 8);
    put(&m, 4095, 4);
    m.b[0] = (uint8_t)m.n;
    struct ig_plat_iov out[2] = {{m.b, 7}, {m.b + 7, m.n - 7}};
    struct ig_plat_iov in[2] = {{hdr, sizeof(hdr)}, {data, 4095}};
    long r = ig_plat_9p_rpc(dev, out, 2, in, 2);
    for (int i = 0; i < repeat && r >= 11; i++)
        r = ig_plat_9p_rpc(dev, out, 2, in, 2);
    if (r < 11 || hdr[4] != TREAD + 1 || get(hdr + 7, 4) != (uint64_t)r - 11) {
        printf("FAIL: Tread returned %ld, type %u\n", r, hdr[4]);
        failed = 1;
        return;
    }
    data[strcspn(data, "\n")] = '\0';
    printf("9p %s: %s/%s: %s\n", tag, dir, file, data);
    free(data);
    read_big(dev, tag, dir);
}

int main(int argc, char **argv)
{
    if (argc > 1 && strncmp(argv[1], "repeat=", 7) == 0)
        repeat = atoi(argv[1] + 7);
    int n = ig_plat_dev_count(3);
    struct timespec t0, t1;
    uint64_t irqs = ig_kvm_irq_taken();

    printf("9p devices: %d\n", n);
    if (ig_plat_9p_rpc(n, NULL, 0, NULL, 0) != -ENODEV) {
        printf("FAIL: device %d exists\n", n);
        failed = 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < n; i++)
        read_file(i, "sub", "file.txt");
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long ms =
        (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    /* A reply that lands while the CPU halts ends the halt through the
     * device's interrupt; without it the request would sleep until the
     * next timer (seconds).  Replies that land earlier leave their
     * interrupt pending: one short idle takes it. */
    ig_plat_idle(ig_plat_clock_monotonic() + 20000000);
    printf("9p: %d requests in %ld ms, %llu interrupts\n", (7 + repeat) * n, ms,
           (unsigned long long)(ig_kvm_irq_taken() - irqs));
    if (n > 0 && (ig_kvm_irq_taken() == irqs || ms > 1000)) {
        printf("FAIL: replies did not come by interrupt\n");
        failed = 1;
    }
    printf("9p: %s\n", failed ? "FAIL" : "PASS");
    return failed;
}
