/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* env.c: what a container's process finds: PATH, HOME and a writable /tmp. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

int main(void)
{
    struct stat st;
    const char *path = getenv("PATH"), *home = getenv("HOME");

    printf("PATH=%s\n", path ? path : "(unset)");
    printf("HOME=%s\n", home ? home : "(unset)");
    if (stat("/tmp", &st) != 0) {
        printf("/tmp: missing\n");
        return 1;
    }
    printf("/tmp: directory %d\n", S_ISDIR(st.st_mode));
    FILE *f = fopen("/tmp/probe", "w");
    printf("/tmp writable: %d\n", f != NULL && fputs("x", f) >= 0);
    return 0;
}
