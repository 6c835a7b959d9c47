/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* ldscanf.c: the scanf family's core, with exact long double conversions. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ingot/posix.h>

#include "ldfmt.h"

/* newlib's own routines, renamed in its archive (newlib.cmake). */
typedef int (*vsf_fn)(struct _reent *, FILE *, const char *, va_list);
int __ig_nl_vfscanf_r(struct _reent *, FILE *, const char *, va_list);
int __ig_nl_ssvfscanf_r(struct _reent *, FILE *, const char *, va_list);

#define NONE (-2) /* no character: the field width is used up */

/* Does the format convert a long double (%L[aAeEfFgG])? */
static int has_long_double(const char *f)
{
    if (!strchr(f, 'L')) /* most formats: one quick look */
        return 0;
    while ((f = strchr(f, '%')) != NULL) {
        f++;
        int l = 0;
        while (*f && strchr("0123456789$*mhlLqjzt", *f))
            l |= *f++ == 'L';
        if (l && *f && strchr("aAeEfFgG", *f))
            return 1;
        if (*f)
            f++;
    }
    return 0;
}

/* Characters of a stream: newlib's getc for files; for sscanf's string
 * streams the string itself (their refill would rewind the buffer). */
struct in {
    struct _reent *r;
    FILE *fp;
    long count; /* characters consumed, for %n */
    long left;  /* of the field width; -1 for no limit */
};

static int get(struct in *in)
{
    int c;
    if (in->left == 0)
        return NONE;
    if (in->fp->_flags & __SSTR)
        c = in->fp->_r > 0 ? (in->fp->_r--, *in->fp->_p++) : EOF;
    else
        c = _getc_r(in->r, in->fp);
    if (c != EOF) {
        in->count++;
        if (in->left > 0)
            in->left--;
    }
    return c;
}

static void unget(struct in *in, int c)
{
    if (c < 0)
        return;
    in->count--;
    if (in->fp->_flags & __SSTR) {
        in->fp->_p--;
        in->fp->_r++;
    } else {
        _ungetc_r(in->r, c, in->fp);
    }
}

/* Appends characters to the token: each call takes (c) and reads on. */
struct tok {
    char *s;
    size_t n, cap;
};

static int take(struct tok *t, struct in *in, int *c)
{
    if (t->n + 2 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        char *s = realloc(t->s, cap);
        if (!s)
            return -1;
        t->s = s;
        t->cap = cap;
    }
    t->s[t->n++] = (char)*c;
    *c = get(in);
    return 0;
}

/* Takes the letters of (word), any case; 0 if they all came. */
static int word(struct tok *t, struct in *in, int *c, const char *w)
{
    for (; *w; w++)
        if (*c < 0 || tolower(*c) != *w || take(t, in, c) < 0)
            return -1;
    return 0;
}

static int digits(struct tok *t, struct in *in, int *c, int hex)
{
    int n = 0;
    while (*c >= 0 && (hex ? isxdigit(*c) : isdigit(*c))) {
        if (take(t, in, c) < 0)
            return -1;
        n++;
    }
    return n;
}

/* Reads the longest prefix of a floating number, as strtold() takes
 * them, with one character of look-ahead (as glibc: "1e+x" fails).
 * Returns 1 with the value, 0 for a matching failure, EOF for an input
 * failure, -3 without memory. */
static int scan_float(struct in *in, long width, long double *v)
{
    struct tok t = {NULL, 0, 0};
    int c, ok = 0;

    in->left = -1;
    do
        c = get(in);
    while (c >= 0 && isspace(c));
    if (c == EOF)
        return EOF;
    unget(in, c);
    in->left = width > 0 ? width : -1;
    c = get(in);
    if (c == '+' || c == '-')
        take(&t, in, &c);
    if (c >= 0 && tolower(c) == 'i') {
        ok = word(&t, in, &c, "inf") == 0;
        if (ok && c >= 0 && tolower(c) == 'i')
            ok = word(&t, in, &c, "inity") == 0;
    } else if (c >= 0 && tolower(c) == 'n') {
        ok = word(&t, in, &c, "nan") == 0;
        if (ok && c == '(') {
            take(&t, in, &c);
            while (c >= 0 && (isalnum(c) || c == '_') && take(&t, in, &c) == 0)
                ;
            ok = c == ')' && take(&t, in, &c) == 0;
        }
    } else {
        int hex = 0, n = 0;
        if (c == '0') {
            take(&t, in, &c);
            n = 1;
            if (c >= 0 && tolower(c) == 'x') {
                take(&t, in, &c);
                hex = 1;
                n = 0;
            }
        }
        n += digits(&t, in, &c, hex);
        if (c == '.') {
            take(&t, in, &c);
            n += digits(&t, in, &c, hex);
        }
        ok = n > 0;
        if (ok && c >= 0 && tolower(c) == (hex ? 'p' : 'e')) {
            take(&t, in, &c);
            if (c == '+' || c == '-')
                take(&t, in, &c);
            ok = digits(&t, in, &c, 0) > 0;
        }
    }
    unget(in, c);
    int rc = 0;
    if (ok && t.s) {
        char *end;
        t.s[t.n] = '\0';
        *v = strtold(t.s, &end);
        rc = end == t.s + t.n;
    }
    free(t.s);
    return rc;
}

static void store_count(const char *len, void *p, long n)
{
    if (len[0] == 'h' && len[1] == 'h')
        *(signed char *)p = (signed char)n;
    else if (len[0] == 'h')
        *(short *)p = (short)n;
    else if ((len[0] == 'l' && len[1] == 'l') || len[0] == 'L' || len[0] == 'q')
        *(long long *)p = n;
    else if (len[0] && strchr("ljzt", len[0]))
        *(long *)p = n;
    else
        *(int *)p = (int)n;
}

/* Calls newlib's routine with one argument list of our own. */
static int call(vsf_fn real, struct _reent *r, FILE *fp, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = real(r, fp, fmt, ap);
    va_end(ap);
    return n;
}

/* One directive of the format, parsed. */
struct dir {
    const char *body, *end; /* after '%' and "N$"; after the directive */
    int pos, suppress;
    long width;
    char len[3], conv;
};

static const char *parse(const char *f, struct dir *d)
{
    memset(d, 0, sizeof(*d));
    d->pos = -1;
    const char *p = f;
    int n = 0;
    while (*p >= '0' && *p <= '9' && n < 100000)
        n = n * 10 + (*p++ - '0');
    if (p != f && *p == '$' && n > 0) {
        d->pos = n - 1;
        f = p + 1;
    }
    d->body = f;
    if (*f == '*') {
        d->suppress = 1;
        f++;
    }
    while (*f >= '0' && *f <= '9')
        d->width = d->width * 10 + (*f++ - '0');
    if (*f == 'm')
        f++;
    int nl = 0;
    while (*f && strchr("hlLqjzt", *f) && nl < 2)
        d->len[nl++] = *f++;
    d->conv = *f;
    if (*f == '[') {
        f++;
        if (*f == '^')
            f++;
        if (*f == ']')
            f++;
        while (*f && *f != ']')
            f++;
    }
    if (*f)
        f++;
    d->end = f;
    return f;
}

/* The walk of a format with %L floating conversions: each directive in
 * turn, newlib's routine reading all but those, "%n" after each to
 * count what it consumed and see where it stopped. */
static int slow(vsf_fn real, struct _reent *r, FILE *fp, const char *fmt,
                va_list ap)
{
    void **ptrs = NULL;
    int nptrs = 0, next = 0, assigned = 0, rc = 0;
    struct dir d;
    struct in in = {r, fp, 0, -1};

    for (const char *f = fmt; (f = strchr(f, '%')) != NULL;) {
        f = parse(f + 1, &d);
        if (d.conv == '%' || d.conv == '\0' || d.suppress)
            continue;
        int ix = d.pos >= 0 ? d.pos : next++;
        if (ix >= 4096) {
            (void)ig_posix_failed(-EINVAL);
            return EOF;
        }
        if (ix >= nptrs)
            nptrs = ix + 1;
    }
    ptrs = malloc(sizeof(*ptrs) * (size_t)(nptrs ? nptrs : 1));
    if (!ptrs) {
        (void)ig_posix_failed(-ENOMEM);
        return EOF;
    }
    for (int i = 0; i < nptrs; i++)
        ptrs[i] = va_arg(ap, void *);
    call(real, r, fp, ""); /* sets the stream up (newlib's CHECK_INIT) */
    (void)_flockfile(fp);
    next = 0;
    char *seg = malloc(strlen(fmt) + 4);
    if (!seg) {
        rc = EOF;
        goto out;
    }
    for (const char *f = fmt; *f;) {
        int n = -1, got;
        if (*f != '%' || f[1] == '%') {
            /* Literal text and white space, up to the next conversion. */
            size_t k = 0;
            while (f[k] && (f[k] != '%' || f[k + 1] == '%'))
                k += f[k] == '%' ? 2 : 1;
            memcpy(seg, f, k);
            strcpy(seg + k, "%n");
            got = call(real, r, fp, seg, &n);
            f += k;
        } else {
            f = parse(f + 1, &d);
            void *p = NULL;
            if (!d.suppress && d.conv != '\0')
                p = ptrs[d.pos >= 0 ? d.pos : next++];
            if (d.conv == 'n') {
                if (p)
                    store_count(d.len, p, in.count);
                continue;
            }
            if (d.len[0] == 'L' && d.conv && strchr("aAeEfFgG", d.conv)) {
                long double v;
                got = scan_float(&in, d.width, &v);
                if (got == 1) {
                    if (p)
                        *(long double *)p = v;
                    assigned += p != NULL;
                    continue;
                }
                if (got == EOF && assigned == 0)
                    rc = EOF;
                else
                    rc = assigned;
                goto out;
            }
            size_t k = (size_t)(d.end - d.body);
            seg[0] = '%';
            memcpy(seg + 1, d.body, k);
            strcpy(seg + 1 + k, "%n");
            got =
                p ? call(real, r, fp, seg, p, &n) : call(real, r, fp, seg, &n);
        }
        if (n < 0) {
            rc = got == EOF && assigned == 0 ? EOF : assigned;
            goto out;
        }
        in.count += n;
        assigned += got > 0 ? got : 0;
    }
    rc = assigned;
out:
    (void)_funlockfile(fp);
    free(seg);
    free(ptrs);
    return rc;
}

int __svfscanf_r(struct _reent *r, FILE *fp, const char *fmt, va_list ap)
{
    if (!has_long_double(fmt))
        return __ig_nl_vfscanf_r(r, fp, fmt, ap);
    return slow(__ig_nl_vfscanf_r, r, fp, fmt, ap);
}

int __svfscanf(FILE *fp, const char *fmt, va_list ap)
{
    return __svfscanf_r(_REENT, fp, fmt, ap);
}

int _vfscanf_r(struct _reent *r, FILE *fp, const char *fmt, va_list ap)
{
    return __svfscanf_r(r, fp, fmt, ap);
}

int vfscanf(FILE *fp, const char *fmt, va_list ap)
{
    return __svfscanf_r(_REENT, fp, fmt, ap);
}

int __ssvfscanf_r(struct _reent *r, FILE *fp, const char *fmt, va_list ap)
{
    if (!has_long_double(fmt))
        return __ig_nl_ssvfscanf_r(r, fp, fmt, ap);
    return slow(__ig_nl_ssvfscanf_r, r, fp, fmt, ap);
}
