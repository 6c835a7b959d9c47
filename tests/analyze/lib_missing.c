/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* lib_missing.c: an archive member needing a function nobody defines. */
extern int frobnicate(int);

int helper(int x)
{
    return frobnicate(x);
}
