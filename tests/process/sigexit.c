/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sigexit.c: how a signal ends the image: sigexit raise|abort|abort-handler
 * |kill|ignore-abort|pipe|pipe-ignored|socket|alarm SIGNUM. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void returns(int sig)
{
    printf("handler for %d returns\n", sig);
}

int main(int argc, char **argv)
{
    int sig = argc > 2 ? atoi(argv[2]) : SIGTERM;

    if (argc < 2)
        return 2;
    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("sending %d\n", sig);
    if (strcmp(argv[1], "raise") == 0)
        raise(sig);
    else if (strcmp(argv[1], "kill") == 0)
        kill(getpid(), sig);
    else if (strcmp(argv[1], "abort") == 0)
        abort();
    else if (strcmp(argv[1], "abort-handler") == 0) {
        signal(SIGABRT, returns);
        abort();
    } else if (strcmp(argv[1], "ignore-abort") == 0) {
        signal(SIGABRT, SIG_IGN);
        abort();
    } else if (strcmp(argv[1], "pipe") == 0 ||
               strcmp(argv[1], "pipe-ignored") == 0) {
        int fds[2];
        if (argv[1][4])
            signal(SIGPIPE, SIG_IGN);
        pipe(fds);
        close(fds[0]);
        if (write(fds[1], "x", 1) < 0 && errno == EPIPE)
            printf("write: EPIPE\n");
    } else if (strcmp(argv[1], "socket") == 0) {
        int sv[2];
        socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
        close(sv[0]);
        send(sv[1], "x", 1, 0);
    } else if (strcmp(argv[1], "alarm") == 0) {
        alarm(1); /* SIGALRM's default action ends the image: 142 */
        for (;;)
            pause();
    }
    printf("still running\n");
    return 0;
}
