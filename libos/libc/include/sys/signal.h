/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/signal.h: the same as <signal.h>, as on Linux (replaces newlib's). */
#ifndef _SYS_SIGNAL_H
#define _SYS_SIGNAL_H

#include <signal.h>

#endif /* _SYS_SIGNAL_H */
