/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/random.h: getrandom(), as on Linux. */
#ifndef INGOT_SYS_RANDOM_H
#define INGOT_SYS_RANDOM_H

#include <sys/types.h>

#define GRND_NONBLOCK 0x01
#define GRND_RANDOM 0x02

ssize_t getrandom(void *buf, size_t len, unsigned int flags);
int getentropy(void *buf, size_t len);

#endif /* INGOT_SYS_RANDOM_H */
