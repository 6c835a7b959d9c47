/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* debuggee.c: what the gdb and core file tests look at (gdb.sh). */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>

int debug_counter = 41;     /* a global */
__thread int debug_tls = 7; /* a thread-local variable */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int done;

/* Blocks until main is done: a second thread for `info threads`. */
static void *debug_worker(void *arg)
{
    (void)arg;
    debug_tls = 100;
    pthread_mutex_lock(&lock);
    while (!done)
        pthread_cond_wait(&cond, &lock);
    pthread_mutex_unlock(&lock);
    return NULL;
}

__attribute__((noinline)) int debug_compute(int x)
{
    int doubled = x * 2;

    debug_counter += doubled;
    return doubled;
}

__attribute__((noinline)) void debug_crash(int *p)
{
    *p = debug_counter; /* the faulting line */
}

int main(int argc, char **argv)
{
    pthread_t t;

    pthread_create(&t, NULL, debug_worker, NULL);
    sched_yield(); /* the worker runs until it waits */
    debug_tls = 8;
    int r = debug_compute(21);
    printf("debuggee: %d %d %d\n", r, debug_counter, debug_tls);
    fflush(stdout);
    if (argc > 1 && strcmp(argv[1], "crash") == 0)
        debug_crash((int *)(long)(argc - 2));
    pthread_mutex_lock(&lock);
    done = 1;
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&lock);
    pthread_join(t, NULL);
    return 0;
}
