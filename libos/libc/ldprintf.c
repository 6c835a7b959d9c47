/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* ldprintf.c: the printf family's core, with exact long double conversions. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ingot/posix.h>

#include "ldfmt.h"

/* newlib's own routines, renamed in its archive (newlib.cmake). */
typedef int (*vpf_fn)(struct _reent *, FILE *, const char *, va_list);
int __ig_nl_vfprintf_r(struct _reent *, FILE *, const char *, va_list);
int __ig_nl_svfprintf_r(struct _reent *, FILE *, const char *, va_list);

enum { A_INT, A_LONG, A_PTR, A_DBL, A_LDBL };

union arg {
    int i;
    long long ll;
    void *p;
    double d;
    long double ld;
};

/* One conversion of the format. */
struct spec {
    const char *start;   /* the '%' */
    const char *end;     /* after the conversion character */
    char flags[10];      /* as written, at most one of each */
    int width, prec;     /* -1: none; else the value or, from (*), its arg */
    int warg, parg, arg; /* argument numbers (from 0), -1 for none */
    char len[3];         /* length modifier, "L" for long double */
    char conv;
};

static int is_ldconv(char c)
{
    return c && strchr("aAeEfFgG", c) != NULL;
}

/* Does the format hold a conversion with the L modifier?  Any 'L' after a
 * '%' is enough to take the slow path, which is exact either way. */
static int has_long_double(const char *f)
{
    if (!strchr(f, 'L')) /* most formats: one quick look */
        return 0;
    for (const char *p = f; (p = strchr(p, '%')) != NULL;) {
        for (p++;; p++) {
            char c = *p;
            if (c == 'L')
                return 1;
            if (!((c >= '0' && c <= '9') || c == '$' || c == '.' || c == '*' ||
                  c == '-' || c == '+' || c == ' ' || c == '#' || c == '\'' ||
                  c == 'h' || c == 'l' || c == 'q' || c == 'j' || c == 'z' ||
                  c == 't' || c == 'I'))
                break;
        }
        if (*p)
            p++;
    }
    return 0;
}

/* Reads "N$" at (*f): returns N-1, or -1 (and leaves *f) if absent. */
static int argnum(const char **f)
{
    const char *p = *f;
    int n = 0;
    while (*p >= '0' && *p <= '9' && n < 100000)
        n = n * 10 + (*p++ - '0');
    if (p == *f || *p != '$' || n == 0)
        return -1;
    *f = p + 1;
    return n - 1;
}

/* Parses the conversion at (f), just after '%'; numbers its arguments
 * from (*next) when not positional. */
static const char *parse(const char *f, struct spec *s, int *next)
{
    memset(s, 0, sizeof(*s));
    s->width = s->prec = s->warg = s->parg = s->arg = -1;
    int pos = argnum(&f);
    int nf = 0;
    while (*f && strchr("-+ #0'I", *f)) {
        if (!strchr(s->flags, *f) && nf < 7)
            s->flags[nf++] = *f;
        f++;
    }
    if (*f == '*') {
        f++;
        s->warg = argnum(&f);
        if (s->warg < 0)
            s->warg = (*next)++;
        s->width = 0;
    } else if (*f >= '0' && *f <= '9') {
        s->width = 0;
        while (*f >= '0' && *f <= '9')
            s->width = s->width * 10 + (*f++ - '0');
    }
    if (*f == '.') {
        f++;
        s->prec = 0;
        if (*f == '*') {
            f++;
            s->parg = argnum(&f);
            if (s->parg < 0)
                s->parg = (*next)++;
        } else {
            while (*f >= '0' && *f <= '9')
                s->prec = s->prec * 10 + (*f++ - '0');
        }
    }
    int nl = 0;
    while (*f && strchr("hlLqjzt", *f) && nl < 2)
        s->len[nl++] = *f++;
    s->conv = *f;
    if (*f)
        f++;
    if (s->conv != '%' && s->conv != '\0' && s->conv != 'm')
        s->arg = pos >= 0 ? pos : (*next)++;
    return f;
}

static int arg_type(const struct spec *s)
{
    char c = s->conv;
    if (is_ldconv(c))
        return s->len[0] == 'L' ? A_LDBL : A_DBL;
    if (c && strchr("sSpn", c))
        return A_PTR;
    if (c && strchr("diouxX", c) && s->len[0] && strchr("lLqjzt", s->len[0]))
        return A_LONG;
    return A_INT;
}

/* Calls newlib's routine with one argument list of our own. */
static int call(vpf_fn real, struct _reent *r, FILE *fp, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = real(r, fp, fmt, ap);
    va_end(ap);
    return n;
}

/* One conversion other than %L[aefg] and %n, by newlib's routine. */
static int convert(vpf_fn real, struct _reent *r, FILE *fp,
                   const struct spec *s, int width, int prec, union arg *a)
{
    char fmt[40], *p = fmt;
    *p++ = '%';
    for (const char *q = s->flags; *q; q++)
        if (*q != 'I')
            *p++ = *q;
    if (width >= 0)
        p = ig_libc_ld_putdec(p, (unsigned long)width, 1);
    if (prec >= 0) {
        *p++ = '.';
        p = ig_libc_ld_putdec(p, (unsigned long)prec, 1);
    }
    int t = arg_type(s);
    const char *len = t == A_LONG ? "ll" : s->len; /* glibc: %Ld is %lld */
    while (*len)
        *p++ = *len++;
    *p++ = s->conv;
    *p = '\0';
    switch (t) {
    case A_LONG:
        return call(real, r, fp, fmt, a->ll);
    case A_PTR:
        return call(real, r, fp, fmt, a->p);
    case A_DBL:
        return call(real, r, fp, fmt, a->d);
    default:
        return call(real, r, fp, fmt, a->i);
    }
}

static void store_count(const struct spec *s, void *p, long long n)
{
    const char *l = s->len;
    if (l[0] == 'h' && l[1] == 'h')
        *(signed char *)p = (signed char)n;
    else if (l[0] == 'h')
        *(short *)p = (short)n;
    else if (l[0] == 'l' && l[1] == 'l')
        *(long long *)p = n;
    else if (l[0] && strchr("lLqjzt", l[0]))
        *(long *)p = (long)n;
    else
        *(int *)p = (int)n;
}

/* The walk of a format with long double conversions: arguments first
 * (their types from the whole format, for positional ones), then each
 * piece in turn. */
static int slow(vpf_fn real, struct _reent *r, FILE *fp, const char *fmt,
                va_list ap)
{
    int next = 0, nargs = 0, err = 0;
    signed char *types = NULL;
    union arg *args = NULL;
    struct spec s;
    long long total = 0;

    /* Two walks: how many arguments, then their types. */
    for (int pass = 0; pass < 2; pass++) {
        next = 0;
        for (const char *f = fmt; (f = strchr(f, '%')) != NULL;) {
            f = parse(f + 1, &s, &next);
            int ix[3] = {s.warg, s.parg, s.arg};
            int tt[3] = {A_INT, A_INT, arg_type(&s)};
            for (int i = 0; i < 3; i++) {
                if (ix[i] < 0)
                    continue;
                if (ix[i] >= 4096)
                    goto inval;
                if (pass)
                    types[ix[i]] = (signed char)tt[i];
                else if (ix[i] >= nargs)
                    nargs = ix[i] + 1;
            }
        }
        if (!pass) {
            types = malloc((size_t)nargs + 1);
            args = malloc(sizeof(*args) * (size_t)(nargs + 1));
            if (!types || !args)
                goto nomem;
            memset(types, -1, (size_t)nargs + 1);
        }
    }
    for (int i = 0; i < nargs; i++) {
        switch (types[i]) {
        case A_LONG:
            args[i].ll = va_arg(ap, long long);
            break;
        case A_PTR:
            args[i].p = va_arg(ap, void *);
            break;
        case A_DBL:
            args[i].d = va_arg(ap, double);
            break;
        case A_LDBL:
            args[i].ld = va_arg(ap, long double);
            break;
        case A_INT:
            args[i].i = va_arg(ap, int);
            break;
        default: /* an argument no conversion uses: its type is unknown */
            goto inval;
        }
    }

    /* Sets up the stream (and fails for one not open for writing). */
    if (call(real, r, fp, "") < 0)
        goto out;
    (void)_flockfile(fp);
    next = 0;
    for (const char *f = fmt; *f && !err;) {
        const char *pc = strchr(f, '%');
        size_t lit = pc ? (size_t)(pc - f) : strlen(f);
        if (lit) {
            int n = call(real, r, fp, "%.*s", (int)lit, f);
            err = n < 0;
            total += n;
            f += lit;
            continue;
        }
        f = parse(f + 1, &s, &next);
        int width = s.warg >= 0 ? args[s.warg].i : s.width;
        int prec = s.parg >= 0 ? args[s.parg].i : s.prec;
        if (width < 0 && s.warg >= 0) {
            width = width == INT_MIN ? INT_MAX : -width;
            if (!strchr(s.flags, '-'))
                s.flags[strlen(s.flags)] = '-'; /* room: 7 flags at most */
        }
        if (prec < 0)
            prec = -1;
        int n = 0;
        if (s.conv == '%' || s.conv == '\0') {
            n = s.conv ? call(real, r, fp, "%%") : 0;
        } else if (s.conv == 'n') {
            store_count(&s, args[s.arg].p, total);
        } else if (arg_type(&s) == A_LDBL) {
            unsigned fl = 0;
            for (const char *q = s.flags; *q; q++)
                fl |= *q == '-'   ? IG_LD_MINUS
                      : *q == '+' ? IG_LD_PLUS
                      : *q == ' ' ? IG_LD_SPACE
                      : *q == '#' ? IG_LD_HASH
                      : *q == '0' ? IG_LD_ZERO
                                  : 0;
            char *text;
            int len = ig_libc_ldfmt(&text, args[s.arg].ld, fl,
                                    width < 0 ? 0 : width, prec, s.conv);
            if (len < 0) {
                n = -1;
            } else {
                n = call(real, r, fp, "%s", text);
                free(text);
            }
        } else {
            union arg none = {0}; /* %m takes none */
            n = convert(real, r, fp, &s, width, prec,
                        s.arg >= 0 ? &args[s.arg] : &none);
        }
        err = n < 0;
        total += n;
    }
    (void)_funlockfile(fp);
    if (!err && total > INT_MAX) {
        (void)ig_posix_failed(-EOVERFLOW);
        err = 1;
    }
    free(types);
    free(args);
    return err ? -1 : (int)total;
nomem:
    (void)ig_posix_failed(-ENOMEM);
    goto out;
inval:
    (void)ig_posix_failed(-EINVAL);
out:
    free(types);
    free(args);
    return -1;
}

int _vfprintf_r(struct _reent *r, FILE *fp, const char *fmt, va_list ap)
{
    if (!has_long_double(fmt))
        return __ig_nl_vfprintf_r(r, fp, fmt, ap);
    return slow(__ig_nl_vfprintf_r, r, fp, fmt, ap);
}

int vfprintf(FILE *fp, const char *fmt, va_list ap)
{
    return _vfprintf_r(_REENT, fp, fmt, ap);
}

int _svfprintf_r(struct _reent *r, FILE *fp, const char *fmt, va_list ap)
{
    if (!has_long_double(fmt))
        return __ig_nl_svfprintf_r(r, fp, fmt, ap);
    return slow(__ig_nl_svfprintf_r, r, fp, fmt, ap);
}
