/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* time.c: wall clock, monotonic clock and sleeping behave plausibly. */
#include <stdio.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static double now(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void)
{
    time_t t = time(NULL);
    struct timeval tv;
    struct tm tm;
    int fail = 0;

    /* Each line as it happens: a run stopped because a sleep never ends
     * then shows which one it was. */
    setvbuf(stdout, NULL, _IOLBF, 0);
    gettimeofday(&tv, NULL);
    gmtime_r(&t, &tm);
    printf("year %d\n", tm.tm_year + 1900);
    if (tm.tm_year + 1900 < 2024 || tv.tv_sec < t - 5 || tv.tv_sec > t + 5) {
        printf("FAIL: wall clock implausible (%lld, %lld)\n", (long long)t,
               (long long)tv.tv_sec);
        fail = 1;
    }
    double m0 = now(CLOCK_MONOTONIC);
    usleep(100000);
    double m1 = now(CLOCK_MONOTONIC);
    printf("usleep(100 ms) took %.0f ms\n", (m1 - m0) * 1000);
    if (m1 - m0 < 0.1 || m1 - m0 > 5.0) {
        printf("FAIL: usleep(100 ms) took %f s\n", m1 - m0);
        fail = 1;
    }
    struct timespec req = {0, 50 * 1000 * 1000};
    m0 = now(CLOCK_MONOTONIC);
    nanosleep(&req, NULL);
    m1 = now(CLOCK_MONOTONIC);
    printf("nanosleep(50 ms) took %.0f ms\n", (m1 - m0) * 1000);
    if (m1 - m0 < 0.05 || m1 - m0 > 5.0) {
        printf("FAIL: nanosleep(50 ms) took %f s\n", m1 - m0);
        fail = 1;
    }
    clock_t c = clock();
    printf("clock() %s\n", c > 0 ? "advances" : "is zero");
    if (!fail)
        printf("time: SUCCESS\n");
    return fail;
}
