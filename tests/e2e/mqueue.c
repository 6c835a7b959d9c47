/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mqueue.c: POSIX message queues: priorities, limits, timeouts, notify. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <mqueue.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

/* Natively the names are global (the pid, never printed, makes them
 * unique); queues stay within 10 messages, Linux's limit without
 * CAP_SYS_RESOURCE. */
static char name[64];
static sem_t noticed;
static union sigval notice_value;

static const char *err(int r)
{
    if (r != -1)
        return "ok";
    switch (errno) {
    case EAGAIN:
        return "EAGAIN";
    case EBADF:
        return "EBADF";
    case EBUSY:
        return "EBUSY";
    case EEXIST:
        return "EEXIST";
    case EINVAL:
        return "EINVAL";
    case EMSGSIZE:
        return "EMSGSIZE";
    case ENOENT:
        return "ENOENT";
    case ETIMEDOUT:
        return "ETIMEDOUT";
    default:
        return "other";
    }
}

static void in(struct timespec *ts, long ms)
{
    clock_gettime(CLOCK_REALTIME, ts);
    ts->tv_nsec += (ms % 1000) * 1000000;
    ts->tv_sec += ms / 1000 + ts->tv_nsec / 1000000000;
    ts->tv_nsec %= 1000000000;
}

static void *producer(void *arg)
{
    mqd_t q = mq_open(name, O_WRONLY);

    (void)arg;
    for (unsigned i = 0; i < 200; i++) {
        char m[16];
        snprintf(m, sizeof(m), "%u", i);
        mq_send(q, m, strlen(m) + 1, i % 3);
    }
    mq_close(q);
    return NULL;
}

static void noticed_fn(union sigval v)
{
    notice_value = v;
    sem_post(&noticed);
}

int main(void)
{
    struct mq_attr a = {.mq_maxmsg = 4, .mq_msgsize = 64}, got;
    char buf[64];
    unsigned prio = 0;
    struct timespec ts;
    mqd_t q, nb, ro;
    int r;

    setvbuf(stdout, NULL, _IOLBF, 0);
    snprintf(name, sizeof(name), "/ingot-mq-%d", (int)getpid());
    mq_unlink(name);

    r = mq_open(name, O_RDWR);
    printf("open missing: %s\n", err(r));
    r = mq_open("noslash", O_RDWR | O_CREAT, 0600, &a);
    printf("name without a slash: %s\n", err(r));
    struct mq_attr bad = {.mq_maxmsg = 0, .mq_msgsize = 64};
    r = mq_open(name, O_RDWR | O_CREAT, 0600, &bad);
    printf("mq_maxmsg 0: %s\n", err(r));
    q = mq_open(name, O_RDWR | O_CREAT | O_EXCL, 0600, &a);
    printf("create: %s\n", err(q));
    r = mq_open(name, O_RDWR | O_CREAT | O_EXCL, 0600, &a);
    printf("create again with O_EXCL: %s\n", err(r));
    mq_getattr(q, &got);
    printf("attr: flags %ld maxmsg %ld msgsize %ld curmsgs %ld\n", got.mq_flags,
           got.mq_maxmsg, got.mq_msgsize, got.mq_curmsgs);

    mq_send(q, "a", 2, 1);
    mq_send(q, "b", 2, 5);
    mq_send(q, "c", 2, 3);
    mq_send(q, "d", 2, 5);
    printf("order:");
    for (int i = 0; i < 4; i++) {
        long n = mq_receive(q, buf, sizeof(buf), &prio);
        printf(" %s/%u/%ld", buf, prio, n);
    }
    printf("\n");

    nb = mq_open(name, O_RDWR | O_NONBLOCK);
    r = (int)mq_receive(nb, buf, sizeof(buf), NULL);
    printf("receive empty, O_NONBLOCK: %s\n", err(r));
    for (int i = 0; i < 4; i++)
        mq_send(nb, "x", 1, 0);
    r = mq_send(nb, "x", 1, 0);
    printf("send full, O_NONBLOCK: %s\n", err(r));
    in(&ts, 50);
    r = mq_timedsend(q, "x", 1, 0, &ts);
    printf("timedsend full: %s\n", err(r));
    r = (int)mq_receive(q, buf, 63, NULL);
    printf("receive into 63 bytes: %s\n", err(r));
    r = mq_send(q, buf, 65, 0);
    printf("send 65 bytes: %s\n", err(r));
    r = mq_send(nb, "x", 1, MQ_PRIO_MAX);
    printf("priority MQ_PRIO_MAX: %s\n", err(r));
    while (mq_receive(nb, buf, sizeof(buf), NULL) >= 0)
        ;
    in(&ts, 50);
    r = (int)mq_timedreceive(q, buf, sizeof(buf), NULL, &ts);
    printf("timedreceive empty: %s\n", err(r));
    ts.tv_nsec = 1000000000;
    r = (int)mq_timedreceive(q, buf, sizeof(buf), NULL, &ts);
    printf("timedreceive bad timeout: %s\n", err(r));
    struct mq_attr set = {.mq_flags = 0}, old;
    mq_setattr(nb, &set, &old);
    mq_getattr(nb, &got);
    printf("setattr: old flags O_NONBLOCK %d, now %ld\n",
           old.mq_flags == O_NONBLOCK, got.mq_flags);
    mq_close(nb);

    ro = mq_open(name, O_RDONLY);
    r = mq_send(ro, "x", 1, 0);
    printf("send on O_RDONLY: %s\n", err(r));
    mq_close(ro);
    r = mq_close(ro);
    printf("close twice: %s\n", err(r));

    /* A queue descriptor is a file descriptor: poll and select take it. */
    struct pollfd pf = {q, POLLIN | POLLOUT, 0};
    r = poll(&pf, 1, 0);
    printf("poll empty: %d revents %#x\n", r, pf.revents);
    mq_send(q, "p", 2, 0);
    r = poll(&pf, 1, 0);
    printf("poll one message: %d revents %#x\n", r, pf.revents);
    fd_set rd;
    struct timeval tv = {0, 0};
    FD_ZERO(&rd);
    FD_SET(q, &rd);
    r = select(q + 1, &rd, NULL, NULL, &tv);
    printf("select: %d readable %d\n", r, FD_ISSET(q, &rd) != 0);
    for (int i = 0; i < 3; i++)
        mq_send(q, "p", 2, 0);
    r = poll(&pf, 1, 0);
    printf("poll full: %d revents %#x\n", r, pf.revents);
    while (mq_getattr(q, &got) == 0 && got.mq_curmsgs > 0)
        mq_receive(q, buf, sizeof(buf), NULL);
    printf("close-on-exec: %d\n", (fcntl(q, F_GETFD) & FD_CLOEXEC) != 0);

    /* A producer thread through a queue of 4: blocking both ways. */
    pthread_t t;
    unsigned long sum = 0;
    int count = 0, in_order = 1, last[3] = {-1, -1, -1};
    pthread_create(&t, NULL, producer, NULL);
    for (int i = 0; i < 200; i++) {
        long n = mq_receive(q, buf, sizeof(buf), &prio);
        unsigned v;
        if (n > 0 && sscanf(buf, "%u", &v) == 1) {
            sum += v;
            count++;
            if ((int)v <= last[prio])
                in_order = 0;
            last[prio] = (int)v;
        }
    }
    pthread_join(t, NULL);
    printf("producer thread: %d messages, sum %lu, in order within each "
           "priority %d\n",
           count, sum, in_order);

    /* mq_notify: a signal, once. */
    sigset_t usr1;
    siginfo_t si;
    struct sigevent ev = {.sigev_notify = SIGEV_SIGNAL,
                          .sigev_signo = SIGUSR1,
                          .sigev_value.sival_int = 99};
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    sigprocmask(SIG_BLOCK, &usr1, NULL);
    printf("mq_notify: %s\n", err(mq_notify(q, &ev)));
    printf("mq_notify again: %s\n", err(mq_notify(q, &ev)));
    mq_send(q, "n", 2, 0);
    r = sigwaitinfo(&usr1, &si);
    printf("notified: %s, SI_MESGQ %d, value %d\n",
           r == SIGUSR1 ? "SIGUSR1" : "no", si.si_code == SI_MESGQ,
           si.si_value.sival_int);
    printf("registration gone, mq_notify: %s\n", err(mq_notify(q, NULL)));
    mq_receive(q, buf, sizeof(buf), NULL);

    /* SIGEV_THREAD. */
    sem_init(&noticed, 0, 0);
    ev = (struct sigevent){.sigev_notify = SIGEV_THREAD,
                           .sigev_value.sival_int = 7};
    ev.sigev_notify_function = noticed_fn;
    mq_notify(q, &ev);
    mq_send(q, "t", 2, 0);
    sem_wait(&noticed);
    printf("SIGEV_THREAD: value %d\n", notice_value.sival_int);

    printf("unlink: %s\n", err(mq_unlink(name)));
    printf("open after unlink: %s\n", err(mq_open(name, O_RDWR)));
    r = (int)mq_receive(q, buf, sizeof(buf), NULL);
    printf("still usable: %s %s\n", err(r), buf);
    printf("close: %s\n", err(mq_close(q)));
    printf("unlink again: %s\n", err(mq_unlink(name)));
    printf("mqueue: done\n");
    return 0;
}
