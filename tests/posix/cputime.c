/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cputime.c: a process's CPU-time clocks (clock(), times(), getrusage(),
 * CLOCK_PROCESS_CPUTIME_ID and CLOCK_THREAD_CPUTIME_ID) count from its
 * start, so they read well under a second at the start of main, and move
 * while it computes; a timer armed at an absolute CPU time fires.  The
 * output must be identical on Ingot and on Linux. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

static double ts_sec(clockid_t id)
{
    struct timespec ts;

    if (clock_gettime(id, &ts) != 0)
        return -1;
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double rusage_sec(void)
{
    struct rusage ru;

    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return -1;
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_stime.tv_sec +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static double times_sec(void)
{
    struct tms t;

    if (times(&t) == (clock_t)-1)
        return -1;
    return (double)(t.tms_utime + t.tms_stime) / (double)sysconf(_SC_CLK_TCK);
}

static void report(const char *name, double start, double later)
{
    /* A booting image or a busy host may take a while to reach main, but
     * not ten seconds; the host's uptime would be far more. */
    printf("%-24s starts near 0: %s, moves: %s\n", name,
           start >= 0 && start < 10 ? "yes" : "no",
           later > start ? "yes" : "no");
}

static volatile sig_atomic_t fired;

static void on_alarm(int sig)
{
    (void)sig;
    fired = 1;
}

/* Computes for (sec) seconds of CPU time (a loaded host gives them
 * slowly), or until the alarm, or at most 20 s of the monotonic clock. */
static void spin(double sec)
{
    double end = ts_sec(CLOCK_PROCESS_CPUTIME_ID) + sec;
    double stop = ts_sec(CLOCK_MONOTONIC) + 20;
    volatile unsigned long x = 0;

    while (ts_sec(CLOCK_PROCESS_CPUTIME_ID) < end &&
           ts_sec(CLOCK_MONOTONIC) < stop && !fired)
        x++;
}

int main(void)
{
    double c0 = (double)clock() / CLOCKS_PER_SEC;
    double p0 = ts_sec(CLOCK_PROCESS_CPUTIME_ID);
    double t0 = ts_sec(CLOCK_THREAD_CPUTIME_ID);
    double r0 = rusage_sec(), m0 = times_sec();

    spin(0.05);
    report("clock()", c0, (double)clock() / CLOCKS_PER_SEC);
    report("CLOCK_PROCESS_CPUTIME_ID", p0, ts_sec(CLOCK_PROCESS_CPUTIME_ID));
    report("CLOCK_THREAD_CPUTIME_ID", t0, ts_sec(CLOCK_THREAD_CPUTIME_ID));
    report("getrusage()", r0, rusage_sec());
    report("times()", m0, times_sec());

    /* A timer at an absolute CPU time 20 ms ahead fires while we compute. */
    struct sigevent ev = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGALRM};
    timer_t t;
    struct timespec now;
    signal(SIGALRM, on_alarm);
    if (timer_create(CLOCK_PROCESS_CPUTIME_ID, &ev, &t) != 0 ||
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now) != 0) {
        perror("timer_create");
        return 1;
    }
    now.tv_nsec += 20000000;
    if (now.tv_nsec >= 1000000000) {
        now.tv_nsec -= 1000000000;
        now.tv_sec++;
    }
    struct itimerspec its = {.it_value = now};
    if (timer_settime(t, TIMER_ABSTIME, &its, NULL) != 0) {
        perror("timer_settime");
        return 1;
    }
    spin(5);
    printf("absolute CPU-time timer fired: %s\n", fired ? "yes" : "no");
    timer_delete(t);
    printf("cputime: done\n");
    return 0;
}
