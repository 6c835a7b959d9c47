/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* greet.c: the installed library. */
#include "greet.h"

const char *greet(void)
{
    return "hello from libgreet " GREET_VERSION;
}
