/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* greet.h: the installed library's header. */
#define GREET_VERSION "2.1"
const char *greet(void);
