/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* noheader.c: dlopen without <dlfcn.h> is still reported; sigaction for
 * SIGINT is not a SIGCHLD problem, signal(SIGCHLD, ...) is. */
#include <signal.h>

static void on_signal(int sig)
{
    (void)sig;
}

int main(void)
{
    struct sigaction sa = {0};
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, 0);
    signal(SIGCHLD, on_signal);
    return dlopen("module.so", 2) != 0;
}
