/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run_backtrace.c: name the functions in a crash report's frame lines. */
#include <stdio.h>
#include <string.h>

#include "run.h"

enum match { DEAD, PARTIAL, COMPLETE };

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static int is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
           (c >= 'A' && c <= 'F');
}

/* Matches (h) against [ \t]* '#' digits [ \t]+ "0x" hex \r? \n, storing the
 * frame number and address on a complete match. */
static enum match match(const char *h, size_t n, unsigned *frame,
                        uint64_t *addr)
{
    size_t i = 0, start;
    unsigned fr = 0;
    uint64_t a = 0;

    while (i < n && is_blank(h[i]))
        i++;
    if (i == n)
        return PARTIAL;
    if (h[i++] != '#')
        return DEAD;
    for (start = i; i < n && h[i] >= '0' && h[i] <= '9'; i++)
        fr = fr * 10 + (unsigned)(h[i] - '0');
    if (i == n)
        return PARTIAL;
    if (i == start || i - start > 4)
        return DEAD;
    for (start = i; i < n && is_blank(h[i]); i++)
        ;
    if (i == n)
        return PARTIAL;
    if (i == start || h[i++] != '0')
        return DEAD;
    if (i == n)
        return PARTIAL;
    if (h[i++] != 'x')
        return DEAD;
    for (start = i; i < n && is_hex(h[i]); i++) {
        char c = h[i];
        a = a << 4 | (uint64_t)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    if (i == n)
        return i - start > 16 ? DEAD : PARTIAL;
    if (i == start || i - start > 16)
        return DEAD;
    if (h[i] == '\r' && ++i == n)
        return PARTIAL;
    if (h[i] != '\n' || i + 1 != n)
        return DEAD;
    *frame = fr;
    *addr = a;
    return COMPLETE;
}

void ig_run_btline_init(struct ig_run_btline *b, ig_run_symbolize_fn sym,
                        void *symctx)
{
    b->n = 0;
    b->passing = 0;
    b->sym = sym;
    b->symctx = symctx;
}

static void annotate(struct ig_run_btline *b, unsigned frame, uint64_t addr,
                     ig_run_emit_fn emit, void *ctx)
{
    /* Outer frames hold return addresses, which may already point past
     * the end of the calling function: look up the call instruction. */
    uint64_t look = frame > 0 && addr > 0 ? addr - 1 : addr, off;
    const char *name = b->sym ? b->sym(b->symctx, look, &off) : NULL;
    size_t eol = b->n - 1 - (b->n >= 2 && b->line[b->n - 2] == '\r');

    if (!name) {
        emit(ctx, b->line, b->n);
        return;
    }
    char note[256];
    int len = snprintf(note, sizeof(note), " %s+0x%llx", name,
                       (unsigned long long)(off + (addr - look)));
    if (len < 0 || (size_t)len >= sizeof(note))
        len = (int)strlen(note);
    emit(ctx, b->line, eol);
    emit(ctx, note, (size_t)len);
    emit(ctx, b->line + eol, b->n - eol);
}

void ig_run_btline_feed(struct ig_run_btline *b, const char *buf, size_t len,
                        ig_run_emit_fn emit, void *ctx)
{
    size_t i = 0;

    while (i < len) {
        if (b->passing) {
            const char *nl = memchr(buf + i, '\n', len - i);
            size_t run = nl ? (size_t)(nl - (buf + i)) + 1 : len - i;
            emit(ctx, buf + i, run);
            i += run;
            b->passing = !nl;
            continue;
        }
        unsigned frame;
        uint64_t addr;
        char c = buf[i++];
        b->line[b->n++] = c;
        enum match m = match(b->line, b->n, &frame, &addr);
        if (m == PARTIAL && b->n == sizeof(b->line))
            m = DEAD;
        if (m == COMPLETE) {
            annotate(b, frame, addr, emit, ctx);
            b->n = 0;
        } else if (m == DEAD) {
            emit(ctx, b->line, b->n);
            b->n = 0;
            b->passing = c != '\n';
        }
    }
}

void ig_run_btline_flush(struct ig_run_btline *b, ig_run_emit_fn emit,
                         void *ctx)
{
    if (b->n)
        emit(ctx, b->line, b->n);
    b->n = 0;
    b->passing = 0;
}
