/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/select.h: newlib's fd_set sized as Linux's (1024 descriptors). */
#ifndef INGOT_SYS_SELECT_H
#define INGOT_SYS_SELECT_H

/* newlib's default is 64, which programs written for Linux overrun. */
#ifndef FD_SETSIZE
#define FD_SETSIZE 1024
#endif
#include_next <sys/select.h>

#endif /* INGOT_SYS_SELECT_H */
