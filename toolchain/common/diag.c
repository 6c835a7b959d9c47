/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* diag.c: one-line diagnostics and allocators that never return NULL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ingot/host.h>

static const char *prog = "ingot";
static int fail_status = 1;

void ig_host_set_prog(const char *name, int status)
{
    prog = name;
    fail_status = status;
}

const char *ig_host_prog(void)
{
    return prog;
}

void ig_host_error(const char *fmt, ...)
{
    va_list ap;

    /* One fprintf per line so concurrent tools do not interleave words. */
    char line[1024];
    va_start(ap, fmt);
    vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    fprintf(stderr, "%s: %s\n", prog, line);
}

char *ig_host_one_line(char *s, size_t size)
{
    if (size == 0)
        return s;
    size_t len = strnlen(s, size - 1), n = 0;
    char *in = ig_xmalloc(len + 1);
    memcpy(in, s, len);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)in[i];
        char esc[5];
        size_t w;
        if (c >= 0x20 && c != 0x7f) {
            esc[0] = (char)c;
            w = 1;
        } else if (c == '\n' || c == '\t' || c == '\r') {
            esc[0] = '\\';
            esc[1] = c == '\n' ? 'n' : c == '\t' ? 't' : 'r';
            w = 2;
        } else {
            snprintf(esc, sizeof(esc), "\\x%02x", c);
            w = 4;
        }
        if (n + w > size - 1)
            break;
        memcpy(s + n, esc, w);
        n += w;
    }
    s[n] = '\0';
    free(in);
    return s;
}

_Noreturn void ig_host_oom(void)
{
    fprintf(stderr, "%s: out of memory\n", prog);
    exit(fail_status);
}

void *ig_xmalloc(size_t len)
{
    void *p = malloc(len ? len : 1);
    if (!p)
        ig_host_oom();
    return p;
}

void *ig_xrealloc(void *p, size_t len)
{
    p = realloc(p, len ? len : 1);
    if (!p)
        ig_host_oom();
    return p;
}

char *ig_xstrdup(const char *s)
{
    char *p = strdup(s);
    if (!p)
        ig_host_oom();
    return p;
}

char *ig_xvasprintf(const char *fmt, va_list ap)
{
    char *s;

    if (vasprintf(&s, fmt, ap) < 0)
        ig_host_oom();
    return s;
}

char *ig_xasprintf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    char *s = ig_xvasprintf(fmt, ap);
    va_end(ap);
    return s;
}
