/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* util.h: shared declarations of the multi-file test. */
#ifndef UTIL_H
#define UTIL_H

const char *util_greeting(void);
int util_sum(int a, int b);

#endif
