/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* time.h: newlib's time.h plus the XSI variables under their Linux names. */
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

#endif /* INGOT_TIME_H */
