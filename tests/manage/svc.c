/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* svc.c: a service for the instance-management tests (manage.sh):
 *   svc serve     prints "ready" (and a line on stderr), then waits; its
 *                 SIGTERM handler prints "handled SIGTERM" and exits 0
 *   svc exit N    prints "exiting N" and exits with N
 *   svc ignore    prints "ready", ignores SIGTERM and waits
 *   svc crash     dereferences NULL (a crash report, status 255)
 *   svc spam N    prints N numbered lines, "spam done", exits 0 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void on_term(int sig)
{
    static const char msg[] = "handled SIGTERM\n";
    (void)sig;
    if (write(1, msg, sizeof(msg) - 1) < 0)
        _exit(1);
    _exit(0);
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "serve";

    if (strcmp(mode, "exit") == 0 && argc > 2) {
        printf("exiting %s\n", argv[2]);
        return atoi(argv[2]);
    }
    if (strcmp(mode, "crash") == 0) {
        printf("about to crash\n");
        fflush(stdout);
        volatile int *p = NULL;
        return *p;
    }
    if (strcmp(mode, "spam") == 0 && argc > 2) {
        int n = atoi(argv[2]);
        for (int i = 0; i < n; i++)
            printf("spam %05d %s\n", i, "................................");
        printf("spam done\n");
        return 0;
    }
    signal(SIGTERM, strcmp(mode, "ignore") == 0 ? SIG_IGN : on_term);
    printf("ready\n");
    fflush(stdout);
    fprintf(stderr, "svc: a line on stderr\n");
    for (;;)
        pause();
}
