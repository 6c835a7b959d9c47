/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* shquote.c: POSIX shell quoting, for -v and --dry-run output. */
#include <stdlib.h>
#include <string.h>

#include <ingot/host.h>

static int is_safe(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || (c && strchr("@%+=:,./_-", c));
}

char *ig_shquote(const char *s)
{
    size_t len = strlen(s), quotes = 0;
    int safe = len > 0;

    for (size_t i = 0; i < len; i++) {
        safe &= is_safe((unsigned char)s[i]);
        quotes += s[i] == '\'';
    }
    if (safe)
        return ig_xstrdup(s);

    /* 'it'\''s': close the quote, an escaped quote, reopen. */
    char *out = ig_xmalloc(len + quotes * 3 + 3);
    char *p = out;
    *p++ = '\'';
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\'') {
            memcpy(p, "'\\''", 4);
            p += 4;
        } else {
            *p++ = s[i];
        }
    }
    *p++ = '\'';
    *p = '\0';
    return out;
}

char *ig_shquote_argv(char *const *argv)
{
    size_t len = 0, cap = 256;
    char *line = ig_xmalloc(cap);

    line[0] = '\0';
    for (size_t i = 0; argv[i]; i++) {
        char *w = ig_shquote(argv[i]);
        size_t wl = strlen(w);
        if (len + wl + 2 > cap) {
            while (len + wl + 2 > cap)
                cap *= 2;
            line = ig_xrealloc(line, cap);
        }
        if (i > 0)
            line[len++] = ' ';
        memcpy(line + len, w, wl + 1);
        len += wl;
        free(w);
    }
    return line;
}
