/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sleeper.c: announces itself, then sleeps for a minute (interrupt tests). */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    printf("sleeping\n");
    fflush(stdout);
    sleep(60);
    printf("woke up\n");
    return 0;
}
