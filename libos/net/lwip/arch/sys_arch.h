/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys_arch.h: lwIP's OS layer; empty because Ingot runs lwIP with NO_SYS. */
#ifndef INGOT_LWIP_ARCH_SYS_ARCH_H
#define INGOT_LWIP_ARCH_SYS_ARCH_H

/* With NO_SYS lwIP needs only sys_now() (sys_arch.c) and no semaphores,
 * mailboxes or threads. */

#endif /* INGOT_LWIP_ARCH_SYS_ARCH_H */
