/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mmstress.c: many mmap/munmap/mremap cycles of random sizes mixed with
 * malloc, every byte pattern checked; differential (the same seed gives
 * the same output on Linux).  With the argument "exhaust": maps 1 MiB
 * pieces until ENOMEM, frees them and does it again (Ingot only: Linux
 * overcommits far beyond that). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "testutil.h"

#define PG 4096ul
#define SLOTS 48
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

static uint64_t seed = 88172645463325252ull;

static uint64_t rnd(void)
{
    return test_rand(&seed);
}

struct slot {
    unsigned char *p;
    size_t len;
    unsigned tag;
};

static struct slot maps[SLOTS];
static struct slot heap[SLOTS];
static long bad;

/* A byte that depends on the owner's tag and the offset only. */
static unsigned char at(unsigned tag, size_t i)
{
    return (unsigned char)(tag * 31 + i * 7 + (i >> 12));
}

/* Every 61st byte: some 67 in every page, cheap enough under TCG. */
#define STRIDE 61

static void fill(unsigned char *p, size_t len, unsigned tag)
{
    for (size_t i = 0; i < len; i += STRIDE)
        p[i] = at(tag, i);
}

/* Checks [from, to) of a buffer filled by fill(); (base) is its offset 0. */
static void check(const unsigned char *base, size_t from, size_t to,
                  unsigned tag)
{
    for (size_t i = (from + STRIDE - 1) / STRIDE * STRIDE; i < to; i += STRIDE)
        if (base[i] != at(tag, i)) {
            bad++;
            return;
        }
}

static size_t random_len(void)
{
    uint64_t k = rnd() % 100;

    if (k < 60)
        return (1 + rnd() % 8) * PG;
    if (k < 95)
        return (1 + rnd() % 256) * PG;
    return (1 + rnd() % 2048) * PG; /* up to 8 MiB */
}

static void one_map(unsigned op)
{
    struct slot *s = &maps[rnd() % SLOTS];

    if (!s->p) {
        s->len = random_len();
        s->p = mmap(NULL, s->len, RW, ANON, -1, 0);
        if (s->p == MAP_FAILED) {
            printf("mmap %zu: errno %d\n", s->len, errno);
            exit(1);
        }
        for (size_t i = 0; i < s->len; i += PG)
            bad += s->p[i] != 0;
        s->tag = op;
        fill(s->p, s->len, s->tag);
        return;
    }
    check(s->p, 0, s->len, s->tag);
    switch (rnd() % 3) {
    case 0: /* all of it */
        bad += munmap(s->p, s->len) != 0;
        s->p = NULL;
        break;
    case 1: { /* a new size, moving if it must; the prefix stays */
        size_t n = random_len();
        unsigned char *q = mremap(s->p, s->len, n, MREMAP_MAYMOVE);
        if (q == MAP_FAILED) {
            printf("mremap: errno %d\n", errno);
            exit(1);
        }
        check(q, 0, n < s->len ? n : s->len, s->tag);
        for (size_t i = s->len; i < n; i += PG)
            bad += q[i] != 0;
        s->p = q;
        s->len = n;
        s->tag = op;
        fill(s->p, s->len, s->tag);
        break;
    }
    default: /* a hole in the middle, then the two sides one by one */
        if (s->len >= 3 * PG) {
            size_t h = PG * (1 + rnd() % (s->len / PG - 2));
            bad += munmap(s->p + h, PG) != 0;
            check(s->p, 0, h, s->tag);
            check(s->p, h + PG, s->len, s->tag);
            bad += munmap(s->p, h) != 0;
            bad += munmap(s->p + h + PG, s->len - h - PG) != 0;
        } else {
            bad += munmap(s->p, s->len) != 0;
        }
        s->p = NULL;
    }
}

static void one_malloc(unsigned op)
{
    struct slot *s = &heap[rnd() % SLOTS];

    if (s->p) {
        check(s->p, 0, s->len, s->tag);
        free(s->p);
        s->p = NULL;
        return;
    }
    s->len = 1 + rnd() % (rnd() % 8 ? 4096 : 512 * 1024);
    s->p = malloc(s->len);
    if (!s->p) {
        printf("malloc %zu failed\n", s->len);
        exit(1);
    }
    s->tag = op;
    fill(s->p, s->len, s->tag);
}

static int exhaust(void)
{
    size_t first = 0, again = 0;
    void **p = malloc(65536 * sizeof(*p));

    for (int round = 0; round < 2; round++) {
        size_t n = 0;
        while (n < 65536 &&
               (p[n] = mmap(NULL, 1ul << 20, RW, ANON, -1, 0)) != MAP_FAILED)
            n++;
        if (n == 65536 || errno != ENOMEM) {
            printf("exhaust: stopped after %zu with errno %d\n", n, errno);
            return 1;
        }
        for (size_t i = 0; i < n; i++)
            munmap(p[i], 1ul << 20);
        *(round ? &again : &first) = n;
    }
    /* What came back is one room again: a single mapping of most of it. */
    void *big = mmap(NULL, (first - 8) << 20, RW, ANON, -1, 0);
    printf("exhaust: %s, %s\n", first == again ? "same room twice" : "leak",
           big != MAP_FAILED ? "one big mapping fits" : "fragmented");
    return 0;
}

int main(int argc, char **argv)
{
    unsigned ops = 3000;

    if (argc > 1 && strcmp(argv[1], "exhaust") == 0)
        return exhaust();
    for (unsigned op = 1; op <= ops; op++) {
        if (rnd() % 3)
            one_map(op);
        else
            one_malloc(op);
    }
    for (int i = 0; i < SLOTS; i++) {
        if (maps[i].p) {
            check(maps[i].p, 0, maps[i].len, maps[i].tag);
            bad += munmap(maps[i].p, maps[i].len) != 0;
        }
        if (heap[i].p) {
            check(heap[i].p, 0, heap[i].len, heap[i].tag);
            free(heap[i].p);
        }
    }
    printf("%u operations, %ld bad\n", ops, bad);
    printf("mmstress: done\n");
    return 0;
}
