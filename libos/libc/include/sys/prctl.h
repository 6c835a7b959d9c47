/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/prctl.h: prctl(2) with the kernel's option numbers. */
#ifndef INGOT_SYS_PRCTL_H
#define INGOT_SYS_PRCTL_H

#include <linux/prctl.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Thread names (PR_SET_NAME, PR_GET_NAME), the dumpable, keep-caps,
 * no-new-privs, timer-slack, child-subreaper and parent-death-signal
 * settings are kept and read back; PR_CAPBSET_READ answers 1 for every
 * capability.  Other options fail with EINVAL. */
int prctl(int option, ...);

#ifdef __cplusplus
}
#endif

#endif /* INGOT_SYS_PRCTL_H */
