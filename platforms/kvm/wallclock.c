/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* wallclock.c: the wall clock: the host's (kvm_abi.h ESC 'C'), else the RTC. */
#include <ingot/plat.h>

#include "kvm_internal.h"
#include "x86_64/x86.h"

/*
 * The CMOS RTC has whole seconds, and QEMU's runs up to a second behind
 * the host: it starts from the host's time of day cut to the second.  So
 * the RTC only starts the clock; `ingot run` sends the host's own time
 * once a second on the console (kvm_abi.h), and the wall clock is the
 * monotonic clock plus an offset taken from those readings.  A reading
 * is never ahead of the truth (it is taken before it travels), so one
 * that came late (the guest busy, the host loaded) is lower than the
 * last: it is passed over while it is lower by more than the last has
 * aged (AGE_PPM of the time since), twice at most in a row, so a TSC
 * that runs fast (a calibration off under load) is still followed.  The
 * clock returned never goes back.
 */
#define NS_PER_SEC 1000000000ull
#define AGE_PPM 10000 /* 10 ms a second */
#define SKIP_MAX 2

static int known, from_host;
static uint64_t off;    /* wall = monotonic + off */
static uint64_t off_at; /* the monotonic time (off) was taken at */
static uint64_t last;   /* the last value returned */
static int skipped;     /* late readings passed over in a row */

#define CMOS_INDEX 0x70
#define CMOS_DATA 0x71
#define RTC_SEC 0x00
#define RTC_MIN 0x02
#define RTC_HOUR 0x04
#define RTC_MDAY 0x07
#define RTC_MON 0x08
#define RTC_YEAR 0x09
#define RTC_STATUS_A 0x0a
#define RTC_STATUS_B 0x0b
#define RTC_A_UIP 0x80 /* update in progress: fields are changing */
#define RTC_B_24H 0x02
#define RTC_B_BINARY 0x04
#define RTC_HOUR_PM 0x80     /* 12-hour mode only */
#define RTC_UIP_POLLS 100000 /* UIP lasts < 2 ms */

static uint8_t cmos(uint8_t reg)
{
    ig_arch_outb(CMOS_INDEX, reg);
    return ig_arch_inb(CMOS_DATA);
}

struct rtc_time {
    uint8_t sec, min, hour, mday, mon, year, status_b;
};

/* Reads the fields once no update is in progress; returns -1 if the RTC
 * never leaves the update (absent device). */
static int rtc_read(struct rtc_time *t)
{
    int polls = 0;

    /* An empty port reads all ones; a running RTC never shows that in
     * register A (it would mean its divider is held in reset). */
    if (cmos(RTC_STATUS_A) == 0xff)
        return -1;
    while (cmos(RTC_STATUS_A) & RTC_A_UIP)
        if (++polls == RTC_UIP_POLLS)
            return -1;
    t->sec = cmos(RTC_SEC);
    t->min = cmos(RTC_MIN);
    t->hour = cmos(RTC_HOUR);
    t->mday = cmos(RTC_MDAY);
    t->mon = cmos(RTC_MON);
    t->year = cmos(RTC_YEAR);
    t->status_b = cmos(RTC_STATUS_B);
    return 0;
}

static int same(const struct rtc_time *a, const struct rtc_time *b)
{
    return a->sec == b->sec && a->min == b->min && a->hour == b->hour &&
           a->mday == b->mday && a->mon == b->mon && a->year == b->year &&
           a->status_b == b->status_b;
}

static unsigned bin(uint8_t v, int binary)
{
    return binary ? v : (v >> 4) * 10u + (v & 0x0f);
}

static int leap(unsigned y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Seconds since the epoch, or 0 when the RTC is absent or nonsensical. */
static uint64_t rtc_seconds(void)
{
    static const uint16_t before_month[12] = {0,   31,  59,  90,  120, 151,
                                              181, 212, 243, 273, 304, 334};
    struct rtc_time a, b;
    unsigned sec, min, hour, mday, mon, year;
    int binary, tries = 0;
    uint64_t days;

    /* UIP can rise right after we test it; two equal reads in a row are a
     * consistent snapshot. */
    if (rtc_read(&a) < 0)
        return 0;
    do {
        b = a;
        if (rtc_read(&a) < 0 || ++tries > 10)
            return 0;
    } while (!same(&a, &b));

    binary = a.status_b & RTC_B_BINARY;
    sec = bin(a.sec, binary);
    min = bin(a.min, binary);
    hour = bin(a.hour & (uint8_t)~RTC_HOUR_PM, binary);
    if (!(a.status_b & RTC_B_24H)) /* 12 AM is 0h, 12 PM is 12h */
        hour = hour % 12 + (a.hour & RTC_HOUR_PM ? 12 : 0);
    mday = bin(a.mday, binary);
    mon = bin(a.mon, binary);
    /* The century register's index is in ACPI's FADT; assume 1970-2069. */
    year = bin(a.year, binary);
    year += year < 70 ? 2000 : 1900;
    if (sec > 59 || min > 59 || hour > 23 || mday < 1 || mday > 31 || mon < 1 ||
        mon > 12)
        return 0;

    days = 0;
    for (unsigned y = 1970; y < year; y++)
        days += leap(y) ? 366 : 365;
    days += before_month[mon - 1] + (mon > 2 && leap(year)) + mday - 1;
    return ((days * 24 + hour) * 60 + min) * 60 + sec;
}

/* A lower bound: the wall clock was at least (wall) at monotonic (mono). */
static void bound(uint64_t wall, uint64_t mono, int host)
{
    uint64_t s = wall - mono;

    if (known && (from_host || !host)) {
        uint64_t age = (mono - off_at) / 1000 * AGE_PPM / 1000;
        if (s < off && off - s > age && skipped < SKIP_MAX) {
            skipped++;
            return; /* older but still better */
        }
    }
    skipped = 0;
    known = 1;
    from_host |= host;
    off = s;
    off_at = mono;
}

void ig_kvm_wall_host(uint64_t ns)
{
    uint64_t mono = ig_plat_clock_monotonic();

    /* The first reading replaces the RTC's, even one ahead of it (an
     * RTC set off the host's time). */
    if (ns > mono)
        bound(ns, mono, 1);
}

uint64_t ig_plat_clock_wall(void)
{
    if (!known) {
        /* The RTC costs port accesses: read once.  Its second began at
         * or before the read, so this is a lower bound too. */
        uint64_t s = rtc_seconds() * NS_PER_SEC;
        uint64_t mono = ig_plat_clock_monotonic();
        if (s == 0)
            ig_kvm_puts("kvm: no usable CMOS RTC; wall clock starts at "
                        "1970-01-01\n");
        if (!known) /* no host reading arrived meanwhile */
            bound(s > mono ? s : mono, mono, 0);
    }
    uint64_t now = ig_plat_clock_monotonic() + off;
    if (now < last)
        now = last;
    last = now;
    return now;
}
