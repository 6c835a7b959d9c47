/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* bigenv.c: summarises a large environment and argument list, to compare
 * an image run with the native program. */
#include <stdio.h>
#include <string.h>

extern char **environ;

int main(int argc, char **argv)
{
    unsigned long env_bytes = 0, arg_bytes = 0, sum = 0;
    int nbig = 0;

    for (char **e = environ; *e; e++) {
        if (strncmp(*e, "BIG_", 4) != 0)
            continue;
        nbig++;
        env_bytes += strlen(*e);
        for (const char *p = *e; *p; p++)
            sum = sum * 31 + (unsigned char)*p;
    }
    for (int i = 1; i < argc; i++) {
        arg_bytes += strlen(argv[i]);
        for (const char *p = argv[i]; *p; p++)
            sum = sum * 31 + (unsigned char)*p;
    }
    printf("args %d (%lu bytes), BIG_ variables %d (%lu bytes), hash %lx\n",
           argc - 1, arg_bytes, nbig, env_bytes, sum);
    return 0;
}
