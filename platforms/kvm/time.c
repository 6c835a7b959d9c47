/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* time.c: monotonic clock (TSC), wall clock (CMOS RTC once), idle. */
#include <ingot/plat.h>

#include "kvm_internal.h"
#include "x86_64/x86.h"

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

#define NS_PER_SEC 1000000000ull

static uint64_t mono_last;
static int wall_known;
static uint64_t wall_at_read; /* ns since the epoch when the RTC was read */
static uint64_t mono_at_read;

uint64_t ig_plat_clock_monotonic(void)
{
    uint64_t ns = ig_kvm_tsc_ns();

    /* The TSC of one vCPU does not go back, but a VMM that migrates the
     * vCPU between unsynchronised host TSCs could; never report that. */
    if (ns < mono_last)
        ns = mono_last;
    mono_last = ns;
    return ns;
}

uint64_t ig_plat_clock_since_entry(void)
{
    /* Read before a first-use calibration could add its milliseconds. */
    return ig_kvm_tsc_to_ns(ig_arch_rdtsc());
}

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

uint64_t ig_plat_clock_wall(void)
{
    /* The RTC has one-second resolution and costs port accesses, so read
     * it once and advance it with the monotonic clock from then on. */
    if (!wall_known) {
        wall_at_read = rtc_seconds() * NS_PER_SEC;
        mono_at_read = ig_plat_clock_monotonic();
        wall_known = 1;
        if (wall_at_read == 0)
            ig_kvm_puts("kvm: no usable CMOS RTC; wall clock starts at "
                        "1970-01-01\n");
    }
    return wall_at_read + (ig_plat_clock_monotonic() - mono_at_read);
}

void ig_plat_idle(uint64_t deadline)
{
    uint64_t now;

    /*
     * Halt until the local APIC timer fires at the deadline or a device
     * interrupts (irq.c).  Without a deadline, halt for at most a second
     * when some device can interrupt; with no event source at all (no
     * devices), return after a short spin instead of hanging, which
     * plat.h allows (callers re-check).
     */
    if (deadline == UINT64_MAX) {
        if (ig_kvm_irq_sources() == 0) {
            for (int i = 0; i < 1000; i++)
                ig_arch_pause();
            return;
        }
        ig_arch_lapic_halt_ns(NS_PER_SEC);
        return;
    }
    now = ig_plat_clock_monotonic();
    if (now < deadline)
        ig_arch_lapic_halt_ns(deadline - now);
}
