/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cc.h: lwIP's compiler and platform hooks for the Ingot library OS. */
#ifndef INGOT_LWIP_ARCH_CC_H
#define INGOT_LWIP_ARCH_CC_H

#include <ingot/console.h>
#include <ingot/panic.h>
#include <limits.h>
#include <stdint.h>
#include <sys/types.h>

/* newlib's <sys/types.h> has BYTE_ORDER and ssize_t; SSIZE_MAX tells
 * lwIP so (it would typedef ssize_t as int otherwise). */
#ifndef SSIZE_MAX
#define SSIZE_MAX LONG_MAX
#endif
#define LWIP_TIMEVAL_PRIVATE 0

/* Random numbers (TCP initial sequence numbers, DNS ids, DHCP xids). */
uint32_t ig_net_rand(void);
#define LWIP_RAND() ig_net_rand()

#define LWIP_PLATFORM_DIAG(x)                                                  \
    do {                                                                       \
        ig_printk x;                                                           \
    } while (0)
#define LWIP_PLATFORM_ASSERT(x) IG_PANIC("lwIP: %s", x)

#endif /* INGOT_LWIP_ARCH_CC_H */
