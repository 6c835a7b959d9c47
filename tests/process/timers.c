/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* timers.c: alarm, setitimer, timer_create and timerfd, compared with Linux. */
#include <errno.h>
#include <poll.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "errname.h"

/* Times are judged in ranges wide enough for a loaded machine; only what
 * POSIX fixes is printed exactly.  SIGEV_THREAD runs in another thread
 * natively: what it touches is atomic or a semaphore. */

static volatile sig_atomic_t alarms, info_code, info_value, info_signo;
static atomic_int notified;
static atomic_int notify_value_ok = 1;
static sem_t notify_sem;

static void on_alarm(int sig)
{
    (void)sig;
    alarms++;
}

static void on_info(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    info_signo = sig == si->si_signo ? sig : -1;
    info_code = si->si_code;
    info_value = si->si_value.sival_int;
}

static void notify(union sigval v)
{
    if (v.sival_ptr != &notify_sem)
        atomic_store(&notify_value_ok, 0);
    atomic_fetch_add(&notified, 1);
    sem_post(&notify_sem);
}

static void show(const char *what, long r)
{
    printf("%s: %ld", what, r);
    if (r == -1)
        printf(" %s", errname(errno));
    printf("\n");
}

static long ms(const struct timespec *ts)
{
    return (long)ts->tv_sec * 1000 + ts->tv_nsec / 1000000;
}

static void alarms_and_itimers(void)
{
    struct sigaction a;
    struct itimerval v, old;

    memset(&a, 0, sizeof(a));
    a.sa_handler = on_alarm;
    sigemptyset(&a.sa_mask);
    sigaction(SIGALRM, &a, NULL);

    show("alarm(0) with none set", alarm(0));
    alarm(5);
    show("alarm(0) after alarm(5)", alarm(0));
    alarm(1);
    pause();
    printf("alarm(1) then pause: SIGALRM %d\n", (int)alarms);

    v = (struct itimerval){{0, 0}, {10, 0}};
    setitimer(ITIMER_REAL, &v, NULL);
    getitimer(ITIMER_REAL, &old);
    printf("getitimer after 10 s: %s, interval %ld.%06ld\n",
           old.it_value.tv_sec >= 9 && old.it_value.tv_sec <= 10 ? "9..10 s"
                                                                 : "wrong",
           (long)old.it_interval.tv_sec, (long)old.it_interval.tv_usec);
    v = (struct itimerval){{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &v, &old);
    printf("disarm returns the old value: %s\n",
           old.it_value.tv_sec >= 9 ? "yes" : "no");
    getitimer(ITIMER_REAL, &old);
    printf("disarmed: %ld.%06ld\n", (long)old.it_value.tv_sec,
           (long)old.it_value.tv_usec);
    v = (struct itimerval){{0, 0}, {0, 1000000}};
    show("setitimer usec 1000000", setitimer(ITIMER_REAL, &v, NULL));
    show("setitimer which 7", setitimer(7, &v, NULL));

    /* A periodic ITIMER_REAL: 20 ms, five signals. */
    alarms = 0;
    v = (struct itimerval){{0, 20000}, {0, 20000}};
    setitimer(ITIMER_REAL, &v, NULL);
    while (alarms < 5)
        pause();
    v = (struct itimerval){{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &v, NULL);
    printf("periodic ITIMER_REAL: %d signals\n", (int)alarms);
    signal(SIGALRM, SIG_DFL);
}

static void posix_timers(void)
{
    struct sigevent ev;
    struct sigaction a;
    struct itimerspec its, cur;
    timer_t t;
    sigset_t set;
    siginfo_t si;

    memset(&a, 0, sizeof(a));
    a.sa_sigaction = on_info;
    a.sa_flags = SA_SIGINFO;
    sigemptyset(&a.sa_mask);
    sigaction(SIGRTMIN, &a, NULL);

    memset(&ev, 0, sizeof(ev));
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGRTMIN;
    ev.sigev_value.sival_int = 42;
    show("timer_create bad clock", timer_create((clockid_t)99, &ev, &t));
    show("timer_create", timer_create(CLOCK_MONOTONIC, &ev, &t));
    its = (struct itimerspec){{0, 0}, {0, 30000000}};
    show("timer_settime 30 ms", timer_settime(t, 0, &its, NULL));
    timer_gettime(t, &cur);
    printf("timer_gettime: %s\n",
           ms(&cur.it_value) <= 30 && cur.it_value.tv_nsec > 0 ? "0..30 ms"
                                                               : "wrong");
    while (!info_signo)
        pause();
    printf("SIGEV_SIGNAL: signo ok %d, SI_TIMER %d, value %d\n",
           info_signo == SIGRTMIN, info_code == SI_TIMER, (int)info_value);
    timer_gettime(t, &cur);
    printf("one-shot after it fired: %ld %ld\n", (long)cur.it_value.tv_sec,
           cur.it_value.tv_nsec);
    its = (struct itimerspec){{0, 0}, {0, 1000000000}};
    show("timer_settime nsec 1e9", timer_settime(t, 0, &its, NULL));

    /* Overruns: a 10 ms timer whose signal stays blocked for 300 ms. */
    sigemptyset(&set);
    sigaddset(&set, SIGRTMIN);
    sigprocmask(SIG_BLOCK, &set, NULL);
    its = (struct itimerspec){{0, 10000000}, {0, 10000000}};
    timer_settime(t, 0, &its, NULL);
    usleep(300000);
    int sig = sigwaitinfo(&set, &si);
    int over = timer_getoverrun(t);
    printf("periodic, blocked 300 ms: sigwaitinfo %s, SI_TIMER %d, "
           "overrun >= 10: %s\n",
           sig == SIGRTMIN ? "SIGRTMIN" : "other", si.si_code == SI_TIMER,
           over >= 10 ? "yes" : "no");
    its = (struct itimerspec){{0, 0}, {0, 0}};
    timer_settime(t, 0, &its, &cur);
    printf("disarm: old interval %ld ms\n", ms(&cur.it_interval));
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    show("timer_delete", timer_delete(t));

    /* Absolute CLOCK_REALTIME. */
    ev.sigev_value.sival_int = 7;
    info_signo = 0;
    timer_create(CLOCK_REALTIME, &ev, &t);
    clock_gettime(CLOCK_REALTIME, &its.it_value);
    its.it_value.tv_nsec += 20000000;
    if (its.it_value.tv_nsec >= 1000000000) {
        its.it_value.tv_nsec -= 1000000000;
        its.it_value.tv_sec++;
    }
    its.it_interval = (struct timespec){0, 0};
    show("timer_settime TIMER_ABSTIME",
         timer_settime(t, TIMER_ABSTIME, &its, NULL));
    while (!info_signo)
        pause();
    printf("absolute realtime timer: value %d\n", (int)info_value);
    timer_delete(t);

    /* SIGEV_THREAD: a function in a thread, three times. */
    sem_init(&notify_sem, 0, 0);
    memset(&ev, 0, sizeof(ev));
    ev.sigev_notify = SIGEV_THREAD;
    ev.sigev_notify_function = notify;
    ev.sigev_value.sival_ptr = &notify_sem;
    show("timer_create SIGEV_THREAD", timer_create(CLOCK_MONOTONIC, &ev, &t));
    its = (struct itimerspec){{0, 20000000}, {0, 20000000}};
    timer_settime(t, 0, &its, NULL);
    for (int i = 0; i < 3; i++)
        sem_wait(&notify_sem);
    timer_delete(t);
    printf("SIGEV_THREAD: ran >= 3 times %s, value ok %d\n",
           atomic_load(&notified) >= 3 ? "yes" : "no",
           atomic_load(&notify_value_ok));

    /* SIGEV_NONE: nothing happens, the time still runs down. */
    ev.sigev_notify = SIGEV_NONE;
    timer_create(CLOCK_MONOTONIC, &ev, &t);
    its = (struct itimerspec){{0, 0}, {10, 0}};
    timer_settime(t, 0, &its, NULL);
    timer_gettime(t, &cur);
    printf("SIGEV_NONE: armed %s\n", cur.it_value.tv_sec >= 9 ? "yes" : "no");
    timer_delete(t);
}

static void timerfds(void)
{
    int fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
    struct itimerspec its = {{0, 20000000}, {0, 20000000}}, cur;
    uint64_t n = 0;
    uint32_t small;

    show("timerfd_create bad flags", timerfd_create(CLOCK_MONOTONIC, 0x7));
    show("read before arming", read(fd, &n, sizeof(n)));
    show("timerfd_settime", timerfd_settime(fd, 0, &its, NULL));
    timerfd_gettime(fd, &cur);
    printf("timerfd_gettime: %s, interval %ld ms\n",
           ms(&cur.it_value) <= 20 ? "0..20 ms" : "wrong",
           ms(&cur.it_interval));
    struct pollfd p = {.fd = fd, .events = POLLIN};
    show("poll", poll(&p, 1, 5000));
    printf("revents POLLIN: %d\n", (p.revents & POLLIN) != 0);
    show("read 4 bytes", read(fd, &small, sizeof(small)));
    show("read", read(fd, &n, sizeof(n)) == sizeof(n) ? 8 : -1);
    printf("expirations >= 1: %s\n", n >= 1 ? "yes" : "no");

    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.u32 = 77}, out;
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
    show("epoll_wait", epoll_wait(ep, &out, 1, 5000));
    printf("epoll data: %u\n", out.data.u32);
    close(ep);

    usleep(110000);
    read(fd, &n, sizeof(n));
    printf("after 110 ms of a 20 ms timer, expirations >= 4: %s\n",
           n >= 4 ? "yes" : "no");
    its = (struct itimerspec){{0, 0}, {0, 0}};
    timerfd_settime(fd, 0, &its, &cur);
    printf("disarm: old interval %ld ms\n", ms(&cur.it_interval));
    show("read disarmed", read(fd, &n, sizeof(n)));
    show("timerfd_gettime on stdin", timerfd_gettime(0, &cur));
    close(fd);

    /* Blocking, absolute and already past: one expiration at once. */
    fd = timerfd_create(CLOCK_REALTIME, 0);
    clock_gettime(CLOCK_REALTIME, &its.it_value);
    its.it_value.tv_sec -= 1;
    timerfd_settime(fd, TFD_TIMER_ABSTIME, &its, NULL);
    show("blocking read, absolute time in the past",
         read(fd, &n, sizeof(n)) == sizeof(n) ? (long)n : -1);
    close(fd);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    alarms_and_itimers();
    posix_timers();
    timerfds();
    printf("timers: done\n");
    return 0;
}
