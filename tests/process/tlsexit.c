/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* tlsexit.c: thread-local storage, key destructors, atexit and stdio at
 * the end of a process, in Linux's order. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static _Thread_local int tl = 7;
static pthread_key_t key;

/* Called when a thread that set (key) ends, again while it sets it anew
 * (up to PTHREAD_DESTRUCTOR_ITERATIONS rounds), never at exit(). */
static void destructor(void *v)
{
    static int again;
    printf("key destructor %s\n", (const char *)v);
    if (strcmp(v, "worker") == 0 && !again++)
        pthread_setspecific(key, "worker, set again");
}

static void first(void)
{
    printf("atexit first registered, runs last\n");
}

static void second(void)
{
    /* exit() flushes stdio after the handlers: this still comes out. */
    printf("atexit second registered, runs first (tl %d)\n", tl);
}

static void *worker(void *arg)
{
    printf("worker tl %d\n", tl);
    tl = 42;
    printf("worker tl now %d\n", tl);
    pthread_setspecific(key, "worker");
    if (arg && strcmp(arg, "thread-exit") == 0) {
        printf("worker calls exit(5)\n");
        exit(5);
    }
    return NULL;
}

static void *late(void *arg)
{
    (void)arg;
    usleep(100000);
    printf("late thread ends the process\n");
    return NULL;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    pthread_t t;

    setvbuf(stdout, NULL, _IOFBF, 4096); /* a pipe's buffering, anywhere */
    if (pthread_key_create(&key, destructor) != 0)
        return 1;
    atexit(first);
    atexit(second);
    pthread_setspecific(key, "main");
    tl = 1;
    pthread_create(&t, NULL, worker, (void *)mode);
    pthread_join(t, NULL);
    printf("main tl %d, key %s\n", tl, (const char *)pthread_getspecific(key));
    if (strcmp(mode, "exit") == 0) {
        printf("calls exit(3)\n");
        exit(3);
    }
    if (strcmp(mode, "_exit") == 0) {
        printf("calls _exit(4): this line is lost in the buffer\n");
        _exit(4);
    }
    if (strcmp(mode, "pthread_exit") == 0) {
        pthread_create(&t, NULL, late, NULL);
        printf("main calls pthread_exit\n");
        pthread_exit(NULL);
    }
    printf("main returns\n");
    return 0;
}
