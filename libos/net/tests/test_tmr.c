/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_tmr.c: host unit test of the catching-up periodic timers that drive
 * lwIP (lwip/tmr.c). */
#include <stdint.h>

#include "tmr.h"
#include "unit.h"

int main(void)
{
    struct ig_tmr t = {.interval_ms = 1000};

    /* Not armed: never due. */
    CHECK(ig_tmr_take(&t, 5000, 10) == 0);

    ig_tmr_arm(&t, 100);
    CHECK(t.due_ms == 1100);
    CHECK(ig_tmr_left(&t, 100) == 1000);
    CHECK(ig_tmr_left(&t, 1099) == 1);
    CHECK(ig_tmr_take(&t, 1099, 10) == 0);

    /* Due once, on time: the next tick keeps the timer's phase. */
    CHECK(ig_tmr_take(&t, 1100, 10) == 1);
    CHECK(t.due_ms == 2100);
    CHECK(ig_tmr_left(&t, 2500) == 0); /* overdue */

    /* Late by less than one interval: one tick, phase kept. */
    CHECK(ig_tmr_take(&t, 2999, 10) == 1);
    CHECK(t.due_ms == 3100);

    /* Slept through several ticks: each counts, phase kept. */
    CHECK(ig_tmr_take(&t, 7100, 10) == 5); /* 3100 4100 5100 6100 7100 */
    CHECK(t.due_ms == 8100);
    CHECK(ig_tmr_take(&t, 8100 + 2500, 10) == 3);
    CHECK(t.due_ms == 11100);

    /* More than the cap: the cap, and a fresh phase from now. */
    CHECK(ig_tmr_take(&t, 11100 + 100000, 7) == 7);
    CHECK(t.due_ms == 11100 + 100000 + 1000);

    /* Days of sleep on the 64-bit clock: no wrap-around. */
    uint64_t day = 86400000ull;
    ig_tmr_arm(&t, 40 * day);
    CHECK(ig_tmr_take(&t, 80 * day, 1000) == 1000);
    CHECK(t.due_ms == 80 * day + 1000);
    CHECK(ig_tmr_left(&t, 80 * day) == 1000);

    /* Re-arming restarts the phase. */
    ig_tmr_arm(&t, 5);
    CHECK(t.armed && t.due_ms == 1005);

    /* A zero interval never fires (and never divides by zero). */
    struct ig_tmr z = {.interval_ms = 0};
    ig_tmr_arm(&z, 10);
    CHECK(ig_tmr_take(&z, 1000, 10) == 0);
    return unit_done();
}
