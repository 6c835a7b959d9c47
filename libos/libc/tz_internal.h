/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* tz_internal.h: time zones: TZif files (tzif.c), POSIX TZ rules
 * (tzrule.c) and the local time they give (tz.c). */
#ifndef INGOT_TZ_INTERNAL_H
#define INGOT_TZ_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

/*
 * A zone is what a TZif file (RFC 8536) holds: transition times, each
 * starting a local time type (offset from UTC, DST or not, abbreviation),
 * and, from version 2 on, a POSIX TZ rule for times after the last
 * transition.  A TZ string that names no file is a zone with only the
 * rule.  ig_tzif_parse() or ig_tz_from_rule() fill one, ig_tz_at() asks
 * it, ig_tz_free() lets go of what the parse allocated.
 */
#define IG_TZ_ABBR_MAX 15 /* longest abbreviation kept (bytes) */

/* One half of a rule's year: its abbreviation, offset (seconds east of
 * UTC), and the day and time its period starts. */
struct ig_tzrule_when {
    char kind;   /* 'J' (Jn, no Feb 29), 'D' (n, from 0), 'M' (Mm.w.d) */
    int m, w, d; /* M: month, week (5: last), weekday; J, D: d the day */
    long secs;   /* seconds after local midnight (-167 h .. 167 h) */
};
struct ig_tzrule {
    char std[IG_TZ_ABBR_MAX + 1], dst[IG_TZ_ABBR_MAX + 1];
    long stdoff, dstoff; /* seconds east of UTC */
    int has_dst;
    struct ig_tzrule_when start, end; /* DST starts, DST ends */
};

struct ig_tz_type {
    int32_t utoff;
    uint8_t isdst;
    uint8_t abbr; /* index into chars */
};

struct ig_tz {
    uint32_t ntrans, ntypes, nchars;
    int64_t *trans; /* ascending */
    uint8_t *idx;   /* the type each transition starts */
    struct ig_tz_type *types;
    char *chars; /* NUL-terminated abbreviations */
    int has_rule;
    struct ig_tzrule rule;
};

/* Parses TZif data (buf, len), versions 1 to 4 (a version 2+ file's
 * 64-bit block and footer).  Every count, size and index is checked
 * against the data.  Returns 0 or -EINVAL (malformed: nothing is left
 * allocated) or -ENOMEM. */
int ig_tzif_parse(const void *buf, size_t len, struct ig_tz *out);
void ig_tz_free(struct ig_tz *z);

/* Parses POSIX TZ string (s) ("CET-1CEST,M3.5.0,M10.5.0/3", with
 * <...> quoted names and TZif v3's extended hours) into (r).  Returns 0
 * or -EINVAL. */
int ig_tzrule_parse(const char *s, struct ig_tzrule *r);

/* The local time type of zone (z) at (t) seconds since 1970 UTC: offset
 * east of UTC into (*utoff), (*isdst), the abbreviation into (*abbr). */
void ig_tz_at(const struct ig_tz *z, int64_t t, long *utoff, int *isdst,
              const char **abbr);
/* Same for a rule alone. */
void ig_tzrule_at(const struct ig_tzrule *r, int64_t t, long *utoff, int *isdst,
                  const char **abbr);

/* Days since 1970-01-01 of (y, m (1-12), d), and back. */
int64_t ig_tz_days(int64_t y, int m, int d);
void ig_tz_civil(int64_t days, int64_t *y, int *m, int *d);

#endif /* INGOT_TZ_INTERNAL_H */
