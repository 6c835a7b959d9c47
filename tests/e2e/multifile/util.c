/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* util.c: the second translation unit of the multi-file test. */
#include "util.h"

const char *util_greeting(void)
{
    return GREETING;
}

int util_sum(int a, int b)
{
    return a + b;
}
