/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sock.c: references the socket API, so the net component is selected. */
#include <stdio.h>

extern int socket(int domain, int type, int protocol);

int main(int argc, char **argv)
{
    (void)argv;
    if (argc > 100)
        return socket(2, 1, 0);
    puts("sockets linked");
    return 0;
}
