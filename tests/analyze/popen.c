/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* popen.c: an unsupported API, which the library OS defines to fail. */
#include <stdio.h>

int main(void)
{
    FILE *f = popen("ls", "r");
    return f != NULL;
}
