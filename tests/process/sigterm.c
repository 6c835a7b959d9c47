/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sigterm.c: waits for a signal from the host: sigterm handle DIR writes
 * DIR/stopped from its SIGTERM handler and exits 0; sigterm ignore ignores
 * SIGTERM; sigterm default keeps SIGINT's default action. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *dir;

static void on_term(int sig)
{
    char path[256];

    snprintf(path, sizeof(path), "%s/stopped", dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        dprintf(fd, "handled signal %d\n", sig);
        close(fd);
    }
    _exit(0);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    if (strcmp(argv[1], "handle") == 0 && argc > 2) {
        dir = argv[2];
        signal(SIGTERM, on_term);
    } else if (strcmp(argv[1], "ignore") == 0) {
        signal(SIGTERM, SIG_IGN);
    }
    printf("ready\n");
    fflush(stdout);
    for (;;)
        pause();
}
