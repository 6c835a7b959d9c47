/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_tz.c: host unit test of TZif files and TZ strings (tzif.c,
 * tzrule.c) against the host's glibc on the host's zones. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tz_internal.h"
#include "unit.h"

static int compared;

/* ig_tz_at agrees with glibc's localtime_r under TZ=(tz) at (t). */
static void same(const struct ig_tz *z, const char *tz, int64_t t)
{
    struct tm tm;
    time_t tt = (time_t)t;
    long off;
    int dst;
    const char *abbr;

    if (!localtime_r(&tt, &tm))
        return;
    ig_tz_at(z, t, &off, &dst, &abbr);
    if (off != tm.tm_gmtoff || dst != (tm.tm_isdst > 0) ||
        strcmp(abbr, tm.tm_zone) != 0) {
        printf("%s at %lld: ours %ld %d %s, glibc %ld %d %s\n", tz,
               (long long)t, off, dst, abbr, tm.tm_gmtoff, tm.tm_isdst,
               tm.tm_zone);
        CHECK(0);
    }
    compared++;
}

static void sweep(const struct ig_tz *z, const char *tz)
{
    setenv("TZ", tz, 1);
    tzset();
    for (uint32_t i = 0; i < z->ntrans; i++)
        for (int d = -2; d <= 1; d++)
            same(z, tz, z->trans[i] + d);
    /* 1890 to 2150 in prime steps, through the rule's years. */
    for (int64_t t = -2524521600; t < 5679878400; t += 86399 * 7 + 3607)
        same(z, tz, t);
}

static void zone_file(const char *name)
{
    char path[256];
    struct ig_tz z;

    snprintf(path, sizeof(path), "/usr/share/zoneinfo/%s", name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return; /* no tzdata: the rule tests still run */
    static unsigned char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof(buf), f);
    fclose(f);
    CHECK(ig_tzif_parse(buf, n, &z) == 0);
    sweep(&z, name);
    /* Every truncation is refused (or, for a cut inside the footer's
     * second half, still parses) without reading past the end. */
    for (size_t cut = 0; cut < n; cut += 7) {
        unsigned char *c = malloc(cut ? cut : 1);
        memcpy(c, buf, cut);
        struct ig_tz t;
        if (ig_tzif_parse(c, cut, &t) == 0)
            ig_tz_free(&t);
        free(c);
    }
    ig_tz_free(&z);
}

static void rules(void)
{
    static const char *const good[] = {
        "EST5EDT,M3.2.0,M11.1.0",
        "CET-1CEST,M3.5.0,M10.5.0/3",
        "<+0330>-3:30",
        "NZST-12NZDT,M9.5.0,M4.1.0/3",
        "<-03>3<-02>,M3.5.0/-2,M10.5.0/-1",
        "AAA3BBB,J60/2,J300/2",
        "XXX-10YYY-11,0/2,200/3",
    };
    static const char *const bad[] = {
        "",
        "E5",
        "EST",
        "EST5EDT,M13.1.0,M11.1.0",
        "EST5EDT,M3.6.0,M11.1.0",
        "EST5EDT,M3.2.7,M11.1.0",
        "EST25",
        "EST5EDT,J0,J10",
        "EST5EDT,366,1",
        "<E5",
        "EST5EDT,M3.2.0/168,M11.1.0",
        "EST5EDT,M3.2.0",
        "EST5:60",
        "EST5EDT,M3.2.0,M11.1.0x",
        "<ABCDEFGHIJKLMNOPQ>5",
    };
    struct ig_tz z;

    for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
        memset(&z, 0, sizeof(z));
        CHECK(ig_tzrule_parse(good[i], &z.rule) == 0);
        z.has_rule = 1;
        sweep(&z, good[i]);
    }
    /* Parsed (glibc reads a file of that name instead, so no sweep). */
    CHECK(ig_tzrule_parse("EST5EDT", &z.rule) == 0 && z.rule.has_dst &&
          z.rule.dstoff == -4 * 3600 && z.rule.start.m == 3);
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        CHECK(ig_tzrule_parse(bad[i], &z.rule) == -EINVAL);
}

static void calendar(void)
{
    for (int64_t d = -800000; d < 800000; d += 97) {
        int64_t y;
        int m, dd;
        ig_tz_civil(d, &y, &m, &dd);
        CHECK(ig_tz_days(y, m, dd) == d);
    }
    CHECK(ig_tz_days(1970, 1, 1) == 0 && ig_tz_days(2000, 3, 1) == 11017);
}

int main(void)
{
    static const char *const zones[] = {
        "Europe/Berlin",       "America/New_York",
        "Australia/Lord_Howe", "Asia/Kolkata",
        "America/Sao_Paulo",   "Pacific/Chatham",
        "Africa/Casablanca",   "UTC",
        "Europe/Dublin",
    };
    calendar();
    rules();
    for (size_t i = 0; i < sizeof(zones) / sizeof(zones[0]); i++)
        zone_file(zones[i]);
    printf("compared %d local times with glibc\n", compared);
    return unit_done();
}
