/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fnptr.c: taking an unsupported function's address is a reference too. */
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

static pid_t (*const spawners[])(void) = {fork};

int main(int argc, char **argv)
{
    int (*run)(const char *) = system;
    (void)argv;
    if (argc > 5)
        return run("true") + (int)spawners[0]();
    return 0;
}
