/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_pages.c: host unit test of the page map (find, take, release, marks). */
#include <errno.h>
#include <stdlib.h>

#include "../mm_internal.h"
#include "unit.h"

#define PG IG_MM_PAGE
#define LO 0x100000ul

/* Two regions with a hole between them, like RAM around a PCI hole:
 * pages [0, 100) and [164, 300) of the span [0, 300). */
static struct ig_mm_pages p;
static uint64_t *meta;

static void setup(void)
{
    free(meta);
    meta = malloc(ig_mm_pages_meta_size(LO, LO + 300 * PG));
    ig_mm_pages_setup(&p, LO, LO + 300 * PG, meta);
    ig_mm_pages_release(&p, LO, 100 * PG);
    ig_mm_pages_release(&p, LO + 164 * PG, 136 * PG);
}

static void basics(void)
{
    uintptr_t a, b, c;

    setup();
    CHECK_INT(ig_mm_pages_meta_size(LO, LO + 300 * PG), 2 * 5 * 8);
    CHECK_INT(p.nfree, 236);
    /* Top down: the first run ends at the span's top. */
    CHECK_INT(ig_mm_pages_find(&p, 10 * PG, &a), 0);
    CHECK_INT(a, LO + 290 * PG);
    CHECK_INT(ig_mm_pages_find(&p, PG, &b), 0);
    CHECK_INT(b, LO + 289 * PG);
    /* 125 pages do not fit above the hole any more: below it they do not
     * either (100), so ENOMEM though 225 pages are free. */
    CHECK_INT(ig_mm_pages_find(&p, 126 * PG, &c), -ENOMEM);
    CHECK_INT(ig_mm_pages_find(&p, 125 * PG, &c), 0);
    CHECK_INT(c, LO + 164 * PG);
    CHECK_INT(ig_mm_pages_find(&p, 101 * PG, &c), -ENOMEM);
    ig_mm_pages_release(&p, LO + 164 * PG, 125 * PG);
    CHECK_INT(ig_mm_pages_find(&p, 0, &c), -ENOMEM);
    /* Freed pages join their neighbours again. */
    ig_mm_pages_release(&p, a, 10 * PG);
    ig_mm_pages_release(&p, b, PG);
    CHECK_INT(ig_mm_pages_find(&p, 11 * PG, &c), 0);
    CHECK_INT(c, LO + 289 * PG);
    ig_mm_pages_release(&p, c, 11 * PG);

    /* take: exact places only, free RAM only. */
    CHECK_INT(ig_mm_pages_take(&p, LO, 100 * PG), 0);
    CHECK_INT(ig_mm_pages_take(&p, LO + 99 * PG, PG), -ENOMEM);
    ig_mm_pages_release(&p, LO, 100 * PG);
    CHECK_INT(ig_mm_pages_take(&p, LO + 90 * PG, 20 * PG), -ENOMEM); /* hole */
    CHECK_INT(ig_mm_pages_take(&p, LO - PG, PG), -ENOMEM);
    CHECK_INT(ig_mm_pages_take(&p, LO + 299 * PG, 2 * PG), -ENOMEM);
    CHECK_INT(ig_mm_pages_take(&p, LO + 300 * PG, PG), -ENOMEM);
    CHECK_INT(ig_mm_pages_take(&p, LO + 299 * PG, PG), 0);
    CHECK_INT(ig_mm_pages_take(&p, LO + 250 * PG, (size_t)-1 & ~(PG - 1)),
              -ENOMEM);
    CHECK_INT(p.nfree, 235);

    /* Marks. */
    CHECK(!ig_mm_pages_any_marked(&p, LO, 300 * PG));
    ig_mm_pages_mark(&p, LO + 63 * PG, 66 * PG, 1);
    CHECK(ig_mm_pages_any_marked(&p, LO + 128 * PG, PG));
    CHECK(!ig_mm_pages_any_marked(&p, LO + 129 * PG, 100 * PG));
    CHECK(!ig_mm_pages_any_marked(&p, LO, 63 * PG));
    ig_mm_pages_mark(&p, LO + 64 * PG, 64 * PG, 0);
    CHECK(ig_mm_pages_any_marked(&p, LO + 60 * PG, 4 * PG));
    CHECK(!ig_mm_pages_any_marked(&p, LO + 64 * PG, 64 * PG));
    CHECK(ig_mm_pages_any_marked(&p, LO + 100 * PG, 100 * PG));
}

/* Random finds, takes and releases against a byte per page. */
static void random_ops(void)
{
    unsigned char ref[300];
    struct {
        uintptr_t a;
        size_t n;
    } live[64];
    int nlive = 0;

    setup();
    for (int i = 0; i < 300; i++)
        ref[i] = !(i < 100 || i >= 164);
    srand(1);
    for (int round = 0; round < 20000; round++) {
        int op = rand() % 3;
        if (op < 2 && nlive < 64) {
            size_t n = 1 + (size_t)(rand() % (rand() % 4 ? 8 : 80));
            uintptr_t a;
            int r;
            if (op == 0) {
                r = ig_mm_pages_find(&p, n * PG, &a);
            } else {
                a = LO + (uintptr_t)(rand() % 310) * PG;
                r = ig_mm_pages_take(&p, a, n * PG);
            }
            /* Whether a fitting run existed, from the reference. */
            int fits = 0;
            size_t best = 0;
            if (op == 0) {
                for (size_t s = 0; s + n <= 300; s++) {
                    size_t k = 0;
                    while (k < n && !ref[s + k])
                        k++;
                    if (k == n) {
                        fits = 1;
                        best = s;
                    }
                }
            } else {
                size_t s = (a - LO) / PG, k = 0;
                while (s + k < 300 && k < n && !ref[s + k])
                    k++;
                fits = k == n;
                best = s;
            }
            CHECK_INT(r, fits ? 0 : -ENOMEM);
            if (r == 0) {
                CHECK_INT((a - LO) / PG, best);
                for (size_t k = 0; k < n; k++)
                    ref[(a - LO) / PG + k] = 1;
                live[nlive].a = a;
                live[nlive++].n = n;
            }
        } else if (nlive > 0) {
            int k = rand() % nlive;
            ig_mm_pages_release(&p, live[k].a, live[k].n * PG);
            for (size_t j = 0; j < live[k].n; j++)
                ref[(live[k].a - LO) / PG + j] = 0;
            live[k] = live[--nlive];
        }
        size_t nfree = 0;
        for (int j = 0; j < 300; j++)
            nfree += !ref[j];
        CHECK_INT(p.nfree, nfree);
        if (unit_failures)
            break;
    }
}

int main(void)
{
    basics();
    random_ops();
    free(meta);
    return unit_done();
}
