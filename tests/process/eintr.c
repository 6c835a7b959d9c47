/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* eintr.c: handlers interrupting blocking calls, SA_RESTART, SIGPIPE. */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "errname.h"

/*
 * One thread (the SIGEV_THREAD-free half of the timer tests): a one-shot
 * ITIMER_REAL of 50 ms interrupts each blocking call, whose result is
 * printed.  Linux decides what is made again after an SA_RESTART handler
 * (read, write, accept, sem_wait) and what never is (poll, select,
 * epoll_wait, nanosleep, sem_timedwait); the image must agree.
 */

static volatile sig_atomic_t alarms, pipes;
static int feed = -1; /* the handler writes a byte here if >= 0 */
static sem_t *post_sem;

static void on_alarm(int sig)
{
    (void)sig;
    alarms++;
    if (feed >= 0)
        (void)!write(feed, "x", 1);
    if (post_sem)
        sem_post(post_sem);
}

static void on_pipe(int sig)
{
    (void)sig;
    pipes++;
}

static void install(int sig, void (*fn)(int), int flags)
{
    struct sigaction a;

    memset(&a, 0, sizeof(a));
    a.sa_handler = fn;
    a.sa_flags = flags;
    sigemptyset(&a.sa_mask);
    sigaction(sig, &a, NULL);
}

/* The alarm in 50 ms, with or without SA_RESTART. */
static void arm(int restart)
{
    struct itimerval v = {{0, 0}, {0, 50000}};

    install(SIGALRM, on_alarm, restart ? SA_RESTART : 0);
    alarms = 0;
    setitimer(ITIMER_REAL, &v, NULL);
}

static void show(const char *what, long r)
{
    printf("%s: %ld", what, r);
    if (r == -1)
        printf(" %s", errname(errno));
    printf(", handler ran %d\n", (int)alarms);
}

static void pipes_and_sleeps(void)
{
    int p[2];
    char c = 0;
    struct timespec req = {5, 0}, rem = {0, 0};

    pipe(p);
    arm(0);
    show("read pipe, no SA_RESTART", read(p[0], &c, 1));
    feed = p[1];
    arm(1);
    long r = read(p[0], &c, 1);
    show("read pipe, SA_RESTART (handler writes)", r);
    printf("read got: %c\n", r == 1 ? c : '?');
    feed = -1;

    arm(1);
    show("nanosleep, SA_RESTART", nanosleep(&req, &rem));
    printf("nanosleep rem > 4 s: %s\n", rem.tv_sec >= 4 ? "yes" : "no");

    struct pollfd pf = {.fd = p[0], .events = POLLIN};
    arm(1);
    show("poll, SA_RESTART", poll(&pf, 1, 5000));

    fd_set rd;
    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    struct timeval tv = {5, 0};
    arm(1);
    show("select, SA_RESTART", select(p[0] + 1, &rd, NULL, NULL, &tv));

    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN}, out;
    epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
    arm(1);
    show("epoll_wait, SA_RESTART", epoll_wait(ep, &out, 1, 5000));
    close(ep);

    /* A pipe nobody reads any more: SIGPIPE, then EPIPE. */
    install(SIGPIPE, on_pipe, 0);
    close(p[0]);
    r = write(p[1], "y", 1);
    printf("write to a closed pipe: %ld %s, SIGPIPE %d\n", r, errname(errno),
           (int)pipes);
    close(p[1]);
}

static void semaphores(void)
{
    sem_t s;
    struct timespec abs;

    sem_init(&s, 0, 0);
    arm(0);
    show("sem_wait, no SA_RESTART", sem_wait(&s));
    post_sem = &s;
    arm(1);
    show("sem_wait, SA_RESTART (handler posts)", sem_wait(&s));
    post_sem = NULL;
    clock_gettime(CLOCK_REALTIME, &abs);
    abs.tv_sec += 5;
    arm(1);
    show("sem_timedwait, SA_RESTART", sem_timedwait(&s, &abs));
    sem_destroy(&s);
}

static void condition(void)
{
    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
    struct timespec abs;
    int r = 0;

    clock_gettime(CLOCK_REALTIME, &abs);
    abs.tv_sec += 4; /* far beyond the 50 ms alarm, even under load */
    pthread_mutex_lock(&m);
    arm(0);
    /* Never EINTR: the handler runs, the wait goes on or ends as a
     * spurious wakeup; the loop sees the handler's work either way. */
    while (!alarms && r == 0)
        r = pthread_cond_timedwait(&cv, &m, &abs);
    printf("pthread_cond_timedwait: handler ran %d, EINTR never: %s\n",
           (int)alarms, r == EINTR ? "no" : "yes");
    pthread_mutex_unlock(&m);
}

static void sockets(void)
{
    int sv[2], l, r;
    char c;
    struct sockaddr_un a = {.sun_family = AF_UNIX};

    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    arm(0);
    show("recv, no SA_RESTART", recv(sv[0], &c, 1, 0));
    feed = sv[1];
    arm(1);
    show("recv, SA_RESTART (handler sends)", recv(sv[0], &c, 1, 0));
    feed = -1;

    snprintf(a.sun_path, sizeof(a.sun_path), "/tmp/eintr.%d", (int)getpid());
    unlink(a.sun_path);
    l = socket(AF_UNIX, SOCK_STREAM, 0);
    bind(l, (struct sockaddr *)&a, sizeof(a));
    listen(l, 1);
    arm(0);
    show("accept, no SA_RESTART", accept(l, NULL, NULL));
    close(l);
    unlink(a.sun_path);

    /* SIGPIPE on a socket whose peer is gone, unless MSG_NOSIGNAL. */
    close(sv[0]);
    pipes = 0;
    r = (int)send(sv[1], "z", 1, 0);
    printf("send to a closed peer: %d %s, SIGPIPE %d\n", r, errname(errno),
           (int)pipes);
    r = (int)send(sv[1], "z", 1, MSG_NOSIGNAL);
    printf("send MSG_NOSIGNAL: %d %s, SIGPIPE %d\n", r, errname(errno),
           (int)pipes);
    r = (int)write(sv[1], "z", 1);
    printf("write to a closed peer: %d %s, SIGPIPE %d\n", r, errname(errno),
           (int)pipes);
    close(sv[1]);
}

/* A thread that computes and reads the clock still runs the handler. */
static void computing(void)
{
    struct timespec t0, t;
    int spins = 0;

    arm(0);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    do {
        clock_gettime(CLOCK_MONOTONIC, &t);
        spins++;
    } while (!alarms && t.tv_sec - t0.tv_sec < 10);
    printf("handler ran in a thread reading the clock: %s\n",
           alarms ? "yes" : "no");
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    pipes_and_sleeps();
    semaphores();
    condition();
    sockets();
    computing();
    printf("eintr: done\n");
    return 0;
}
