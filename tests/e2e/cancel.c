/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cancel.c: pthread cancellation at cancellation points, cleanup handlers. */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/*
 * Each case starts a thread that pushes a cleanup handler, says it is
 * ready and blocks in one cancellation point; the main thread cancels and
 * joins it.  What the threads share is atomic or a semaphore, so the
 * program is race-free natively on several cores.
 */

static atomic_int cleanups, order, after_point;
static sem_t ready;
static int fds[2];
static sem_t never;
static pthread_mutex_t mx = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static atomic_int mutex_held_in_cleanup = -1;
static pthread_t sleeper;

static void cleanup(void *arg)
{
    (void)arg;
    atomic_fetch_add(&cleanups, 1);
}

static void unlock_cleanup(void *arg)
{
    /* The mutex is held again when a cancelled cond wait's handlers run. */
    atomic_store(&mutex_held_in_cleanup,
                 pthread_mutex_trylock(&mx) == EBUSY ? 1 : 0);
    pthread_mutex_unlock(arg);
}

static void *sleeper_main(void *arg)
{
    (void)arg;
    for (;;)
        pause();
    return NULL;
}

static void *point(void *arg)
{
    const char *what = arg;
    char c;
    struct timespec ts = {60, 0};

    pthread_cleanup_push(cleanup, NULL);
    if (!strcmp(what, "pthread_cond_wait")) {
        pthread_mutex_lock(&mx);
        pthread_cleanup_push(unlock_cleanup, &mx);
        sem_post(&ready);
        for (;;)
            pthread_cond_wait(&cv, &mx);
        pthread_cleanup_pop(0);
    }
    sem_post(&ready);
    if (!strcmp(what, "read"))
        (void)!read(fds[0], &c, 1);
    else if (!strcmp(what, "sem_wait"))
        sem_wait(&never);
    else if (!strcmp(what, "nanosleep"))
        nanosleep(&ts, NULL);
    else if (!strcmp(what, "sleep"))
        sleep(60);
    else if (!strcmp(what, "pause"))
        pause();
    else if (!strcmp(what, "poll")) {
        struct pollfd p = {.fd = fds[0], .events = POLLIN};
        poll(&p, 1, -1);
    } else if (!strcmp(what, "select")) {
        fd_set r;
        FD_ZERO(&r);
        FD_SET(fds[0], &r);
        select(fds[0] + 1, &r, NULL, NULL, NULL);
    } else if (!strcmp(what, "recv")) {
        recv(fds[0], &c, 1, 0);
    } else if (!strcmp(what, "pthread_join")) {
        pthread_join(sleeper, NULL);
    } else if (!strcmp(what, "sigwait")) {
        sigset_t set;
        int sig;
        sigemptyset(&set);
        sigaddset(&set, SIGUSR1);
        pthread_sigmask(SIG_BLOCK, &set, NULL);
        sigwait(&set, &sig);
    } else if (!strcmp(what, "pthread_testcancel")) {
        for (;;)
            pthread_testcancel();
    }
    atomic_store(&after_point, 1);
    pthread_cleanup_pop(0);
    return NULL;
}

static void at_point(const char *what)
{
    pthread_t t;
    void *ret = NULL;

    atomic_store(&cleanups, 0);
    atomic_store(&after_point, 0);
    pthread_create(&t, NULL, point, (void *)what);
    sem_wait(&ready);
    pthread_cancel(t);
    pthread_join(t, &ret);
    printf("%s: cancelled %s, cleanup ran %d, went past it %d\n", what,
           ret == PTHREAD_CANCELED ? "yes" : "no", atomic_load(&cleanups),
           atomic_load(&after_point));
}

static void *disabled(void *arg)
{
    int old = -1;

    (void)arg;
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
    sem_post(&ready);
    sem_wait(&never); /* cancelled meanwhile: not acted on */
    atomic_store(&after_point, old == PTHREAD_CANCEL_ENABLE ? 1 : 2);
    pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
    pthread_testcancel();
    atomic_store(&after_point, 3);
    return NULL;
}

static void first(void *arg)
{
    (void)arg;
    atomic_store(&order, atomic_load(&order) * 10 + 1);
}

static void second(void *arg)
{
    (void)arg;
    atomic_store(&order, atomic_load(&order) * 10 + 2);
}

static void *exits(void *arg)
{
    (void)arg;
    pthread_cleanup_push(first, NULL);
    pthread_cleanup_push(second, NULL);
    pthread_cleanup_push(second, NULL);
    pthread_cleanup_pop(0); /* not run */
    pthread_exit((void *)42);
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
    return NULL;
}

static void *popped(void *arg)
{
    (void)arg;
    pthread_cleanup_push(first, NULL);
    pthread_cleanup_pop(1); /* run */
    return (void *)7;
}

static void *self(void *arg)
{
    (void)arg;
    pthread_cleanup_push(cleanup, NULL);
    pthread_cancel(pthread_self()); /* deferred: acts at the next point */
    atomic_store(&after_point, 1);
    pthread_testcancel();
    atomic_store(&after_point, 2);
    pthread_cleanup_pop(0);
    return NULL;
}

static atomic_int spins;

static void *async(void *arg)
{
    (void)arg;
    pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
    sem_post(&ready);
    for (;;) {
        atomic_fetch_add(&spins, 1);
        sched_yield();
    }
    return NULL;
}

int main(void)
{
    static const char *points[] = {"read",
                                   "sem_wait",
                                   "nanosleep",
                                   "sleep",
                                   "pause",
                                   "poll",
                                   "select",
                                   "recv",
                                   "pthread_join",
                                   "sigwait",
                                   "pthread_testcancel"};
    pthread_t t;
    void *ret;
    int old;

    setvbuf(stdout, NULL, _IOLBF, 0);
    sem_init(&ready, 0, 0);
    sem_init(&never, 0, 0);
    socketpair(AF_UNIX, SOCK_STREAM, 0, fds);
    pthread_create(&sleeper, NULL, sleeper_main, NULL);
    printf("PTHREAD_CANCELED is (void *)-1: %s\n",
           PTHREAD_CANCELED == (void *)-1 ? "yes" : "no");
    for (size_t i = 0; i < sizeof(points) / sizeof(points[0]); i++)
        at_point(points[i]);

    atomic_store(&cleanups, 0);
    pthread_create(&t, NULL, point, "pthread_cond_wait");
    sem_wait(&ready);
    pthread_mutex_lock(&mx); /* it waits, the mutex released */
    pthread_mutex_unlock(&mx);
    pthread_cancel(t);
    pthread_join(t, &ret);
    printf("pthread_cond_wait: cancelled %s, mutex held in its cleanup %d, "
           "cleanup ran %d\n",
           ret == PTHREAD_CANCELED ? "yes" : "no",
           atomic_load(&mutex_held_in_cleanup), atomic_load(&cleanups));
    printf("mutex free afterwards: %s\n",
           pthread_mutex_trylock(&mx) == 0 ? "yes" : "no");
    pthread_mutex_unlock(&mx);

    atomic_store(&after_point, 0);
    pthread_create(&t, NULL, disabled, NULL);
    sem_wait(&ready);
    pthread_cancel(t);
    sem_post(&never);
    pthread_join(t, &ret);
    printf("cancel disabled: acted at the next point after enabling %s, "
           "state was %d\n",
           ret == PTHREAD_CANCELED ? "yes" : "no", atomic_load(&after_point));

    pthread_create(&t, NULL, exits, NULL);
    pthread_join(t, &ret);
    printf("pthread_exit runs handlers newest first: %d, value %ld\n",
           atomic_load(&order), (long)ret);
    atomic_store(&order, 0);
    pthread_create(&t, NULL, popped, NULL);
    pthread_join(t, &ret);
    printf("pthread_cleanup_pop(1) runs it: %d, value %ld\n",
           atomic_load(&order), (long)ret);

    atomic_store(&cleanups, 0);
    atomic_store(&after_point, 0);
    pthread_create(&t, NULL, self, NULL);
    pthread_join(t, &ret);
    printf("cancel self: cancelled %s at pthread_testcancel %d, cleanup %d\n",
           ret == PTHREAD_CANCELED ? "yes" : "no", atomic_load(&after_point),
           atomic_load(&cleanups));

    pthread_create(&t, NULL, async, NULL);
    sem_wait(&ready);
    pthread_cancel(t);
    pthread_join(t, &ret);
    printf("asynchronous: cancelled %s\n",
           ret == PTHREAD_CANCELED ? "yes" : "no");

    printf("setcancelstate bad: %d, setcanceltype bad: %d\n",
           pthread_setcancelstate(5, &old), pthread_setcanceltype(5, &old));
    pthread_cancel(sleeper);
    pthread_join(sleeper, &ret);
    printf("cancel: done\n");
    return 0;
}
