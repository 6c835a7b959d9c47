/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* process.c: the exec family, wait and signals meant for other processes. */
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static void on_signal(int sig)
{
    (void)sig;
}

int main(int argc, char **argv)
{
    int status;
    signal(SIGINT, on_signal);
    signal(SIGCHLD, on_signal);
    if (argc > 1)
        execvp(argv[1], argv + 1);
    waitpid(-1, &status, 0);
    kill(getpid(), SIGTERM);
    kill(42, SIGTERM);
    return 0;
}
