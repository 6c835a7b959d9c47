/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* own_names.c: a program's own function named like an unsupported API is
 * its business: nothing is reported. */
#include <stdio.h>

static int system(const char *cmd)
{
    return printf("would run %s\n", cmd) < 0;
}

int main(void)
{
    return system("ls");
}
