/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fnmatch.c: shell pattern matching (<fnmatch.h>, newlib's numbers). */
#define _GNU_SOURCE 1 /* FNM_CASEFOLD, FNM_LEADING_DIR */
#include <ctype.h>
#include <fnmatch.h>
#include <string.h>

static int fold(int c, int flags)
{
    return (flags & FNM_CASEFOLD) ? tolower((unsigned char)c) : c;
}

/* Matches the bracket expression at (*pp) (just past '[') against (c);
 * advances (*pp) past ']'.  Returns 1 on a match, 0 on none, -1 when the
 * expression is not closed (then '[' is an ordinary character). */
static int bracket(const char **pp, int c, int flags)
{
    const char *p = *pp;
    int neg = 0, ok = 0;

    if (*p == '!' || *p == '^') {
        neg = 1;
        p++;
    }
    const char *first = p;
    while (*p && (*p != ']' || p == first)) {
        int lo = (unsigned char)*p;
        if (lo == '\\' && !(flags & FNM_NOESCAPE) && p[1])
            lo = (unsigned char)*++p;
        p++;
        int hi = lo;
        if (p[0] == '-' && p[1] && p[1] != ']') {
            hi = (unsigned char)p[1];
            if (hi == '\\' && !(flags & FNM_NOESCAPE) && p[2])
                hi = (unsigned char)*++p;
            p += 2;
        }
        if (fold(lo, flags) <= fold(c, flags) &&
            fold(c, flags) <= fold(hi, flags))
            ok = 1;
    }
    if (*p != ']')
        return -1;
    *pp = p + 1;
    return ok != neg;
}

static int leading_period(const char *s, const char *start, int flags)
{
    return *s == '.' && (flags & FNM_PERIOD) &&
           (s == start || ((flags & FNM_PATHNAME) && s[-1] == '/'));
}

static int match(const char *p, const char *s, const char *start, int flags)
{
    for (;;) {
        int c = (unsigned char)*p++;
        switch (c) {
        case '\0':
            if ((flags & FNM_LEADING_DIR) && *s == '/')
                return 0;
            return *s ? FNM_NOMATCH : 0;
        case '?':
            if (!*s || (*s == '/' && (flags & FNM_PATHNAME)) ||
                leading_period(s, start, flags))
                return FNM_NOMATCH;
            s++;
            break;
        case '*':
            while (*p == '*')
                p++;
            if (leading_period(s, start, flags))
                return FNM_NOMATCH;
            if (!*p) {
                if (flags & FNM_PATHNAME)
                    return ((flags & FNM_LEADING_DIR) || !strchr(s, '/'))
                               ? 0
                               : FNM_NOMATCH;
                return 0;
            }
            for (; *s; s++) {
                if (match(p, s, start, flags & ~FNM_PERIOD) == 0)
                    return 0;
                if (*s == '/' && (flags & FNM_PATHNAME))
                    return FNM_NOMATCH;
            }
            return match(p, s, start, flags) == 0 ? 0 : FNM_NOMATCH;
        case '[': {
            if (!*s || (*s == '/' && (flags & FNM_PATHNAME)) ||
                leading_period(s, start, flags))
                return FNM_NOMATCH;
            const char *q = p;
            int r = bracket(&q, (unsigned char)*s, flags);
            if (r < 0) { /* an unclosed '[' is itself */
                if (*s != '[')
                    return FNM_NOMATCH;
            } else if (r == 0) {
                return FNM_NOMATCH;
            } else {
                p = q;
            }
            s++;
            break;
        }
        case '\\':
            if (!(flags & FNM_NOESCAPE) && *p)
                c = (unsigned char)*p++;
            /* fall through */
        default:
            if (fold(c, flags) != fold((unsigned char)*s, flags))
                return FNM_NOMATCH;
            s++;
            break;
        }
    }
}

int fnmatch(const char *pattern, const char *string, int flags)
{
    return match(pattern, string, string, flags);
}
