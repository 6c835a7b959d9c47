/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* use_lib.c: calls into libmissing.a, linked with -L. -lmissing. */
int helper(int);

int main(void)
{
    return helper(1);
}
