/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/utsname.h: uname(2), with Linux's field sizes. */
#ifndef INGOT_SYS_UTSNAME_H
#define INGOT_SYS_UTSNAME_H

#ifdef __cplusplus
extern "C" {
#endif

#define _UTSNAME_LENGTH 65

struct utsname {
    char sysname[_UTSNAME_LENGTH];
    char nodename[_UTSNAME_LENGTH];
    char release[_UTSNAME_LENGTH];
    char version[_UTSNAME_LENGTH];
    char machine[_UTSNAME_LENGTH];
    char domainname[_UTSNAME_LENGTH];
};

/* What it reports and why: docs/porting.md ("System identity"). */
int uname(struct utsname *buf);

#ifdef __cplusplus
}
#endif

#endif /* INGOT_SYS_UTSNAME_H */
