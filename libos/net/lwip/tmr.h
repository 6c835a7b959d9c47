/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* tmr.h: periodic timers that may sleep through their ticks and catch up. */
#ifndef INGOT_NET_TMR_H
#define INGOT_NET_TMR_H

#include <stdint.h>

/* A periodic timer on a 64-bit millisecond clock (no wrap-around). */
struct ig_tmr {
    uint64_t interval_ms;
    uint64_t due_ms; /* the next tick; meaningful while armed */
    int armed;
};

/* Arms (t) for its first tick one interval after (now). */
void ig_tmr_arm(struct ig_tmr *t, uint64_t now);

/* The ticks of an armed (t) that have come due by (now) — every interval
 * passed counts, so a timer nobody woke for catches up — at most (cap).
 * Moves the next tick past (now): onto the timer's own phase, or one
 * interval after (now) when more than (cap) ticks were due.  0 when
 * nothing is due or (t) is not armed. */
unsigned ig_tmr_take(struct ig_tmr *t, uint64_t now, unsigned cap);

/* Milliseconds from (now) to the next tick of an armed (t); 0 if due. */
uint64_t ig_tmr_left(const struct ig_tmr *t, uint64_t now);

#endif /* INGOT_NET_TMR_H */
