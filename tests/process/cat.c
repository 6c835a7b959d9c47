/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cat.c: copies standard input to standard output; the byte count goes to
 * standard error. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    static char buf[65536];
    long total = 0;
    ssize_t n;

    while ((n = read(0, buf, sizeof(buf))) > 0) {
        for (ssize_t off = 0; off < n;) {
            ssize_t w = write(1, buf + off, (size_t)(n - off));
            if (w <= 0)
                return 1;
            off += w;
        }
        total += n;
    }
    if (n < 0) {
        perror("read");
        return 1;
    }
    fprintf(stderr, "cat: %ld bytes\n", total);
    return 0;
}
