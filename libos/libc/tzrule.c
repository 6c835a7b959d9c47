/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* tzrule.c: POSIX TZ strings ("EST5EDT,M3.2.0,M11.1.0") and the local
 * time they give. */
#include <errno.h>
#include <string.h>

#include "tz_internal.h"

/* Days from 1970-01-01 of a proleptic Gregorian date: counted in 400-year
 * eras from 0000-03-01, which puts February 29 at the end of a year. */
int64_t ig_tz_days(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void ig_tz_civil(int64_t days, int64_t *y, int *m, int *d)
{
    days += 719468;
    int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    int64_t doe = days - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int leap(int64_t y)
{
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

/* A name: 3 or more letters, or <...> of letters, digits, '+', '-'. */
static int alpha(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static const char *name(const char *s, char *out)
{
    int quoted = *s == '<';
    const char *b = s + quoted, *e = b;

    while (alpha(*e) ||
           (quoted && ((*e >= '0' && *e <= '9') || *e == '+' || *e == '-')))
        e++;
    if (e - b < 3 || e - b > IG_TZ_ABBR_MAX || (quoted && *e != '>'))
        return NULL;
    memcpy(out, b, (size_t)(e - b));
    out[e - b] = '\0';
    return e + quoted;
}

static const char *num(const char *s, long lo, long hi, long *v)
{
    long n = 0;

    if (*s < '0' || *s > '9')
        return NULL;
    for (; *s >= '0' && *s <= '9'; s++)
        if ((n = n * 10 + (*s - '0')) > hi)
            return NULL;
    if (n < lo)
        return NULL;
    *v = n;
    return s;
}

/* [+-]hh[:mm[:ss]] with hh up to (maxh), in seconds. */
static const char *hms(const char *s, long maxh, long *secs)
{
    long sign = 1, h, m = 0, sec = 0;

    if (*s == '+' || *s == '-')
        sign = *s++ == '-' ? -1 : 1;
    if (!(s = num(s, 0, maxh, &h)))
        return NULL;
    if (*s == ':' && !(s = num(s + 1, 0, 59, &m)))
        return NULL;
    if (s && *s == ':' && !(s = num(s + 1, 0, 59, &sec)))
        return NULL;
    *secs = sign * (h * 3600 + m * 60 + sec);
    return s;
}

static const char *when(const char *s, struct ig_tzrule_when *w)
{
    long a, b, c;

    if (*s == 'M') {
        if (!(s = num(s + 1, 1, 12, &a)) || *s != '.' ||
            !(s = num(s + 1, 1, 5, &b)) || *s != '.' ||
            !(s = num(s + 1, 0, 6, &c)))
            return NULL;
        *w = (struct ig_tzrule_when){'M', (int)a, (int)b, (int)c, 7200};
    } else if (*s == 'J') {
        if (!(s = num(s + 1, 1, 365, &a)))
            return NULL;
        *w = (struct ig_tzrule_when){'J', 0, 0, (int)a, 7200};
    } else {
        if (!(s = num(s, 0, 365, &a)))
            return NULL;
        *w = (struct ig_tzrule_when){'D', 0, 0, (int)a, 7200};
    }
    if (*s == '/') /* TZif v3 allows -167..167 hours */
        s = hms(s + 1, 167, &w->secs);
    return s;
}

int ig_tzrule_parse(const char *s, struct ig_tzrule *r)
{
    long off;

    memset(r, 0, sizeof(*r));
    if (!(s = name(s, r->std)) || !(s = hms(s, 24, &off)))
        return -EINVAL;
    r->stdoff = -off; /* POSIX counts west of UTC */
    if (!*s)
        return 0;
    if (!(s = name(s, r->dst)))
        return -EINVAL;
    r->has_dst = 1;
    r->dstoff = r->stdoff + 3600;
    if (*s && *s != ',') {
        if (!(s = hms(s, 24, &off)))
            return -EINVAL;
        r->dstoff = -off;
    }
    if (!*s) { /* no rule: the US rule, as glibc assumes */
        r->start = (struct ig_tzrule_when){'M', 3, 2, 0, 7200};
        r->end = (struct ig_tzrule_when){'M', 11, 1, 0, 7200};
        return 0;
    }
    if (*s != ',' || !(s = when(s + 1, &r->start)) || *s != ',' ||
        !(s = when(s + 1, &r->end)) || *s)
        return -EINVAL;
    return 0;
}

/* Seconds from 1970 UTC at which (w) falls in year (y), for a zone (off)
 * east of UTC at that moment. */
static int64_t instant(const struct ig_tzrule_when *w, int64_t y, long off)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int64_t day;

    if (w->kind == 'J') {
        day = ig_tz_days(y, 1, 1) + w->d - 1 + (leap(y) && w->d >= 60);
    } else if (w->kind == 'D') {
        day = ig_tz_days(y, 1, 1) + w->d;
    } else {
        int64_t first = ig_tz_days(y, w->m, 1);
        int wday = (int)(((first + 4) % 7 + 7) % 7); /* 1970-01-01: Thu */
        int md = mdays[w->m - 1] + (w->m == 2 && leap(y));
        int d = 1 + (w->d - wday + 7) % 7 + (w->w - 1) * 7;
        while (d > md)
            d -= 7;
        day = first + d - 1;
    }
    return day * 86400 + w->secs - off;
}

void ig_tzrule_at(const struct ig_tzrule *r, int64_t t, long *utoff, int *isdst,
                  const char **abbr)
{
    int dst = 0;

    /* Past +-2^60 s (36 billion years) the year's sums could overflow:
     * standard time there. */
    if (r->has_dst && t < (INT64_C(1) << 60) && t > -(INT64_C(1) << 60)) {
        int64_t y;
        int m, d;
        /* The year of (t) in UTC, not local time: glibc's choice, which
         * matters for rules near January 1. */
        ig_tz_civil((t >= 0 ? t : t - 86399) / 86400, &y, &m, &d);
        if (y < 1970) /* glibc's answer: 1970's changes for earlier years */
            y = 1970;
        int64_t start = instant(&r->start, y, r->stdoff);
        int64_t end = instant(&r->end, y, r->dstoff);
        dst = start < end ? t >= start && t < end : !(t >= end && t < start);
    }
    *utoff = dst ? r->dstoff : r->stdoff;
    *isdst = dst;
    *abbr = dst ? r->dst : r->std;
}
