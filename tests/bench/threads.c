/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* threads.c: cost of thread create+join and of a mutex/condvar ping-pong. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static void *nothing(void *arg)
{
    return arg;
}

/* Two threads hand a token back and forth under one mutex: each round trip
 * is two condvar signals, two waits and two thread switches. */
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int turn, rounds;

static void *pong(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    for (int i = 0; i < rounds; i++) {
        while (turn != 1)
            pthread_cond_wait(&cv, &mu);
        turn = 0;
        pthread_cond_signal(&cv);
    }
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(int argc, char **argv)
{
    int creates = argc > 1 ? atoi(argv[1]) : 2000;
    rounds = argc > 2 ? atoi(argv[2]) : 20000;
    pthread_t t;

    double t0 = now_ns();
    for (int i = 0; i < creates; i++) {
        void *ret;
        if (pthread_create(&t, NULL, nothing, &t) != 0 ||
            pthread_join(t, &ret) != 0 || ret != &t) {
            printf("FAIL: create/join %d\n", i);
            return 1;
        }
    }
    double t1 = now_ns();

    pthread_create(&t, NULL, pong, NULL);
    pthread_mutex_lock(&mu);
    for (int i = 0; i < rounds; i++) {
        turn = 1;
        pthread_cond_signal(&cv);
        while (turn != 0)
            pthread_cond_wait(&cv, &mu);
    }
    pthread_mutex_unlock(&mu);
    pthread_join(t, NULL);
    double t2 = now_ns();

    printf("create+join %.0f ns  ping-pong round trip %.0f ns\n",
           (t1 - t0) / creates, (t2 - t1) / rounds);
    return 0;
}
