/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* hello_greet.c: uses a library installed into the sysroot. */
#include <greet.h>
#include <stdio.h>

int main(void)
{
#ifdef GREET_PKGCONFIG
    printf("flags from pkg-config; ");
#endif
    printf("%s\n", greet());
    return 0;
}
