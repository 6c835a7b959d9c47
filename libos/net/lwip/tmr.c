/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* tmr.c: periodic timers that may sleep through their ticks and catch up. */
#include "tmr.h"

void ig_tmr_arm(struct ig_tmr *t, uint64_t now)
{
    t->due_ms = now + t->interval_ms;
    t->armed = 1;
}

unsigned ig_tmr_take(struct ig_tmr *t, uint64_t now, unsigned cap)
{
    uint64_t ticks;

    if (!t->armed || now < t->due_ms || t->interval_ms == 0)
        return 0;
    ticks = (now - t->due_ms) / t->interval_ms + 1;
    if (ticks > cap) {
        t->due_ms = now + t->interval_ms;
        return cap;
    }
    t->due_ms += ticks * t->interval_ms;
    return (unsigned)ticks;
}

uint64_t ig_tmr_left(const struct ig_tmr *t, uint64_t now)
{
    return now >= t->due_ms ? 0 : t->due_ms - now;
}
