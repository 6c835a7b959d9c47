/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* tz.c: local time from TZ and /etc/localtime: tzset, localtime_r and
 * mktime in place of newlib's, which know POSIX TZ strings only. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <reent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <ingot/posix.h>
#include <ingot/vfs.h>

#include "tz_internal.h"

/*
 * As glibc: TZ unset reads /etc/localtime (of the rootfs); TZ=":NAME" or
 * "NAME" reads NAME, from /usr/share/zoneinfo unless it starts with '/';
 * a TZ that names no readable file is a POSIX TZ string; anything else,
 * and a file that is not valid TZif, is UTC.  newlib's strftime, ctime
 * and localtime call in here (_tzset_unlocked_r, localtime_r), and read
 * the names and offsets set below (%Z, %z).
 */
#define ZONEINFO "/usr/share/zoneinfo/"
#define TZ_FILE_MAX (1 << 20) /* far above any real zone (~3 KB) */

void __tz_lock(void);
void __tz_unlock(void);

static struct ig_tz zone;
static int loaded;    /* zone holds something; else UTC */
static int have_tz;   /* tz_seen is what the zone was loaded for */
static char *tz_seen; /* NULL: TZ was unset */
static char names[2][IG_TZ_ABBR_MAX + 1];

/* Through the VFS, not open(2): libc's own members must not name the
 * calls that select the vol component (toolchain/analyze). */
static int load_file(const char *path)
{
    struct stat st;
    int fd = ig_vfs_open(AT_FDCWD, path, O_RDONLY | O_CLOEXEC, 0), err;

    if (fd < 0)
        return fd;
    err = ig_vfs_fstat(fd, &st);
    if (!err &&
        (!S_ISREG(st.st_mode) || st.st_size <= 0 || st.st_size > TZ_FILE_MAX))
        err = -EINVAL;
    if (!err) {
        size_t len = (size_t)st.st_size, got = 0;
        char *buf = malloc(len);
        ssize_t n = 1;
        while (buf && got < len &&
               (n = ig_vfs_read(fd, buf + got, len - got)) > 0)
            got += (size_t)n;
        err = !buf         ? -ENOMEM
              : got == len ? ig_tzif_parse(buf, len, &zone)
                           : -EIO;
        free(buf);
    }
    ig_vfs_close(fd);
    return err;
}

static void set_name(int dst, const char *abbr)
{
    size_t n = strnlen(abbr, IG_TZ_ABBR_MAX);

    memcpy(names[dst], abbr, n);
    names[dst][n] = '\0';
    _tzname[dst] = names[dst];
}

/* tzset()'s variables: the rule's names and offsets, or a file's latest
 * standard and daylight types. */
static void set_globals(void)
{
    __tzinfo_type *ti = __gettzinfo();
    long off[2] = {0, 0};

    set_name(0, "UTC");
    set_name(1, "UTC");
    _daylight = 0;
    if (loaded && zone.has_rule) {
        set_name(0, zone.rule.std);
        off[0] = off[1] = zone.rule.stdoff;
        if (zone.rule.has_dst) {
            set_name(1, zone.rule.dst);
            off[1] = zone.rule.dstoff;
            _daylight = 1;
        } else {
            set_name(1, zone.rule.std);
        }
    } else if (loaded) {
        int seen[2] = {0, 0};
        for (uint32_t i = zone.ntrans; i-- > 0 && !(seen[0] && seen[1]);) {
            const struct ig_tz_type *ty = &zone.types[zone.idx[i]];
            if (!seen[ty->isdst]) {
                seen[ty->isdst] = 1;
                set_name(ty->isdst, zone.chars + ty->abbr);
                off[ty->isdst] = ty->utoff;
            }
        }
        if (!seen[0]) {
            set_name(0, zone.chars + zone.types[0].abbr);
            off[0] = zone.types[0].utoff;
        }
        _daylight = seen[1];
        if (!seen[1]) {
            set_name(1, _tzname[0]);
            off[1] = off[0];
        }
    }
    _timezone = -off[0];
    ti->__tzrule[0].offset = -off[0];
    ti->__tzrule[1].offset = -off[1];
}

void _tzset_unlocked_r(struct _reent *r)
{
    const char *tz = _getenv_r(r, "TZ");

    if (have_tz && (tz ? tz_seen && !strcmp(tz, tz_seen) : !tz_seen))
        return;
    free(tz_seen);
    tz_seen = tz ? strdup(tz) : NULL;
    have_tz = !tz || tz_seen; /* out of memory: load again next time */
    ig_tz_free(&zone);
    loaded = 0;
    if (!tz) {
        loaded = load_file("/etc/localtime") == 0;
    } else if (*tz) {
        const char *name = tz + (*tz == ':');
        char path[256];
        size_t n = strlen(name);
        if (*name == '/' && n < sizeof(path)) {
            memcpy(path, name, n + 1);
            loaded = load_file(path) == 0;
        } else if (*name && n < sizeof(path) - sizeof(ZONEINFO)) {
            memcpy(path, ZONEINFO, sizeof(ZONEINFO) - 1);
            memcpy(path + sizeof(ZONEINFO) - 1, name, n + 1);
            loaded = load_file(path) == 0;
        }
        if (!loaded && *tz != ':' && ig_tzrule_parse(tz, &zone.rule) == 0)
            loaded = zone.has_rule = 1;
    }
    set_globals();
}

void _tzset_r(struct _reent *r)
{
    __tz_lock();
    _tzset_unlocked_r(r);
    __tz_unlock();
}

/* newlib's tzset.o, lcltime.o, ctime.o and ctime_r.o too: a program that
 * names any of them gets this file from the library OS's archive before
 * newlib's is searched, so newlib's own versions (POSIX TZ strings only)
 * never join it. */
void _tzset_unlocked(void)
{
    _tzset_unlocked_r(_REENT);
}

void tzset(void)
{
    _tzset_r(_REENT);
}

/* The local time type at (t), with the TZ lock held. */
static void at(int64_t t, long *utoff, int *isdst, const char **abbr)
{
    *utoff = 0;
    *isdst = 0;
    *abbr = "UTC";
    if (loaded)
        ig_tz_at(&zone, t, utoff, isdst, abbr);
}

/* Fills (tm) for (t) at (utoff).  Returns 0, or -EOVERFLOW for a year
 * past int (Linux's answer). */
static int breakdown(int64_t t, long utoff, int isdst, struct tm *tm)
{
    if (t > INT64_MAX - 86400 * 2 || t < INT64_MIN + 86400 * 2)
        return -EOVERFLOW;
    int64_t lt = t + utoff, days = lt / 86400, secs = lt % 86400, y;
    int m, d;
    if (secs < 0) {
        secs += 86400;
        days--;
    }
    ig_tz_civil(days, &y, &m, &d);
    if (y - 1900 > INT_MAX || y - 1900 < INT_MIN)
        return -EOVERFLOW;
    tm->tm_year = (int)(y - 1900);
    tm->tm_mon = m - 1;
    tm->tm_mday = d;
    tm->tm_hour = (int)(secs / 3600);
    tm->tm_min = (int)(secs / 60 % 60);
    tm->tm_sec = (int)(secs % 60);
    tm->tm_wday = (int)(((days + 4) % 7 + 7) % 7);
    tm->tm_yday = (int)(days - ig_tz_days(y, 1, 1));
    tm->tm_isdst = isdst;
    return 0;
}

struct tm *localtime_r(const time_t *tp, struct tm *tm)
{
    long off;
    int dst;
    const char *abbr;

    __tz_lock();
    _tzset_unlocked_r(_REENT);
    at(*tp, &off, &dst, &abbr);
    /* As glibc, the names tzname[] show follow the last time converted
     * (newlib's strftime reads them for %Z, and the offsets for %z). */
    set_name(dst, abbr);
    __gettzinfo()->__tzrule[dst].offset = -off;
    __tz_unlock();
    return ig_posix_failed(breakdown(*tp, off, dst, tm)) ? NULL : tm;
}

/* The offset at (t), and whether it is DST. */
static long off_at(int64_t t, int *dst)
{
    long off;
    const char *abbr;

    at(t, &off, dst, &abbr);
    return off;
}

/* The instant local time (lt) (seconds as if UTC) names, (want) DST or
 * not (-1: either), as glibc's mktime chooses it.  The TZ lock is held. */
static int64_t solve(int64_t lt, int want)
{
    /* The offsets of the periods around: a day either side covers any
     * offset; a solution is an instant whose own offset gives (lt). */
    int d[2], dt[2];
    long o[2] = {off_at(lt - 86400, &d[0]), off_at(lt + 86400, &d[1])};
    int64_t t[2] = {lt - o[0], lt - o[1]};
    int ok[2] = {off_at(t[0], &dt[0]) == o[0], off_at(t[1], &dt[1]) == o[1]};

    if (!ok[0] && !ok[1]) {
        /* A gap (clocks skipped (lt)): the time as far past it, the one
         * whose DST differs from (want), or with DST when none was
         * asked (glibc's common practice). */
        int pick = want < 0 ? !dt[0] : (dt[0] != 0) == (want != 0);
        return t[pick];
    }
    int pick = ok[0] ? 0 : 1;
    if (ok[0] && ok[1] && want >= 0 && (dt[0] != 0) != (want != 0))
        pick = 1; /* a repeated hour: the one of the asked kind */
    if (want < 0 || (dt[pick] != 0) == (want != 0))
        return t[pick];
    /* DST asked for a time without it, or the reverse: the offset of the
     * nearest time of the asked kind within 17 years, in glibc's weekly
     * strides; else the usual hour. */
    for (int64_t delta = 601200; delta < 536454000; delta += 601200)
        for (int dir = -1; dir <= 1; dir += 2) {
            int dd;
            long od = off_at(t[pick] + dir * delta, &dd);
            if ((dd != 0) == (want != 0))
                return lt - od;
        }
    return t[pick] + (want ? -3600 : 3600);
}

time_t mktime(struct tm *tm)
{
    /* The fields as if in UTC, normalized by the day count. */
    int64_t mon = tm->tm_mon, y = (int64_t)tm->tm_year + 1900 + mon / 12;
    mon %= 12;
    if (mon < 0) {
        mon += 12;
        y--;
    }
    int64_t lt = (ig_tz_days(y, (int)mon + 1, 1) + tm->tm_mday - 1) * 86400 +
                 (int64_t)tm->tm_hour * 3600 + (int64_t)tm->tm_min * 60 +
                 tm->tm_sec;
    __tz_lock();
    _tzset_unlocked_r(_REENT);
    int64_t t = solve(lt, tm->tm_isdst);
    __tz_unlock();
    struct tm out;
    if (!localtime_r(&t, &out))
        return (time_t)-1;
    *tm = out;
    return (time_t)t;
}

struct tm *localtime(const time_t *tp)
{
    static struct tm tm;

    return localtime_r(tp, &tm);
}

char *ctime_r(const time_t *tp, char *buf)
{
    struct tm tm;

    return localtime_r(tp, &tm) ? asctime_r(&tm, buf) : NULL;
}

char *ctime(const time_t *tp)
{
    struct tm *tm = localtime(tp);

    return tm ? asctime(tm) : NULL;
}
