/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* gentab.c: code generator: a table of powers of two as C source. */
#include <stdio.h>

int main(void)
{
    printf("static const unsigned long powers[] = {");
    for (int i = 0; i < 16; i++)
        printf("%s%lu", i ? ", " : "", 1ul << i);
    printf("};\n");
    return 0;
}
