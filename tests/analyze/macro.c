/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* macro.c: unsupported calls hidden in a macro body and in its argument. */
#include <unistd.h>

#define SPAWN() vfork()
#define CALL(f) f()

int main(void)
{
    int a = SPAWN();
    int b = CALL(fork);
    return a + b;
}
