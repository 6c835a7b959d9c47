/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* malloc_stress.c: 100k random allocations, checked, freed, heap reusable. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../posix/testutil.h"

#define COUNT 100000

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t next(void)
{
    return test_rand(&rng);
}

/* The largest block malloc can serve right now, to 64 KiB precision. */
static size_t largest_block(void)
{
    size_t lo = 0, hi = (size_t)1 << 40;
    while (hi - lo > 65536) {
        size_t mid = lo + (hi - lo) / 2;
        void *p = malloc(mid);
        if (p) {
            free(p);
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return lo;
}

static unsigned char pattern(size_t i, size_t j)
{
    return (unsigned char)(i * 31 + j * 7 + 1);
}

/* True when block (i) of (size) bytes still holds its pattern; else says
 * where it does not. */
static int intact(const unsigned char *b, size_t size, size_t i)
{
    for (size_t j = 0; j < size; j++)
        if (b[j] != pattern(i, j)) {
            printf("FAIL: block %zu corrupted at %zu\n", i, j);
            return 0;
        }
    return 1;
}

int main(void)
{
    static unsigned char *blocks[COUNT];
    static uint32_t sizes[COUNT];
    size_t before, total = 0;

    /* stdout's buffer is allocated at its first use: before measuring, so
     * that it does not count as a block the heap failed to recover. */
    printf("malloc stress\n");
    before = largest_block();

    printf("largest block before: %zu KiB\n", before / 1024);
    for (size_t i = 0; i < COUNT; i++) {
        /* Mostly small, sometimes large, as real programs allocate. */
        uint64_t r = next();
        sizes[i] = (r & 15) == 0 ? (uint32_t)(r >> 8) % 16384 + 1
                                 : (uint32_t)(r >> 8) % 256 + 1;
        blocks[i] = malloc(sizes[i]);
        if (!blocks[i]) {
            printf("FAIL: malloc(%u) returned NULL at %zu\n", sizes[i], i);
            return 1;
        }
        for (size_t j = 0; j < sizes[i]; j++)
            blocks[i][j] = pattern(i, j);
        total += sizes[i];
        /* Free a random earlier block now and then to fragment the heap. */
        if ((r >> 40) % 4 == 0) {
            size_t k = (size_t)(next() % (i + 1));
            if (blocks[k]) {
                if (!intact(blocks[k], sizes[k], k))
                    return 1;
                free(blocks[k]);
                blocks[k] = NULL;
            }
        }
    }
    printf("allocated %d blocks, %zu KiB in all\n", COUNT, total / 1024);
    /* Check and free the rest in a scrambled order. */
    for (size_t n = 0; n < COUNT; n++) {
        size_t i = (n * 7919) % COUNT;
        if (!blocks[i])
            continue;
        if (!intact(blocks[i], sizes[i], i))
            return 1;
        free(blocks[i]);
        blocks[i] = NULL;
    }
    size_t after = largest_block();
    printf("largest block after: %zu KiB\n", after / 1024);
    void *big = malloc(before);
    if (!big || after + 65536 < before) {
        printf("FAIL: heap did not recover (%zu < %zu)\n", after, before);
        return 1;
    }
    memset(big, 0xa5, before);
    free(big);
    printf("malloc stress: SUCCESS\n");
    return 0;
}
