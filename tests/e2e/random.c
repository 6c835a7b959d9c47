/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* random.c: /dev/urandom and getrandom() give varied bytes; names source. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

/* Test hook: the platform's device count, from <ingot/plat.h> (4 is
 * IG_PLAT_DEV_RNG), which apps do not otherwise see. */
int ig_plat_dev_count(int kind);

#define LEN (64 * 1024)

static unsigned char a[LEN], b[LEN];

/* Fails on bytes that are constant or biased far beyond chance: each of
 * the 256 values should appear about LEN / 256 = 256 times. */
static int varied(const char *what, const unsigned char *p)
{
    unsigned count[256] = {0};

    for (int i = 0; i < LEN; i++)
        count[p[i]]++;
    for (int v = 0; v < 256; v++) {
        if (count[v] < 128 || count[v] > 512) {
            printf("%s: value %d appears %u times\n", what, v, count[v]);
            return 0;
        }
    }
    printf("%s: %d varied bytes\n", what, LEN);
    return 1;
}

int main(void)
{
    int ok = 1;
    int fd = open("/dev/urandom", O_RDONLY);
    size_t got = 0;

    if (fd < 0) {
        perror("open /dev/urandom");
        return 1;
    }
    while (got < LEN) {
        ssize_t n = read(fd, a + got, LEN - got);
        if (n <= 0) {
            perror("read /dev/urandom");
            return 1;
        }
        got += (size_t)n;
    }
    close(fd);
    for (got = 0; got < LEN;) {
        ssize_t n = getrandom(b + got, LEN - got, 0);
        if (n <= 0) {
            perror("getrandom");
            return 1;
        }
        got += (size_t)n;
    }
    ok &= varied("/dev/urandom", a);
    ok &= varied("getrandom", b);
    if (memcmp(a, b, LEN) == 0) {
        printf("both reads returned the same bytes\n");
        ok = 0;
    }
    printf("rng devices: %d\n", ig_plat_dev_count(4));
    return ok ? 0 : 1;
}
