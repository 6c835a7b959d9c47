/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* tzone.c: local time in a time zone: localtime, mktime, strftime's %Z
 * and %z, tzset's variables; on Ingot from the rootfs's /etc/localtime
 * or /usr/share/zoneinfo, natively from TZ naming the same zone: the
 * outputs must be identical (a differential test). */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <time.h>

static void show(time_t t)
{
    struct tm tm;
    char buf[80];

    if (!localtime_r(&t, &tm)) {
        printf("%12lld: localtime failed\n", (long long)t);
        return;
    }
    strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %Z %z", &tm);
    printf("%12lld: %s dst %d yday %d wday %d\n", (long long)t, buf,
           tm.tm_isdst, tm.tm_yday, tm.tm_wday);
}

static void make(int y, int mon, int d, int h, int mi, int isdst)
{
    struct tm tm = {.tm_year = y - 1900,
                    .tm_mon = mon - 1,
                    .tm_mday = d,
                    .tm_hour = h,
                    .tm_min = mi,
                    .tm_isdst = isdst};
    char buf[80];
    time_t t = mktime(&tm);

    strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M %Z", &tm);
    printf("mktime %04d-%02d-%02d %02d:%02d dst %2d: %lld -> %s dst %d\n", y,
           mon, d, h, mi, isdst, (long long)t, buf, tm.tm_isdst);
}

int main(void)
{
    /* Transitions of Europe/Berlin and America/New_York (2024-2025),
     * each a second before and at; far past (LMT), 1970, far future
     * (the file's POSIX rule). */
    static const time_t when[] = {
        -5000000000, -2422054409, -2422054408, 0,          1000000000,
        1711846799,  1711846800,  1729990799,  1729990800, 1710054000,
        1710053999,  1730613600,  1730613599,  1741482000, 1743296400,
        1751328000,  4102444800,  4118000000,  7258118400, 7270000000,
    };

    setvbuf(stdout, NULL, _IOLBF, 0);
    tzset();
    printf("tzname %s %s timezone %ld daylight %d\n", tzname[0], tzname[1],
           timezone, daylight);
    for (size_t i = 0; i < sizeof(when) / sizeof(when[0]); i++)
        show(when[i]);
    make(2024, 1, 15, 12, 0, -1);
    make(2024, 7, 15, 12, 0, -1);
    make(2024, 7, 15, 12, 0, 0);
    make(2024, 1, 15, 12, 0, 1);
    make(2024, 3, 31, 2, 30, -1);
    make(2024, 3, 10, 2, 30, -1);
    make(2024, 13, 45, 25, 61, -1);
    make(2040, 6, 1, 0, 0, -1);
    /* ctime and asctime go through localtime too. */
    time_t t = 1729990800;
    printf("ctime %s", ctime(&t));
    printf("tzone: done\n");
    return 0;
}
