/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* exec_probe.c: what a program executed directly sees of its host. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* With "outside PATH": tries to create PATH and says whether it could. */
static int outside(const char *path)
{
    FILE *f = fopen(path, "w");
    printf("create %s: %s\n", path, f ? "allowed" : strerror(errno));
    if (f)
        fclose(f);
    return 0;
}

/* With "flood" (and "ign": SIGPIPE ignored): writes lines until standard
 * output fails, and says how on standard error: ENOSPC for /dev/full,
 * SIGPIPE or EPIPE when the reader has gone. */
static int flood(int ign)
{
    if (ign)
        signal(SIGPIPE, SIG_IGN);
    for (int i = 0; i < 100000; i++)
        if (printf("line %d\n", i) < 0) {
            fprintf(stderr, "printf: %s\n", strerror(errno));
            return 3;
        }
    if (fflush(stdout) != 0) {
        fprintf(stderr, "fflush: %s\n", strerror(errno));
        return 4;
    }
    return 0;
}

int main(int argc, char **argv)
{
    char buf[4096];
    const char *want_cwd = getenv("PROBE_CWD");
    const char *file = getenv("PROBE_FILE");

    if (argc == 3 && strcmp(argv[1], "outside") == 0)
        return outside(argv[2]);
    if (argc >= 2 && strcmp(argv[1], "flood") == 0)
        return flood(argc == 3);
    /* stdout to a file or pipe is buffered in blocks, not by line: the
     * printf'ed line leaves after the write(2) one. */
    if (argc == 2 && strcmp(argv[1], "order") == 0) {
        printf("printf, buffered\n");
        return write(1, "write(2), at once\n", 18) == 18 ? 0 : 1;
    }
    printf("argc %d\n", argc);
    for (int i = 1; i < argc; i++)
        printf("argv[%d] [%s]\n", i, argv[i]);
    printf("PROBE_TEXT [%s]\n", getenv("PROBE_TEXT"));
    printf("UNSET [%s]\n", getenv("PROBE_UNSET") ? "set" : "unset");
    printf("cwd %s\n",
           getcwd(buf, sizeof(buf)) && want_cwd && strcmp(buf, want_cwd) == 0
               ? "as expected"
               : "differs");
    /* A host file outside the working directory, by absolute path. */
    FILE *f = file ? fopen(file, "r") : NULL;
    printf("read host file: %s",
           f && fgets(buf, sizeof(buf), f) ? buf : "failed\n");
    if (f)
        fclose(f);
    /* Files beneath the working directory: create, write, read back. */
    f = fopen("sub/made.txt", "w");
    if (!f) {
        printf("create sub/made.txt: %s\n", strerror(errno));
    } else {
        fprintf(f, "made by %d args\n", argc);
        fclose(f);
        f = fopen("sub/made.txt", "r");
        printf("read back: %s",
               f && fgets(buf, sizeof(buf), f) ? buf : "failed\n");
        if (f)
            fclose(f);
    }
    fflush(stdout);
    return argc + 40;
}
