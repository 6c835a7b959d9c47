/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fork_unused.c: fork() in a function nothing calls is still reported. */
#include <stdio.h>
#include <unistd.h>

static __attribute__((unused)) void never_called(void)
{
    if (fork() == 0)
        _exit(0);
}

int main(void)
{
    puts("no fork was ever called");
    return 0;
}
