/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* main.c: a multi-file program built with `make CC=ingot-cc`. */
#include <stdio.h>

#include "util.h"

int main(void)
{
    printf("multifile: %s %d\n", util_greeting(), util_sum(20, 22));
    return util_sum(1, 2) == 3 ? 0 : 1;
}
