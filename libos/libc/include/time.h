/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* time.h: newlib's time.h plus the XSI variables under their Linux names
 * and Linux's clocks in every feature mode. */
#ifndef INGOT_TIME_H
#define INGOT_TIME_H

#include_next <time.h>

/* XSI names the variables tzset() sets `timezone` and `daylight`; newlib
 * keeps them as _timezone and _daylight.  The asm labels make the Linux
 * names refer to newlib's variables (a macro would also rename `struct
 * timezone`). */
#if __XSI_VISIBLE || __SVID_VISIBLE
extern long timezone __asm__("_timezone");
extern int daylight __asm__("_daylight");
#endif

/* Linux's other clocks, visible by default as glibc makes them (newlib
 * names them only with _GNU_SOURCE, with these values); CLOCK_TAI is
 * newlib's missing one.  The numbers are newlib's, like CLOCK_REALTIME's
 * and CLOCK_MONOTONIC's: programs name clocks by these macros. */
#ifndef CLOCK_REALTIME_COARSE
#define CLOCK_REALTIME_COARSE ((clockid_t)0)
#define CLOCK_MONOTONIC_RAW ((clockid_t)5)
#define CLOCK_MONOTONIC_COARSE ((clockid_t)6)
#define CLOCK_BOOTTIME ((clockid_t)7)
#define CLOCK_REALTIME_ALARM ((clockid_t)8)
#define CLOCK_BOOTTIME_ALARM ((clockid_t)9)
#endif
#ifndef CLOCK_TAI
#define CLOCK_TAI ((clockid_t)11)
#endif

#endif /* INGOT_TIME_H */
