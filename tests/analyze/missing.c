/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* missing.c: calls a function no object and no library defines. */
extern int frobnicate(int);

int main(void)
{
    return frobnicate(3);
}
