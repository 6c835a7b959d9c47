/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run_console.c: find and remove the guest's exit record in its console. */
#include <string.h>

#include <ingot/core_abi.h>
#include <ingot/kvm_abi.h>

#include "run.h"

#define PREFIX IG_KVM_EXIT_PREFIX
#define PLEN (sizeof(PREFIX) - 1)
#define SUFFIX IG_KVM_EXIT_SUFFIX
#define SLEN (sizeof(SUFFIX) - 1)
#define MAX_DIGITS 3
#define EPREFIX IG_KVM_ERR_PREFIX
#define EPLEN (sizeof(EPREFIX) - 1)
#define EMAX_DIGITS 4
#define CPREFIX IG_CORE_PREFIX
#define CPLEN (sizeof(CPREFIX) - 1)
#define TPREFIX IG_KVM_TTY_PREFIX
#define TPLEN (sizeof(TPREFIX) - 1)
#define TLEN (TPLEN + 1 + IG_KVM_TTY_HEX + SLEN) /* a whole tty record */

enum match { DEAD, PARTIAL, COMPLETE };

/* Matches (h) against (prefix) <value 0..max in 1..maxd digits> SUFFIX. */
static enum match match_one(const char *h, size_t n, const char *prefix,
                            size_t plen, int maxd, int max, int *value)
{
    size_t i = 0;
    int nd = 0, v = 0;

    for (; i < n && i < plen; i++)
        if (h[i] != prefix[i])
            return DEAD;
    for (; i < n && nd < maxd && h[i] >= '0' && h[i] <= '9'; i++, nd++)
        v = v * 10 + (h[i] - '0');
    if (v > max)
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
    *value = v;
    return COMPLETE;
}

/* Matches (h) against a terminal attribute record: the prefix, one digit
 * 0-2, IG_KVM_TTY_HEX lowercase hex digits, the suffix. */
static enum match match_tty(const char *h, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = h[i];
        int ok = i < TPLEN    ? c == TPREFIX[i]
                 : i == TPLEN ? c >= '0' && c <= '2'
                 : i < TPLEN + 1 + IG_KVM_TTY_HEX
                     ? (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')
                 : i < TLEN ? c == SUFFIX[i - (TLEN - SLEN)]
                            : 0;
        if (!ok)
            return DEAD;
    }
    return n == TLEN ? COMPLETE : PARTIAL;
}

/* Matches (h) against an exit record, a standard error header (kvm_abi.h),
 * a core stream header (core_abi.h) or a terminal attribute record; on
 * COMPLETE, (*err) says which: 0, 1, 2 or 3. */
static enum match match(const char *h, size_t n, int *value, int *err)
{
    enum match a = match_one(h, n, PREFIX, PLEN, MAX_DIGITS, 255, value);
    if (a == COMPLETE) {
        *err = 0;
        return a;
    }
    enum match b =
        match_one(h, n, EPREFIX, EPLEN, EMAX_DIGITS, IG_KVM_ERR_MAX, value);
    if (b == COMPLETE && *value == 0)
        b = DEAD; /* pieces are never empty */
    if (b == COMPLETE) {
        *err = 1;
        return b;
    }
    enum match c =
        match_one(h, n, CPREFIX, CPLEN, EMAX_DIGITS, IG_CORE_PIECE_MAX, value);
    if (c == COMPLETE && *value == 0)
        c = DEAD;
    if (c == COMPLETE) {
        *err = 2;
        return c;
    }
    enum match d = match_tty(h, n);
    if (d == COMPLETE) {
        *err = 3;
        return d;
    }
    return a == PARTIAL || b == PARTIAL || c == PARTIAL || d == PARTIAL
               ? PARTIAL
               : DEAD;
}

_Static_assert(PLEN + MAX_DIGITS + SLEN <=
                       sizeof(((struct ig_run_exitrec *)0)->held) &&
                   EPLEN + EMAX_DIGITS + SLEN <=
                       sizeof(((struct ig_run_exitrec *)0)->held) &&
                   CPLEN + EMAX_DIGITS + SLEN <=
                       sizeof(((struct ig_run_exitrec *)0)->held) &&
                   TLEN <= sizeof(((struct ig_run_exitrec *)0)->held),
               "held[] must fit a whole record");

void ig_run_exitrec_init(struct ig_run_exitrec *f)
{
    f->nheld = 0;
    f->status = -1;
    f->err_left = 0;
    f->emit_err = NULL;
    f->err_ctx = NULL;
    f->core_left = 0;
    f->emit_core = NULL;
    f->core_ctx = NULL;
    f->tty = NULL;
}

void ig_run_exitrec_set_tty(struct ig_run_exitrec *f, ig_run_tty_fn fn)
{
    f->tty = fn;
}

void ig_run_exitrec_set_core(struct ig_run_exitrec *f, ig_run_emit_fn emit,
                             void *ctx)
{
    f->emit_core = emit;
    f->core_ctx = ctx;
}

void ig_run_exitrec_set_err(struct ig_run_exitrec *f, ig_run_emit_fn emit,
                            void *ctx)
{
    f->emit_err = emit;
    f->err_ctx = ctx;
}

/* A complete record in held[]: the status, or the start of a piece of
 * standard error. */
static void complete(struct ig_run_exitrec *f, int value, int err)
{
    if (err == 3 && f->tty)
        f->tty(f->held[TPLEN] - '0', f->held + TPLEN + 1);
    else if (err == 3)
        ; /* no -t: the guest's attributes are its own */
    else if (err == 2)
        f->core_left = (size_t)value;
    else if (err)
        f->err_left = (size_t)value;
    else if (f->status < 0)
        f->status = value;
    f->nheld = 0;
}

/* After the byte just added made (held) impossible, releases bytes from
 * the front until what is left could still start a record. */
static void release(struct ig_run_exitrec *f, ig_run_emit_fn emit, void *ctx)
{
    int st, err;

    while (f->nheld > 0) {
        const char *esc = memchr(f->held + 1, PREFIX[0], f->nheld - 1);
        size_t drop = esc ? (size_t)(esc - f->held) : f->nheld;
        emit(ctx, f->held, drop);
        memmove(f->held, f->held + drop, f->nheld - drop);
        f->nheld -= drop;
        enum match m = f->nheld ? match(f->held, f->nheld, &st, &err) : DEAD;
        if (m == PARTIAL)
            return;
        if (m == COMPLETE) {
            complete(f, st, err);
            return;
        }
    }
}

void ig_run_exitrec_feed(struct ig_run_exitrec *f, const char *buf, size_t len,
                         ig_run_emit_fn emit, void *ctx)
{
    size_t i = 0;
    int st, err;

    while (i < len) {
        if (f->core_left) {
            /* A piece of the core stream: never shown, dropped when no
             * core was asked for. */
            size_t run = len - i < f->core_left ? len - i : f->core_left;
            if (f->emit_core)
                f->emit_core(f->core_ctx, buf + i, run);
            f->core_left -= run;
            i += run;
            continue;
        }
        if (f->err_left) {
            /* The body of a standard error piece: bytes as they are. */
            size_t run = len - i < f->err_left ? len - i : f->err_left;
            if (f->emit_err)
                f->emit_err(f->err_ctx, buf + i, run);
            else
                emit(ctx, buf + i, run);
            f->err_left -= run;
            i += run;
            continue;
        }
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
        switch (match(f->held, f->nheld, &st, &err)) {
        case PARTIAL:
            break;
        case COMPLETE:
            complete(f, st, err);
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
