/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* features.h: feature-test macros, as Linux programs include them. */
#ifndef INGOT_FEATURES_H
#define INGOT_FEATURES_H

/* newlib's <sys/features.h> turns _GNU_SOURCE, _POSIX_C_SOURCE and friends
 * into its __*_VISIBLE macros.  __GLIBC__ stays undefined on purpose: the
 * C library is newlib, and programs that test for glibc take their
 * portable paths. */
#include <sys/features.h>

#endif /* INGOT_FEATURES_H */
