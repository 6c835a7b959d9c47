/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run_console.c: find and remove the guest's exit record in its console. */
#include <string.h>

#include <ingot/kvm_abi.h>

#include "run.h"

#define PREFIX IG_KVM_EXIT_PREFIX
#define PLEN (sizeof(PREFIX) - 1)
#define SUFFIX IG_KVM_EXIT_SUFFIX
#define SLEN (sizeof(SUFFIX) - 1)
#define MAX_DIGITS 3

enum match { DEAD, PARTIAL, COMPLETE };

/* Matches (h) against PREFIX <0..255 in 1-3 digits> SUFFIX. */
static enum match match(const char *h, size_t n, int *status)
{
    size_t i = 0, nd = 0;
    int v = 0;

    for (; i < n && i < PLEN; i++)
        if (h[i] != PREFIX[i])
            return DEAD;
    for (; i < n && nd < MAX_DIGITS && h[i] >= '0' && h[i] <= '9'; i++, nd++)
        v = v * 10 + (h[i] - '0');
    if (v > 255)
        return DEAD;
    if (i == n)
        return PARTIAL;
    if (nd == 0)
        return DEAD;
    for (size_t k = 0; k < SLEN; k++, i++) {
        if (i == n)
            return PARTIAL;
        if (h[i] != SUFFIX[k])
            return DEAD;
    }
    *status = v;
    return COMPLETE;
}

_Static_assert(PLEN + MAX_DIGITS + SLEN <=
                   sizeof(((struct ig_run_exitrec *)0)->held),
               "held[] must fit a whole record");

void ig_run_exitrec_init(struct ig_run_exitrec *f)
{
    f->nheld = 0;
    f->status = -1;
}

/* After the byte just added made (held) impossible, releases bytes from
 * the front until what is left could still start a record. */
static void release(struct ig_run_exitrec *f, ig_run_emit_fn emit, void *ctx)
{
    int st;

    while (f->nheld > 0) {
        const char *esc = memchr(f->held + 1, PREFIX[0], f->nheld - 1);
        size_t drop = esc ? (size_t)(esc - f->held) : f->nheld;
        emit(ctx, f->held, drop);
        memmove(f->held, f->held + drop, f->nheld - drop);
        f->nheld -= drop;
        enum match m = f->nheld ? match(f->held, f->nheld, &st) : DEAD;
        if (m == PARTIAL)
            return;
        if (m == COMPLETE) {
            if (f->status < 0)
                f->status = st;
            f->nheld = 0;
            return;
        }
    }
}

void ig_run_exitrec_feed(struct ig_run_exitrec *f, const char *buf, size_t len,
                         ig_run_emit_fn emit, void *ctx)
{
    size_t i = 0;
    int st;

    while (i < len) {
        if (f->nheld == 0) {
            /* Fast path: everything up to the next ESC goes straight out. */
            const char *esc = memchr(buf + i, PREFIX[0], len - i);
            size_t run = esc ? (size_t)(esc - (buf + i)) : len - i;
            if (run)
                emit(ctx, buf + i, run);
            i += run;
            if (i == len)
                break;
        }
        f->held[f->nheld++] = buf[i++];
        switch (match(f->held, f->nheld, &st)) {
        case PARTIAL:
            break;
        case COMPLETE:
            if (f->status < 0)
                f->status = st;
            f->nheld = 0;
            break;
        case DEAD:
            release(f, emit, ctx);
            break;
        }
    }
}

void ig_run_exitrec_flush(struct ig_run_exitrec *f, ig_run_emit_fn emit,
                          void *ctx)
{
    if (f->nheld)
        emit(ctx, f->held, f->nheld);
    f->nheld = 0;
}
