/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* walltime.c: prints the wall clock as it goes, for walltime.sh to compare
 * with the host's clock as each line arrives. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int lines = argc > 1 ? atoi(argv[1]) : 20;
    int settle = argc > 2 ? atoi(argv[2]) : 3;

    setvbuf(stdout, NULL, _IOLBF, 0);
    /* The first reading, then time for the host's readings to arrive. */
    printf("first %lld\n", (long long)time(NULL));
    sleep((unsigned)settle);
    for (int i = 0; i < lines; i++) {
        struct timespec ts;
        struct timeval tv;
        time_t t;

        clock_gettime(CLOCK_REALTIME, &ts);
        gettimeofday(&tv, NULL);
        t = time(NULL);
        /* The three clocks agree: time() and gettimeofday() follow
         * CLOCK_REALTIME read just before. */
        long long rt_us = (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
        long long tv_us = (long long)tv.tv_sec * 1000000 + tv.tv_usec;
        if (tv_us < rt_us || tv_us - rt_us > 100000 || t < ts.tv_sec ||
            t > ts.tv_sec + 1) {
            printf("FAIL: clocks disagree: realtime %lld us, gettimeofday "
                   "%lld us, time %lld\n",
                   rt_us, tv_us, (long long)t);
            return 1;
        }
        printf("rt %lld.%09ld\n", (long long)ts.tv_sec, ts.tv_nsec);
        usleep(100000);
    }
    printf("walltime: done\n");
    return 0;
}
