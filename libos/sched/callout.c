/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* callout.c: functions the scheduler calls at a time, for timers. */
#include <ingot/sched.h>

#include "sched_internal.h"

#define ON_LIST(l) IG_LIST_ENTRY(l, struct ig_callout, link)

static struct ig_list callouts; /* earliest first */

void ig_callout_arm(struct ig_callout *c, uint64_t when)
{
    struct ig_link *at = callouts.first;

    ig_callout_cancel(c);
    c->when = when;
    while (at && ON_LIST(at)->when <= when)
        at = at->next;
    ig_list_insert_before(&callouts, at, &c->link);
    c->armed = 1;
}

void ig_callout_cancel(struct ig_callout *c)
{
    if (!c->armed)
        return;
    ig_list_remove(&callouts, &c->link);
    c->armed = 0;
}

uint64_t ig_callout_next(void)
{
    return callouts.first ? ON_LIST(callouts.first)->when : UINT64_MAX;
}

uint64_t ig_callout_run(uint64_t now)
{
    /* One at a time, each unlinked before it runs, so that it may arm or
     * cancel any callout, itself included.  A callout must not re-arm
     * itself for (now) or earlier. */
    while (callouts.first && ON_LIST(callouts.first)->when <= now) {
        struct ig_callout *c = ON_LIST(callouts.first);
        ig_list_remove(&callouts, &c->link);
        c->armed = 0;
        c->fn(c, now);
    }
    return ig_callout_next();
}
